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
SELECT organization, fact, value, evidence, '[' || fact_id || ']' AS fact_ids
  FROM (SELECT o.name AS organization, 'founded in' AS fact, CAST(x.year AS TEXT) AS value, fe.evidence,
               1 AS sort, x.fact_id
          FROM organization_founding x
          JOIN entity o ON o.id = x.organization_id
          JOIN fact_evidence fe ON fe.fact_id = x.fact_id
        UNION ALL
        SELECT o.name, 'founded by', c.name, fe.evidence, 2, m.fact_id
          FROM membership m
          JOIN entity o ON o.id = m.organization_id
          JOIN entity c ON c.id = m.member_id
          JOIN fact_evidence fe ON fe.fact_id = m.fact_id
         WHERE m.status = 'founding member'
        UNION ALL
        SELECT o.name, 'purpose', p.purpose, fe.evidence, 3, p.fact_id
          FROM organization_purpose p
          JOIN entity o ON o.id = p.organization_id
          JOIN fact_evidence fe ON fe.fact_id = p.fact_id) AS facts
 WHERE :article IS NULL OR facts.fact_id IN (SELECT fact_id FROM fact_article WHERE article_id = :article)
 ORDER BY organization, sort, facts.fact_id
