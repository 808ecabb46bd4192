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
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       (SELECT group_concat(name, ' and ')
          FROM (SELECT p.name FROM meeting_participant mp JOIN entity p ON p.id = mp.person_id
                 WHERE mp.fact_id = m.fact_id ORDER BY p.name)) AS participants,
       m.subject,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = pl.id AND nm.article_id = :article), pl.name) AS place,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = m.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = m.fact_id)) AS evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN meeting m ON m.fact_id = scope.fact_id
  LEFT JOIN entity pl ON pl.id = m.place_id
  LEFT JOIN entity ev ON ev.id = m.event_id
 WHERE (:event IS NULL OR m.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT participants, subject, place, event, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'meeting' AND :article IS NULL
  ORDER BY 1, 2)
