-- name: outcomes
-- title: What each event adopted, signed, agreed or decided
-- description: Every stated outcome of an event: what was adopted, signed, agreed or decided, and by whom when stated.
-- param: article text optional  Only outcomes stated by this article (its id)
-- param: event text optional  Only this event (its id)
-- column: event  The event
-- column: kind  adopted, signed, agreed or decided
-- column: what  What, as printed
-- column: by  Who did it, when stated
-- column: evidence  The article's words stating it
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: What did the summit decide?
-- example: What was signed or adopted?
-- example: What did the leaders agree on?
-- example: What resolutions were passed?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       x.kind,
       x.what,
       (SELECT group_concat(name, ', ')
          FROM (SELECT coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name) AS name FROM outcome_party op JOIN entity e ON e.id = op.party_id
                 WHERE op.fact_id = x.fact_id ORDER BY e.name)) AS by,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = x.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = x.fact_id)) AS evidence,
       '[' || x.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN outcome x ON x.fact_id = scope.fact_id
  JOIN entity ev ON ev.id = x.event_id
 WHERE (:event IS NULL OR x.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT event, kind, what, by, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'outcome' AND :article IS NULL
  ORDER BY 1, 2)
