-- name: members
-- title: Members of each organization, by status
-- description: Every membership the article states, with its status as stated: founding member, member,
--   soon-to-be full member, or "observer or dialogue partner" where the article does not tell the two apart.
SELECT o.name AS organization,
       m.status,
       c.name AS member,
       fe.evidence
  FROM membership m
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
 ORDER BY o.name,
          CASE m.status WHEN 'founding member' THEN 1 WHEN 'member' THEN 2
                        WHEN 'soon-to-be full member' THEN 3 ELSE 4 END,
          m.fact_id
