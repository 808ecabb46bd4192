-- name: founding
-- title: When and by whom each organization was founded, and for what
-- description: The founding year, the founding members and the stated purpose of each organization, one fact
--   per row.
SELECT organization, fact, value, evidence
  FROM (SELECT o.name AS organization, 'founded in' AS fact, CAST(f.year AS TEXT) AS value, fe.evidence,
               1 AS sort, f.fact_id AS seq
          FROM organization_founding f
          JOIN entity o ON o.id = f.organization_id
          JOIN fact_evidence fe ON fe.fact_id = f.fact_id
        UNION ALL
        SELECT o.name, 'founded by', c.name, fe.evidence, 2, m.fact_id
          FROM membership m
          JOIN entity o ON o.id = m.organization_id
          JOIN entity c ON c.id = m.member_id
          JOIN fact_evidence fe ON fe.fact_id = m.fact_id
         WHERE m.status = 'founding member'
        UNION ALL
        SELECT o.name, 'purpose', p.purpose, fe.evidence, 3, p.fact_id
          FROM organization_purpose p
          JOIN entity o ON o.id = p.organization_id
          JOIN fact_evidence fe ON fe.fact_id = p.fact_id)
 ORDER BY organization, sort, seq
