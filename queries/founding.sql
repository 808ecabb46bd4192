-- name: founding
-- title: When and by whom each organization was founded, and for what
-- description: The founding year, the founding members and the stated purpose of each organization, one fact
--   per row.
-- param: article text optional  Only facts stated by this article (its id)
-- column: organization  The organization
-- column: fact  Which founding fact: founded in, founded by, purpose
-- column: value  The year, the founder, or the purpose in the article's words
-- column: evidence  The article's words
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: When was the organization founded?
-- example: Who founded it, and in which year?
-- example: What is the organization's purpose?
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the three kinds: by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact
   WHERE kind IN ('organization_founding', 'membership', 'organization_purpose') AND :article IS NULL)
SELECT organization, fact, value,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = facts.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = facts.fact_id)) AS evidence,
       '[' || facts.fact_id || ']' AS fact_ids
  FROM (SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name)
                 AS organization,
               'founded in' AS fact, CAST(x.year AS TEXT) AS value, 1 AS sort, scope.article_id, scope.seq, x.fact_id
          FROM scope CROSS JOIN organization_founding x ON x.fact_id = scope.fact_id
          JOIN entity o ON o.id = x.organization_id
        UNION ALL
        SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name),
               'founded by',
               coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name),
               2, scope.article_id, scope.seq, m.fact_id
          FROM scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
          JOIN entity o ON o.id = m.organization_id
          JOIN entity c ON c.id = m.member_id
         WHERE m.status = 'founding member'
        UNION ALL
        SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name),
               'purpose', p.purpose, 3, scope.article_id, scope.seq, p.fact_id
          FROM scope CROSS JOIN organization_purpose p ON p.fact_id = scope.fact_id
          JOIN entity o ON o.id = p.organization_id) AS facts
 ORDER BY organization, sort, article_id, seq
