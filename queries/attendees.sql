-- name: attendees
-- title: Who attended, in which office, representing whom
-- description: One row per attendee of each event: the person as printed, the office in which they attended
--   ("acting" where held in an acting capacity), the country or organization represented, and the quoted evidence.
-- param: article text optional  Only attendance stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: event  The event attended
-- column: person  The attendee, as printed
-- column: office  The office in which they attended, when stated
-- column: represents  The country or organization represented, when stated
-- column: evidence  The article's words stating the attendance
-- column: fact_ids  JSON array of the facts the row rests on (attendance, holding); see factdb why
-- example: Who attended the summit?
-- example: Who was present, and for which country?
-- example: Who were the participants and delegates?
-- example: List everyone who came, with their office
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name,
                '(not named)') AS person,
       coalesce(t.title, ao.name) AS office,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = r.id AND nm.article_id = :article), r.name) AS represents,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = a.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = a.fact_id)) AS evidence,
       '[' || a.fact_id || coalesce(',' || t.fact_id, '') || ']' AS fact_ids
  FROM statement scope CROSS JOIN attendance a ON a.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = a.event_id
  LEFT JOIN entity p ON p.id = a.person_id  -- NULL: not named, only by office
  LEFT JOIN entity ao ON ao.id = a.office_id
  JOIN attendance_standing st ON st.fact_id = a.fact_id AND st.article_id = scope.article_id
  LEFT JOIN office_holding_title t ON t.fact_id = st.holding_fact_id
  LEFT JOIN entity r ON r.id = a.represents_id
 WHERE (:event IS NULL OR a.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT event, person, office, represents, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'attendance' AND :article IS NULL
  ORDER BY 1, 2)
