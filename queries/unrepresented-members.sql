-- name: unrepresented-members
-- title: Members with no named representative
-- description: Founding and full members of an organization for which the article names nobody attending
--   that organization's events on their behalf.
SELECT o.name AS organization,
       c.name AS member,
       m.status,
       fe.evidence
  FROM membership m
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
 WHERE m.status IN ('founding member', 'member')
   AND NOT EXISTS (SELECT 1 FROM attendance a JOIN event e ON e.id = a.event_id
                    WHERE a.represents_id = m.member_id AND e.organization_id = m.organization_id)
 ORDER BY o.name, c.name
