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
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq, ev.name AS sort_event,
       CASE t.kind WHEN 'focus' THEN 1 WHEN 'discussed' THEN 2 WHEN 'expected' THEN 3 ELSE 4 END AS sort_kind,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       t.kind,
       t.subject,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = s.id AND nm.article_id = :article), s.name) AS speaker,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = t.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = t.fact_id)) AS evidence,
       '[' || t.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN event_topic t ON t.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = t.event_id
  LEFT JOIN entity s ON s.id = t.speaker_id
 WHERE (:event IS NULL OR t.event_id = :event))
-- By event, its focus first, then what was discussed, then what was expected; then as the articles state them.
-- The article's topics are few and sorted; the corpus's are read event by event in the order of their names
-- (by index), each event's sorted alone, so that the first page costs its events alone.
SELECT event, kind, subject, speaker, evidence, fact_ids FROM (
  SELECT sort_event, sort_kind, scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT e.name, answer.sort_kind, f.first_article_id, f.first_seq, answer.* FROM entity e
    CROSS JOIN event_topic x ON x.event_id = e.id
    CROSS JOIN fact f ON f.id = x.fact_id
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE e.kind = 'event' AND :article IS NULL
  ORDER BY 1, 2, 3, 4)
