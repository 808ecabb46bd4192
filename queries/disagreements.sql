-- name: disagreements
-- title: Where the articles disagree, side by side
-- description: Pairs of statements that cannot both be true, from different articles: the same attendance, office
--   holding, membership or founding with a field given otherwise, or attended against stayed away. Both statements
--   are kept in the database; each side shows its value, the articles stating it and their words. A statement that
--   only leaves out what another gives is not a disagreement.
-- param: article text optional  Only disagreements one side of which this article states (its id)
-- column: kind  The kind of fact
-- column: about  What both statements are about
-- column: field  The field they give differently
-- column: value  What one side says
-- column: articles  The articles saying it
-- column: evidence  Their words
-- column: other_value  What the other side says
-- column: other_articles  The articles saying that
-- column: other_evidence  Their words
-- column: fact_ids  JSON array of the two facts; see factdb why
-- example: Where do the sources disagree?
-- example: Which facts are contested between articles?
-- example: Do the reports contradict each other?
WITH pairs AS (  -- those with a side the article states, or all
  SELECT d.* FROM statement s JOIN disagreement d ON d.fact_id = s.fact_id WHERE s.article_id = :article
  UNION SELECT d.* FROM statement s JOIN disagreement d ON d.other_fact_id = s.fact_id WHERE s.article_id = :article
  UNION ALL SELECT * FROM disagreement WHERE :article IS NULL)
SELECT f.kind,
       CASE f.kind
         WHEN 'attendance' THEN (SELECT coalesce(p.name, 'the unnamed ' || (SELECT o.name FROM entity o WHERE o.id = a.office_id)) || ' at ' || e.name
                                  FROM attendance a LEFT JOIN entity p ON p.id = a.person_id
                                   JOIN entity e ON e.id = a.event_id WHERE a.fact_id = f.id)
         WHEN 'office_holding' THEN (SELECT coalesce(p.name, '(not named)') || ' as ' || o.name FROM office_holding h LEFT JOIN entity p ON p.id = h.person_id
                                       JOIN entity o ON o.id = h.office_id WHERE h.fact_id = f.id)
         WHEN 'membership' THEN (SELECT c.name || ' in ' || o.name FROM membership m JOIN entity c ON c.id = m.member_id
                                   JOIN entity o ON o.id = m.organization_id WHERE m.fact_id = f.id)
         WHEN 'organization_founding' THEN (SELECT o.name FROM organization_founding x JOIN entity o ON o.id = x.organization_id
                                              WHERE x.fact_id = f.id)
         WHEN 'absence' THEN (SELECT p.name || ' at ' || e.name FROM absence x JOIN entity p ON p.id = x.person_id
                                JOIN entity e ON e.id = x.event_id WHERE x.fact_id = f.id)
         ELSE f.kind || ' #' || f.id
       END AS about,
       pairs.field,
       coalesce((SELECT name FROM entity WHERE id = pairs.value), pairs.value) AS value,
       (SELECT group_concat(article_id, ', ') FROM statement WHERE fact_id = pairs.fact_id) AS articles,
       (SELECT evidence FROM fact_evidence WHERE fact_id = pairs.fact_id) AS evidence,
       coalesce((SELECT name FROM entity WHERE id = pairs.other_value), pairs.other_value) AS other_value,
       (SELECT group_concat(article_id, ', ') FROM statement WHERE fact_id = pairs.other_fact_id) AS other_articles,
       (SELECT evidence FROM fact_evidence WHERE fact_id = pairs.other_fact_id) AS other_evidence,
       '[' || pairs.fact_id || ',' || pairs.other_fact_id || ']' AS fact_ids
  FROM pairs JOIN fact f ON f.id = pairs.fact_id
 ORDER BY f.first_article_id, f.first_seq, pairs.other_fact_id, pairs.field
