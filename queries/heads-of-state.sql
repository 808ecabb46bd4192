-- name: heads-of-state
-- title: Heads of state present
-- description: Attendees who hold, not as acting, the head-of-state office of the country they represent.
-- param: article text optional  Only attendance stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: person  The attendee, as printed
-- column: office  Their office
-- column: country  The country they represented and head
-- column: evidence  The article's words stating the attendance
-- column: role_basis  The source that says the office is the head of state
-- column: fact_ids  JSON array of the facts the row rests on (attendance, holding, office role); see factdb why
-- example: Which heads of state were present?
-- example: Which presidents attended in person?
-- example: Did the heads of state come themselves?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name,
                '(not named)') AS person,
       coalesce(t.title, ao.name) AS office,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS country,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = a.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = a.fact_id)) AS evidence,
       -- The role as the article of the row states it, or else as the first article stating it does.
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = r.fact_id AND se.article_id = st.article_id),
                         (SELECT se.evidence FROM statement_evidence se JOIN fact rf ON rf.id = r.fact_id
                           WHERE se.fact_id = r.fact_id AND se.article_id = rf.first_article_id)) AS role_basis,
       '[' || a.fact_id || coalesce(',' || t.fact_id, '') || ',' || r.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN attendance a ON a.fact_id = scope.fact_id
  LEFT JOIN entity p ON p.id = a.person_id  -- NULL: not named, only by office
  LEFT JOIN entity ao ON ao.id = a.office_id
  JOIN entity c ON c.id = a.represents_id
  JOIN attendance_standing st ON st.fact_id = a.fact_id AND st.article_id = scope.article_id AND st.standing = 'head of state'
  LEFT JOIN office_holding_title t ON t.fact_id = st.head_fact_id  -- NULL: an attendee not named, only by office
  JOIN office_role r ON r.office_id = coalesce(t.office_id, a.office_id) AND r.role = 'head of state'
 WHERE (t.fact_id IS NULL OR (NOT t.acting AND t.jurisdiction_id = a.represents_id))
   AND (:event IS NULL OR a.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT person, office, country, evidence, role_basis, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'attendance' AND :article IS NULL
  ORDER BY 1, 2)
