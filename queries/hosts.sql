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
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'event_host' AND :article IS NULL)
SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS country,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name) AS person,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = x.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = x.fact_id)) AS evidence,
       '[' || x.fact_id || ']' AS fact_ids
  FROM scope CROSS JOIN event_host x ON x.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = x.event_id
  LEFT JOIN entity c ON c.id = x.country_id
  LEFT JOIN entity p ON p.id = x.person_id
 WHERE (:event IS NULL OR x.event_id = :event)
 ORDER BY scope.article_id, scope.seq
