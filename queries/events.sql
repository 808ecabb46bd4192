-- name: events
-- title: Events, whose session they are, and where they took place
-- description: Each event with its organizing organization, the places it is located in, and how many
--   attendees the articles name.
-- param: article text optional  Only events named by this article (its id)
-- column: event  The event, as first printed
-- column: organization  The organization whose session it is
-- column: place  Where it took place
-- column: attendees  How many attendees the articles name
-- column: evidence  The article's words naming the event
-- column: fact_ids  JSON array of the facts the row rests on (mentions, locations); see factdb why
-- example: Which events took place, and where?
-- example: Where was the summit held?
-- example: Whose session was the meeting, in which city?
-- Each event's row.
WITH answer AS NOT MATERIALIZED (
SELECT e.id AS scope_event,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name) AS event,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS organization,
       (SELECT group_concat(coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = pl.id AND nm.article_id = :article), pl.name), ', ')
          FROM location l JOIN entity pl ON pl.id = l.place_id WHERE l.entity_id = e.id) AS place,
       (SELECT count(*) FROM attendance a WHERE a.event_id = e.id
           AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = a.fact_id AND s.article_id = :article)))
         AS attendees,
       -- The article's own mention, or the first article's.
       (SELECT se.evidence FROM mention m JOIN statement_evidence se ON se.fact_id = m.fact_id AND se.article_id = m.article_id
         WHERE m.entity_id = e.id ORDER BY CASE WHEN m.article_id = :article THEN 0 ELSE 1 END, m.article_id LIMIT 1) AS evidence,
       -- Mentions in article order, then locations: an order any engine keeps.
       (SELECT '[' || group_concat(id, ',') || ']'
          FROM (SELECT mm.fact_id AS id, 0 AS part, mm.article_id AS k FROM mention mm WHERE mm.entity_id = e.id
                                             AND (:article IS NULL OR mm.article_id = :article)
                UNION ALL SELECT l.fact_id, 1, '' FROM location l WHERE l.entity_id = e.id
                ORDER BY part, k, id)) AS fact_ids
  FROM event ev
  JOIN entity e ON e.id = ev.id
  LEFT JOIN entity o ON o.id = ev.organization_id)
-- In the order the first article naming each event names it. The article's events are few and sorted; the
-- corpus's are read in that order from the index of first mentions, merged without a sort, so that the first
-- page costs its rows alone.
SELECT event, organization, place, attendees, evidence, fact_ids FROM (
  SELECT first.article_id, first.seq, answer.*
    FROM (SELECT DISTINCT m.entity_id FROM statement s JOIN mention m ON m.fact_id = s.fact_id WHERE s.article_id = :article) named
    CROSS JOIN answer ON answer.scope_event = named.entity_id
    JOIN first_mention first ON first.entity_id = named.entity_id
  UNION ALL
  SELECT first.article_id, first.seq, answer.* FROM first_mention first
    CROSS JOIN answer ON answer.scope_event = first.entity_id
   WHERE first.kind = 'event' AND :article IS NULL
  ORDER BY 1, 2)
