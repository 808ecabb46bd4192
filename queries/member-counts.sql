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
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'member_count' AND :article IS NULL)
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS organization,
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
  FROM scope CROSS JOIN member_count c ON c.fact_id = scope.fact_id
  JOIN entity o ON o.id = c.organization_id
 ORDER BY scope.article_id, scope.seq
