-- name: tensions
-- title: Tensions between members, and what they are about
-- description: Each tension the articles report: within which organization, between whom, and about what.
-- param: article text optional  Only tensions stated by this article (its id)
-- column: within  The organization within which it exists, when stated
-- column: between_parties  Its sides, as printed
-- column: about  What it is about, in the article's words
-- column: evidence  The article's words
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: What tensions or conflicts exist between members?
-- example: Which members disagree, and about what?
-- example: Is there friction or rivalry within the organization?
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM tension NOT INDEXED WHERE :article IS NULL)
SELECT o.name AS within,
       (SELECT group_concat(name, ' and ')
          FROM (SELECT e.name FROM tension_party tp JOIN entity e ON e.id = tp.party_id
                 WHERE tp.tension_id = t.fact_id ORDER BY e.name)) AS between_parties,
       t.about,
       fe.evidence,
       '[' || t.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN tension t ON t.fact_id = scope.fact_id
  LEFT JOIN entity o ON o.id = t.organization_id
  JOIN fact_evidence fe ON fe.fact_id = t.fact_id
 ORDER BY t.fact_id
