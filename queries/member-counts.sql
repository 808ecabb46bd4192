-- name: member-counts
-- title: How many members each organization has, and how many the articles name
-- description: Each count of an organization's members an article gives ("now has nine members"), as of its date,
--   beside the number of founding and full members the articles name: where they fall short, the articles leave
--   members out.
-- param: article text optional  Only counts stated by this article, and only the members it names (its id)
-- column: organization  The organization
-- column: members  How many members it has, as stated
-- column: printed  The words giving the number
-- column: as_of  The date the count holds from: as stated, or else the date of the article stating it
-- column: named  How many founding and full members the articles (or the article) name for it
-- column: evidence  The article's words stating the count
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: How many members does the organization have?
-- example: How many member states are there?
-- example: Are all the members named?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS organization,
       c.members,
       c.printed,
       coalesce(c.as_of, (SELECT art.published FROM article art WHERE art.id = scope.article_id)) AS as_of,
       (SELECT count(DISTINCT m.member_id) FROM membership m
         WHERE m.organization_id = c.organization_id AND m.status IN ('founding member', 'member')
           AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = m.fact_id AND s.article_id = :article)))
         AS named,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = c.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = c.fact_id)) AS evidence,
       '[' || c.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN member_count c ON c.fact_id = scope.fact_id
  JOIN entity o ON o.id = c.organization_id)
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT organization, members, printed, as_of, named, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'member_count' AND :article IS NULL
  ORDER BY 1, 2)
