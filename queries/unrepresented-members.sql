-- name: unrepresented-members
-- title: Members with no named representative
-- description: Founding and full members of an organization for which no article names anybody attending
--   that organization's events on their behalf.
-- param: article text optional  Only memberships stated by this article (its id)
-- column: organization  The organization
-- column: member  The member country nobody is named for
-- column: status  Its membership status
-- column: evidence  The article's words stating the membership
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Which members sent nobody?
-- example: Which member states were absent or missing?
-- example: Which members had no representative at the summit?
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM membership NOT INDEXED WHERE :article IS NULL)
SELECT o.name AS organization,
       c.name AS member,
       m.status,
       fe.evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
 WHERE m.status IN ('founding member', 'member')
   AND NOT EXISTS (SELECT 1 FROM attendance a JOIN event e ON e.id = a.event_id
                    WHERE a.represents_id = m.member_id AND e.organization_id = m.organization_id)
 ORDER BY o.name, c.name
