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
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'membership' AND :article IS NULL)
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS organization,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS member,
       m.status,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = m.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = m.fact_id)) AS evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id
 WHERE m.status IN ('founding member', 'member')
   AND NOT EXISTS (SELECT 1 FROM attendance a JOIN event e ON e.id = a.event_id
                    WHERE a.represents_id = m.member_id AND e.organization_id = m.organization_id)
 ORDER BY o.name, c.name
