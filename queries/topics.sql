-- name: topics
-- title: What the event focused on, discussed, showcased or was expected to discuss
-- description: Topics of each event as the article relates them: its focus, subjects discussed (with who
--   discussed them, where stated), what it showcased or presented, and talks expected on the sidelines.
SELECT ev.name AS event,
       t.kind,
       t.subject,
       s.name AS speaker,
       fe.evidence
  FROM event_topic t
  JOIN entity ev ON ev.id = t.event_id
  LEFT JOIN entity s ON s.id = t.speaker_id
  JOIN fact_evidence fe ON fe.fact_id = t.fact_id
 ORDER BY ev.name,
          CASE t.kind WHEN 'focus' THEN 1 WHEN 'discussed' THEN 2 WHEN 'expected' THEN 3 ELSE 4 END,
          t.fact_id
