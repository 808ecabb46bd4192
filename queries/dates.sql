-- name: dates
-- title: Dates the articles give, as printed and in ISO 8601
-- description: Every stated date: an article's own, an event's start or end, and the date of another statement (an
--   attendance, a change of membership status). As printed, in ISO 8601 to the precision the words allow (year,
--   month or day), and how the ISO form follows: from the words alone, or, for words without a year ("on
--   Thursday"), read against the article's own date; or from an annotation.
-- param: article text optional  Only dates stated by this article (its id)
-- column: of  What it is the date of: the article, an entity, or the statement it dates
-- column: role  published, start, end, on or as of
-- column: printed  The words that give it, as printed
-- column: iso  The date in ISO 8601
-- column: precision  year, month or day
-- column: resolved  as printed; against the article's date; or annotation
-- column: evidence  The article's words stating it
-- column: fact_ids  JSON array of the facts the row rests on (the date, and the statement it dates); see factdb why
-- example: On which dates was it held?
-- example: When was the article published?
-- example: What dates are given?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       CASE WHEN x.role = 'published' THEN 'article ' || scope.article_id
            WHEN x.entity_id IS NOT NULL THEN coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name)
            ELSE (SELECT f.kind FROM fact f WHERE f.id = x.about_fact_id) || ' #' || x.about_fact_id
       END AS of,
       x.role,
       x.printed,
       x.iso,
       CASE length(x.iso) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END AS precision,
       CASE WHEN x.printed IS NULL THEN 'annotation'
            WHEN x.printed LIKE '%' || substr(x.iso, 1, 4) || '%' THEN 'as printed'
            ELSE 'against the article''s date'
       END AS resolved,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = x.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = x.fact_id)) AS evidence,
       '[' || x.fact_id || coalesce(',' || x.about_fact_id, '') || ']' AS fact_ids
  FROM statement scope CROSS JOIN date_statement x ON x.fact_id = scope.fact_id
  LEFT JOIN entity e ON e.id = x.entity_id)
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT of, role, printed, iso, precision, resolved, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'date_statement' AND :article IS NULL
  ORDER BY 1, 2)
