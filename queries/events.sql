-- name: events
-- title: Events, whose session they are, and where they took place
-- description: Each event with its organizing organization, the places it is located in, and how many
--   attendees the article names.
SELECT e.name AS event,
       o.name AS organization,
       (SELECT group_concat(pl.name, ', ') FROM location l JOIN entity pl ON pl.id = l.place_id
         WHERE l.entity_id = e.id) AS place,
       (SELECT count(*) FROM attendance a WHERE a.event_id = e.id) AS attendees,
       fe.evidence
  FROM event ev
  JOIN entity e ON e.id = ev.id
  LEFT JOIN entity o ON o.id = ev.organization_id
  JOIN fact_evidence fe ON fe.fact_id = e.fact_id
 ORDER BY e.fact_id
