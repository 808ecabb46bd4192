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
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'tension' AND :article IS NULL)
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS within,
       (SELECT group_concat(name, ' and ')
          FROM (SELECT e.name FROM tension_party tp JOIN entity e ON e.id = tp.party_id
                 WHERE tp.fact_id = t.fact_id ORDER BY e.name)) AS between_parties,
       t.about,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = t.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = t.fact_id)) AS evidence,
       '[' || t.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN tension t ON t.fact_id = scope.fact_id
  LEFT JOIN entity o ON o.id = t.organization_id
 ORDER BY scope.article_id, scope.seq
