-- name: non-member-attendees
-- title: Attendees from countries that are not (yet) members
-- description: Attendees representing a country that is neither a founding nor a full member of the
--   organization holding the event, with the status the articles give it, if any.
-- param: article text optional  Only attendance stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: person  The attendee, as printed
-- column: country  The country they represented
-- column: event  The event
-- column: status  The country's status in the organization, as stated
-- column: evidence  The article's words stating the attendance
-- column: fact_ids  JSON array of the facts the row rests on (attendance, memberships); see factdb why
-- example: Which attendees come from countries that are not members?
-- example: Who attended without being a full member?
-- example: Which guests or future members took part?
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM attendance NOT INDEXED WHERE :article IS NULL)
SELECT p.name AS person,
       c.name AS country,
       ev.name AS event,
       coalesce((SELECT group_concat(m.status, ', ') FROM membership m
                  WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id), 'no status stated') AS status,
       fe.evidence,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT a.fact_id AS id UNION ALL
                                          SELECT m.fact_id FROM membership m
                                           WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id))
         AS fact_ids
  FROM scope CROSS JOIN attendance a ON a.fact_id = scope.fact_id
  JOIN event e ON e.id = a.event_id
  JOIN entity ev ON ev.id = a.event_id
  JOIN entity p ON p.id = a.person_id
  JOIN entity c ON c.id = a.represents_id AND c.kind = 'country'
  JOIN fact_evidence fe ON fe.fact_id = a.fact_id
 WHERE NOT EXISTS (SELECT 1 FROM membership m
                    WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id
                      AND m.status IN ('founding member', 'member'))
   AND (:event IS NULL OR a.event_id = :event)
 ORDER BY a.fact_id
