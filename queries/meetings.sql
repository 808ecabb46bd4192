-- name: meetings
-- title: Meetings between leaders
-- description: Each meeting the articles report, with its participants, where and during which event it took place.
-- param: article text optional  Only meetings stated by this article (its id)
-- param: event text optional  Only meetings during this event (its id)
-- column: participants  Who met, as printed
-- column: place  Where, when stated
-- column: event  During which event, when stated
-- column: evidence  The article's words stating the meeting
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Who met whom?
-- example: Which leaders held talks with each other?
-- example: Were there bilateral meetings?
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM meeting NOT INDEXED WHERE :article IS NULL)
SELECT (SELECT group_concat(name, ' and ')
          FROM (SELECT p.name FROM meeting_participant mp JOIN entity p ON p.id = mp.person_id
                 WHERE mp.meeting_id = m.fact_id ORDER BY p.name)) AS participants,
       pl.name AS place,
       ev.name AS event,
       fe.evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN meeting m ON m.fact_id = scope.fact_id
  LEFT JOIN entity pl ON pl.id = m.place_id
  LEFT JOIN entity ev ON ev.id = m.event_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
 WHERE (:event IS NULL OR m.event_id = :event)
 ORDER BY m.fact_id
