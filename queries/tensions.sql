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
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS within,
       (SELECT group_concat(name, ' and ')
          FROM (SELECT e.name FROM tension_party tp JOIN entity e ON e.id = tp.party_id
                 WHERE tp.fact_id = t.fact_id ORDER BY e.name)) AS between_parties,
       t.about,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = t.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = t.fact_id)) AS evidence,
       '[' || t.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN tension t ON t.fact_id = scope.fact_id
  LEFT JOIN entity o ON o.id = t.organization_id)
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT within, between_parties, about, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'tension' AND :article IS NULL
  ORDER BY 1, 2)
