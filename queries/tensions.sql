-- name: tensions
-- title: Tensions between members, and what they are about
-- description: Each tension the article reports: within which organization, between whom, and about what.
SELECT o.name AS within,
       (SELECT group_concat(name, ' and ')
          FROM (SELECT e.name FROM tension_party tp JOIN entity e ON e.id = tp.party_id
                 WHERE tp.tension_id = t.fact_id ORDER BY e.name)) AS between_parties,
       t.about,
       fe.evidence
  FROM tension t
  LEFT JOIN entity o ON o.id = t.organization_id
  JOIN fact_evidence fe ON fe.fact_id = t.fact_id
 ORDER BY t.fact_id
