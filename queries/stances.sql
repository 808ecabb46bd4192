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
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = h.id AND nm.article_id = :article), h.name) AS holder,
       h.kind AS holder_kind,
       s.kind,
       s.statement,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = s.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = s.fact_id)) AS evidence,
       '[' || s.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN stance s ON s.fact_id = scope.fact_id
  JOIN entity h ON h.id = s.holder_id)
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT holder, holder_kind, kind, statement, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'stance' AND :article IS NULL
  ORDER BY 1, 2)
