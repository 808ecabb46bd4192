-- name: hosts
-- title: Who hosted each event
-- description: Every stated host of an event: a country or organization, a person, or both.
-- param: article text optional  Only hosts stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: event  The event
-- column: country  The host country or organization, when stated
-- column: person  The host in person, when stated
-- column: evidence  The article's words stating it
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Who hosted the summit?
-- example: Which country was the host?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS country,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name) AS person,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = x.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = x.fact_id)) AS evidence,
       '[' || x.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN event_host x ON x.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = x.event_id
  LEFT JOIN entity c ON c.id = x.country_id
  LEFT JOIN entity p ON p.id = x.person_id
 WHERE (:event IS NULL OR x.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT event, country, person, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'event_host' AND :article IS NULL
  ORDER BY 1, 2)
