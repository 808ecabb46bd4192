-- name: topics
-- title: What the event focused on, discussed, showcased or was expected to discuss
-- description: Topics of each event as the articles relate them: its focus, subjects discussed (with who
--   discussed them, where stated), what it showcased or presented, and talks expected on the sidelines.
-- param: article text optional  Only topics stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: event  The event
-- column: kind  How the article relates the subject to the event: focus, discussed, expected, showcased, presented
-- column: subject  The subject, in the article's words
-- column: speaker  Who discussed it, when stated
-- column: evidence  The article's words
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: What was discussed at the summit?
-- example: What did the meeting focus on?
-- example: Which subjects were on the agenda?
-- example: What talks were expected on the sidelines?
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'event_topic' AND :article IS NULL)
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       t.kind,
       t.subject,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = s.id AND nm.article_id = :article), s.name) AS speaker,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = t.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = t.fact_id)) AS evidence,
       '[' || t.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN event_topic t ON t.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = t.event_id
  LEFT JOIN entity s ON s.id = t.speaker_id
 WHERE (:event IS NULL OR t.event_id = :event)
 ORDER BY ev.name,
          CASE t.kind WHEN 'focus' THEN 1 WHEN 'discussed' THEN 2 WHEN 'expected' THEN 3 ELSE 4 END,
          scope.article_id, scope.seq
