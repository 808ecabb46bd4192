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
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM stance NOT INDEXED WHERE :article IS NULL)
SELECT h.name AS holder,
       h.kind AS holder_kind,
       s.kind,
       s.statement,
       fe.evidence,
       '[' || s.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN stance s ON s.fact_id = scope.fact_id
  JOIN entity h ON h.id = s.holder_id
  JOIN fact_evidence fe ON fe.fact_id = s.fact_id
 ORDER BY s.fact_id
