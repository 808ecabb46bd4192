-- name: stances
-- title: Stances and aims attributed to leaders, countries and groups
-- description: What the article says a person, country or group supports (stance) or seeks (aim).
SELECT h.name AS holder,
       h.kind AS holder_kind,
       s.kind,
       s.statement,
       fe.evidence
  FROM stance s
  JOIN entity h ON h.id = s.holder_id
  JOIN fact_evidence fe ON fe.fact_id = s.fact_id
 ORDER BY s.fact_id
