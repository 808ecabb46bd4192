-- name: non-member-attendees
-- title: Attendees from countries that are not (yet) members
-- description: Attendees representing a country that is neither a founding nor a full member of the
--   organization holding the event, with the status the articles give it, if any. Events no organization holds
--   have no members, so none of their attendees is listed. Filtered to an article, the statuses that article states.
-- param: article text optional  Only attendance stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: person  The attendee, as printed
-- column: country  The country they represented
-- column: event  The event
-- column: status  The country's status in the organization, as stated
-- column: evidence  The article's words stating the attendance
-- column: fact_ids  JSON array of the facts the row rests on (attendance, memberships); see factdb why
-- example: Which attendees come from countries that are not members?
-- example: Who attended without being a full member?
-- example: Which guests or future members took part?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name,
                '(not named)') AS person,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS country,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       -- Statuses in the order the articles state them: an order any engine keeps.
       coalesce((SELECT group_concat(status, ', ')
                   FROM (SELECT m.status FROM membership m JOIN fact mf ON mf.id = m.fact_id
                          WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id
                            AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement ms WHERE ms.fact_id = m.fact_id AND ms.article_id = :article))
                          ORDER BY mf.first_article_id, mf.first_seq)), 'no status stated') AS status,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = a.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = a.fact_id)) AS evidence,
       (SELECT '[' || group_concat(id, ',') || ']'
          FROM (SELECT a.fact_id AS id, '' AS k1, 0 AS k2 UNION ALL
                SELECT m.fact_id, mf.first_article_id, mf.first_seq FROM membership m JOIN fact mf ON mf.id = m.fact_id
                 WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id
                   AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement ms WHERE ms.fact_id = m.fact_id AND ms.article_id = :article))
                ORDER BY k1, k2))
         AS fact_ids
  FROM statement scope CROSS JOIN attendance a ON a.fact_id = scope.fact_id
  JOIN event e ON e.id = a.event_id
  JOIN entity ev ON ev.id = a.event_id
  LEFT JOIN entity p ON p.id = a.person_id  -- NULL: not named, only by office
  JOIN entity c ON c.id = a.represents_id AND c.kind = 'country'
 WHERE e.organization_id IS NOT NULL  -- an event no organization holds has no members
   AND NOT EXISTS (SELECT 1 FROM membership m
                    WHERE m.member_id = a.represents_id AND m.organization_id = e.organization_id
                    AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement ms WHERE ms.fact_id = m.fact_id AND ms.article_id = :article))
                      AND m.status IN ('founding member', 'member'))
   AND (:event IS NULL OR a.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT person, country, event, status, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'attendance' AND :article IS NULL
  ORDER BY 1, 2)
