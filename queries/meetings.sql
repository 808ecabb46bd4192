-- name: meetings
-- title: Meetings between leaders
-- description: Each meeting the articles report, with its participants, where and during which event it took place.
-- param: article text optional  Only meetings stated by this article (its id)
-- param: event text optional  Only meetings during this event (its id)
-- column: participants  Who met, as printed
-- column: subject  What it was about, when stated
-- column: place  Where, when stated
-- column: event  During which event, when stated
-- column: evidence  The article's words stating the meeting
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Who met whom?
-- example: Which leaders held talks with each other?
-- example: Were there bilateral meetings?
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'meeting' AND :article IS NULL)
SELECT (SELECT group_concat(name, ' and ')
          FROM (SELECT p.name FROM meeting_participant mp JOIN entity p ON p.id = mp.person_id
                 WHERE mp.fact_id = m.fact_id ORDER BY p.name)) AS participants,
       m.subject,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = pl.id AND nm.article_id = :article), pl.name) AS place,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = m.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = m.fact_id)) AS evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN meeting m ON m.fact_id = scope.fact_id
  LEFT JOIN entity pl ON pl.id = m.place_id
  LEFT JOIN entity ev ON ev.id = m.event_id
 WHERE (:event IS NULL OR m.event_id = :event)
 ORDER BY scope.article_id, scope.seq
