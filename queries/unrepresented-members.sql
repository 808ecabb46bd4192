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
-- Each (event, full membership) pair nobody is reported at the event for; `scope` is the membership's
-- statement: by the article filtered to, or the first article stating it.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq, e.id AS scope_event,
       ev.name AS sort_event, o.name AS sort_organization, c.name AS sort_member,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS organization,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS member,
       m.status,
       coalesce((SELECT 'stated absent' || coalesce(': ' || x.reason, '') FROM absence x
                  WHERE x.event_id = e.id AND x.country_id = m.member_id
                    AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = x.fact_id AND s.article_id = :article))
                  ORDER BY x.fact_id LIMIT 1), 'not named') AS absence,
       -- The membership in the words of the article reporting the event, when it
       -- states it, else of the first article that does: one source per row,
       -- not every article's, for a listing that repeats it once per event.
       coalesce(CASE WHEN :article IS NULL AND EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = m.fact_id AND s.article_id <> scope.article_id)
                     THEN (SELECT se.article_id || ': ' || se.evidence FROM statement_evidence se
                            WHERE se.fact_id = m.fact_id
                              AND se.article_id = (SELECT x.article_id FROM mention x WHERE x.entity_id = e.id
                                                    ORDER BY x.article_id LIMIT 1)) END,
                (SELECT CASE WHEN :article IS NULL AND (SELECT count(*) FROM article) > 1 THEN se.article_id || ': ' ELSE '' END
                        || se.evidence
                   FROM statement_evidence se WHERE se.fact_id = m.fact_id AND se.article_id = scope.article_id)) AS evidence,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT m.fact_id AS id UNION ALL
                                          SELECT x.fact_id FROM absence x WHERE x.event_id = e.id AND x.country_id = m.member_id
                                             AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = x.fact_id AND s.article_id = :article))))
         AS fact_ids
  FROM statement scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id
  CROSS JOIN event e ON e.organization_id = m.organization_id
  JOIN entity ev ON ev.id = e.id
 WHERE m.status IN ('founding member', 'member')
   AND (:event IS NULL OR e.id = :event)
   -- Only events whose attendance is reported: of the others nothing can be said.
   -- Filtered to an article, what that article reports.
   AND EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = e.id
                  AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = a.fact_id AND s.article_id = :article)))
   AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = e.id AND a.represents_id = m.member_id
                      AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = a.fact_id AND s.article_id = :article)))
   -- A person hosting the event for the member is there ("hosted by Austrian Chancellor Karl Brandner").
   AND NOT EXISTS (SELECT 1 FROM event_host h WHERE h.event_id = e.id AND h.country_id = m.member_id AND h.person_id IS NOT NULL
                      AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = h.fact_id AND s.article_id = :article))))
-- By event, organization and member name. The article's pairs are few and sorted; the corpus's are read event by
-- event in the order of their names (by index), each event's members sorted alone, so that the first page costs
-- its events alone.
SELECT event, organization, member, status, absence, evidence, fact_ids FROM (
  SELECT answer.sort_event, answer.sort_organization, answer.sort_member, answer.scope_event, answer.scope_article,
         answer.scope_seq, answer.*
    FROM (SELECT DISTINCT a.event_id FROM statement s CROSS JOIN attendance a ON a.fact_id = s.fact_id
           WHERE s.article_id = :article) reported  -- the events whose attendance the article reports
    CROSS JOIN answer ON answer.scope_event = reported.event_id AND answer.scope_article = :article
  UNION ALL
  SELECT x.name, answer.sort_organization, answer.sort_member, answer.scope_event, f.first_article_id, f.first_seq, answer.*
    FROM entity x
    CROSS JOIN event xe ON xe.id = x.id
    CROSS JOIN membership xm ON xm.organization_id = xe.organization_id
    CROSS JOIN fact f ON f.id = xm.fact_id
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq AND answer.scope_event = xe.id
   WHERE x.kind = 'event' AND :article IS NULL
     -- one event's name, when one is asked for: a range of the same index
     AND x.name BETWEEN coalesce((SELECT name FROM entity WHERE id = :event), '')
                    AND coalesce((SELECT name FROM entity WHERE id = :event), (SELECT max(name) FROM entity WHERE kind = 'event'))
  ORDER BY 1, 2, 3, 4, 5, 6)
