-- name: quotations
-- title: Who said what, in the articles' words
-- description: Every quotation the articles print (the speaker's own words, between quotation marks) or report
--   (said that ...), with who said it and where, when stated.
-- param: article text optional  Only quotations stated by this article (its id)
-- param: event text optional  Only what was said at this event (its id)
-- column: speaker  Who said it, as printed; "(not named)" for a speaker named only by office
-- column: office  The office of a speaker named only by it ("a spokesman for the ministry")
-- column: words  What was said, verbatim
-- column: speech  direct (the speaker's own words) or reported
-- column: event  Where it was said, when stated
-- column: evidence  The article's words stating it
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: What did the leaders say?
-- example: Who said what?
-- example: Quotes from the summit
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = sp.id AND nm.article_id = :article), sp.name,
                '(not named)') AS speaker,
       (SELECT o.name FROM entity o WHERE o.id = q.office_id) AS office,
       q.words,
       CASE WHEN q.reported THEN 'reported' ELSE 'direct' END AS speech,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = q.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = q.fact_id)) AS evidence,
       '[' || q.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN quotation q ON q.fact_id = scope.fact_id
  LEFT JOIN entity sp ON sp.id = q.speaker_id  -- NULL: named only by office
  LEFT JOIN entity ev ON ev.id = q.event_id
 WHERE (:event IS NULL OR q.event_id = :event))
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT speaker, office, words, speech, event, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'quotation' AND :article IS NULL
  ORDER BY 1, 2)
