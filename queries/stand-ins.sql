-- name: stand-ins
-- title: Leaders who attended in place of a head of state
-- description: Attendees who represent a country at an event its head of state did not attend, and who do not
--   hold that country's head-of-state office, or hold it only in an acting capacity. Decided from every office the
--   person holds, the office roles and who else attended (attendance_standing), never from a list; an attendee
--   whose office's role and country's head-of-state office are both unrecorded is left out, not guessed.
-- param: article text optional  Only attendance stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: person  The attendee, as printed
-- column: office  The office in which they attended; "acting" where held in an acting capacity
-- column: country  The country they represented
-- column: why  Why this is not that country's head of state attending
-- column: evidence  The article's words stating the attendance
-- column: role_basis  The source that says what the office is (head of state or of government)
-- column: fact_ids  JSON array of the facts the row rests on (attendance, holding, office roles); see factdb why
-- example: Which leaders attended in place of a head of state?
-- example: Who stood in for a head of state?
-- example: Which countries sent someone instead of their president?
-- example: Which countries did not send their head of state?
-- example: Who represented a country without being its head of state?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name,
                '(not named)') AS person,
       coalesce(t.title, ao.name) AS office,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS country,
       CASE WHEN t.acting THEN 'holds the office in an acting capacity; ' ELSE '' END ||
       CASE WHEN coalesce(t.office_id, a.office_id) IS NULL THEN 'no office is stated'
            WHEN t.is_head_of_state_office AND t.jurisdiction_id = a.represents_id THEN 'the office is the head of state'
            WHEN EXISTS (SELECT 1 FROM office_role r WHERE r.office_id = coalesce(t.office_id, a.office_id))
              THEN 'the office is ' || (SELECT group_concat(r.role, ' and ') FROM office_role r WHERE r.office_id = coalesce(t.office_id, a.office_id))
                   || ', not head of state'
            ELSE 'the office is not recorded as head of state'
       END AS why,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = a.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = a.fact_id)) AS evidence,
       -- Each role as the article of the row states it, or else as the first article stating it does.
       (SELECT group_concat(coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = r.fact_id AND se.article_id = st.article_id),
                         (SELECT se.evidence FROM statement_evidence se JOIN fact rf ON rf.id = r.fact_id
                           WHERE se.fact_id = r.fact_id AND se.article_id = rf.first_article_id)), ' | ')
          FROM office_role r
         WHERE r.office_id = coalesce(t.office_id, a.office_id)) AS role_basis,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT a.fact_id AS id UNION ALL SELECT t.fact_id
                                          UNION ALL SELECT r.fact_id FROM office_role r WHERE r.office_id = coalesce(t.office_id, a.office_id))
         WHERE id IS NOT NULL) AS fact_ids
  FROM statement scope CROSS JOIN attendance a ON a.fact_id = scope.fact_id
  LEFT JOIN entity p ON p.id = a.person_id  -- NULL: not named, only by office
  LEFT JOIN entity ao ON ao.id = a.office_id
  JOIN entity c ON c.id = a.represents_id AND c.kind = 'country'
  JOIN attendance_standing st ON st.fact_id = a.fact_id AND st.article_id = scope.article_id
  LEFT JOIN office_holding_title t ON t.fact_id = st.holding_fact_id
 WHERE st.standing = 'stand-in'
   AND (:event IS NULL OR a.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT person, office, country, why, evidence, role_basis, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'attendance' AND :article IS NULL
  ORDER BY 1, 2)
