-- name: stances
-- title: Stances and aims attributed to leaders, countries and groups
-- description: What the articles say a person, country or group supports (stance) or seeks (aim).
-- param: article text optional  Only stances stated by this article (its id)
-- column: holder  Whose stance or aim it is, as printed
-- column: holder_kind  person, country, organization or group
-- column: kind  stance (a position held) or aim (a goal pursued)
-- column: statement  What it is, in the article's words
-- column: evidence  The article's words
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: What positions did the leaders take?
-- example: What does a country want or support?
-- example: What aims did the leaders pursue?
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'stance' AND :article IS NULL)
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = h.id AND nm.article_id = :article), h.name) AS holder,
       h.kind AS holder_kind,
       s.kind,
       s.statement,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = s.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = s.fact_id)) AS evidence,
       '[' || s.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN stance s ON s.fact_id = scope.fact_id
  JOIN entity h ON h.id = s.holder_id
 ORDER BY scope.article_id, scope.seq
