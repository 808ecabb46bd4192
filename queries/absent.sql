-- name: absent
-- title: Who the articles say did not attend, with the reason given
-- description: Every stated absence: a person, the unnamed holder of an office, or a country, organization or group
--   that sent nobody to an event, with the reason when the article gives one. Only what an article states; a member
--   no article names at an event is in unrepresented-members.
-- param: article text optional  Only absences stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: event  The event
-- column: who  Who did not attend: the person, or the office whose holder did not, or the country
-- column: country  The country, organization or group concerned, when stated
-- column: reason  Why, as printed, when stated
-- column: evidence  The article's words stating the absence
-- column: fact_ids  JSON array of the facts the row rests on (the absence, and any reason given for it); see factdb why
-- example: Who did not attend?
-- example: Who was absent from the summit?
-- example: Which leaders stayed away?
-- example: Who skipped the summit?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce(coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name), 'the ' || coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name), coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name)) AS who,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS country,
       coalesce(x.reason, (SELECT group_concat(r.reason, '; ') FROM reason r WHERE r.explains = x.fact_id)) AS reason,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = x.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = x.fact_id)) AS evidence,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT x.fact_id AS id UNION ALL
                                          SELECT r.fact_id FROM reason r WHERE r.explains = x.fact_id)) AS fact_ids
  FROM statement scope CROSS JOIN absence x ON x.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = x.event_id
  LEFT JOIN entity p ON p.id = x.person_id
  LEFT JOIN entity o ON o.id = x.office_id
  LEFT JOIN entity c ON c.id = x.country_id
 WHERE (:event IS NULL OR x.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT event, who, country, reason, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'absence' AND :article IS NULL
  ORDER BY 1, 2)
