-- name: unrepresented-members
-- title: Members no article reports as represented at an event
-- description: For each event of an organization, its founding and full members for which no article reports
--   anybody at that event on their behalf (named, or known only by office: "its ambassador"; or hosting it),
--   telling a stated absence apart from a member nobody names. Events whose attendance no article reports (a
--   summit announced for next year) are left out. Attendance at another event of the organization does not count.
-- param: article text optional  Only memberships stated by this article, at the events whose attendance it reports, and only the attendance it reports (its id)
-- param: event text optional  Only this event (its id)
-- column: event  The event nobody was named at for the member
-- column: organization  The organization
-- column: member  The member country nobody is named for
-- column: status  Its membership status
-- column: absence  'stated absent' (with the reason, when given) where an article says it sent nobody or its representative did not attend; 'not named' where no article names anybody
-- column: evidence  The words stating the membership, of the article reporting the event when it states it
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Which members sent nobody?
-- example: Which member states were absent or missing?
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'membership' AND :article IS NULL),
-- The listing pairs each full membership with every reported event of its
-- organization, so what belongs to a membership alone is looked up here once,
-- not once per event: its names and the words of the first article stating it
-- (or of the article filtered to).
members (fact_id, organization_id, member_id, status, organization_name, member_name, organization, member, evidence, restated)
AS MATERIALIZED (
  SELECT m.fact_id, m.organization_id, m.member_id, m.status, o.name, c.name,
         coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name),
         coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name),
         (SELECT CASE WHEN :article IS NULL AND (SELECT count(*) FROM article) > 1 THEN se.article_id || ': ' ELSE '' END
                 || se.evidence
            FROM statement_evidence se WHERE se.fact_id = m.fact_id AND se.article_id = scope.article_id),
         :article IS NULL AND EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = m.fact_id AND s.article_id <> scope.article_id)
    FROM scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
    JOIN entity o ON o.id = m.organization_id
    JOIN entity c ON c.id = m.member_id
   WHERE m.status IN ('founding member', 'member'))
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       m.organization,
       m.member,
       m.status,
       coalesce((SELECT 'stated absent' || coalesce(': ' || x.reason, '') FROM absence x
                  WHERE x.event_id = e.id AND x.country_id = m.member_id
                    AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = x.fact_id AND s.article_id = :article))
                  ORDER BY x.fact_id LIMIT 1), 'not named') AS absence,
       -- The membership in the words of the article reporting the event, when it
       -- states it, else of the first article that does: one source per row,
       -- not every article's, for a listing that repeats it once per event.
       CASE WHEN m.restated
            THEN coalesce((SELECT se.article_id || ': ' || se.evidence FROM statement_evidence se
                            WHERE se.fact_id = m.fact_id
                              AND se.article_id = (SELECT x.article_id FROM mention x WHERE x.entity_id = e.id
                                                    ORDER BY x.article_id LIMIT 1)),
                          m.evidence)
            ELSE m.evidence END AS evidence,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT m.fact_id AS id UNION ALL
                                          SELECT x.fact_id FROM absence x WHERE x.event_id = e.id AND x.country_id = m.member_id
                                             AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = x.fact_id AND s.article_id = :article))))
         AS fact_ids
  FROM members m
  CROSS JOIN event e ON e.organization_id = m.organization_id
  JOIN entity ev ON ev.id = e.id
 WHERE (:event IS NULL OR e.id = :event)
   -- Only events whose attendance is reported: of the others nothing can be said.
   -- Filtered to an article, what that article reports.
   AND e.id IN (SELECT a.event_id FROM statement s CROSS JOIN attendance a ON a.fact_id = s.fact_id
                 WHERE s.article_id = :article
                UNION ALL
                SELECT a.event_id FROM attendance a WHERE :article IS NULL)
   AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = e.id AND a.represents_id = m.member_id
                      AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = a.fact_id AND s.article_id = :article)))
   -- A person hosting the event for the member is there ("hosted by Austrian Chancellor Karl Brandner").
   AND NOT EXISTS (SELECT 1 FROM event_host h WHERE h.event_id = e.id AND h.country_id = m.member_id AND h.person_id IS NOT NULL
                      AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = h.fact_id AND s.article_id = :article)))
 ORDER BY ev.name, m.organization_name, m.member_name
