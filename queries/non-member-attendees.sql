-- name: non-member-attendees
-- title: Attendees from countries that are not (yet) members
-- description: Attendees representing a country that is neither a founding nor a full member of the
--   organization holding the event, with the status the article gives it, if any.
SELECT p.name AS person,
       c.name AS country,
       ev.name AS event,
       coalesce((SELECT group_concat(m.status, ', ') FROM membership m
                  WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id), 'no status stated') AS status,
       fe.evidence
  FROM attendance a
  JOIN event e ON e.id = a.event_id
  JOIN entity ev ON ev.id = a.event_id
  JOIN entity p ON p.id = a.person_id
  JOIN entity c ON c.id = a.represents_id AND c.kind = 'country'
  JOIN fact_evidence fe ON fe.fact_id = a.fact_id
 WHERE NOT EXISTS (SELECT 1 FROM membership m
                    WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id
                      AND m.status IN ('founding member', 'member'))
 ORDER BY a.fact_id
