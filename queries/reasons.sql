-- name: reasons
-- title: Reasons the article gives
-- description: Why things happened, as stated: each reason with the fact it explains.
SELECT CASE f.kind
         WHEN 'attendance' THEN (SELECT coalesce(r.name || ' sent ', '') || p.name || coalesce(' (' || t.title || ')', '')
                                   FROM attendance a
                                   JOIN entity p ON p.id = a.person_id
                                   LEFT JOIN entity r ON r.id = a.represents_id
                                   LEFT JOIN office_holding_title t ON t.person_id = a.person_id AND t.office_id = a.office_id
                                  WHERE a.fact_id = f.id)
         ELSE f.kind || ' #' || f.id
       END AS explains,
       rs.reason,
       fe.evidence
  FROM reason rs
  JOIN fact f ON f.id = rs.explains
  JOIN fact_evidence fe ON fe.fact_id = rs.fact_id
 ORDER BY rs.fact_id
