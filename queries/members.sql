-- name: members
-- title: Members of each organization, by status
-- description: Every membership the article states, with its status as stated: founding member, member,
--   soon-to-be full member, or "observer or dialogue partner" where the article does not tell the two apart.
-- param: article text optional  Only memberships stated by this article (its id)
-- column: organization  The organization
-- column: status  The status as the article states it
-- column: member  The member country
-- column: evidence  The article's words stating the membership
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Which countries are members of the organization?
-- example: What is each member's status?
-- example: Who are the observer states and dialogue partners?
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM membership NOT INDEXED WHERE :article IS NULL)
SELECT o.name AS organization,
       m.status,
       c.name AS member,
       fe.evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
 ORDER BY o.name,
          CASE m.status WHEN 'founding member' THEN 1 WHEN 'member' THEN 2
                        WHEN 'soon-to-be full member' THEN 3 ELSE 4 END,
          m.fact_id
