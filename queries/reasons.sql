-- name: reasons
-- title: Reasons the articles give
-- description: Why things happened, as stated: each reason with the fact it explains (why a country sent whom
--   it sent, why an office is held acting, why someone stayed away).
-- param: article text optional  Only reasons stated by this article (its id)
-- column: explains  The fact it explains
-- column: reason  The reason, in the article's words
-- column: evidence  The article's words
-- column: fact_ids  JSON array of the facts the row rests on (the reason, the fact explained); see factdb why
-- example: Why did it happen?
-- example: What reasons does the article give?
-- example: Why was someone sent, and what explains it?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       CASE x.kind
         WHEN 'attendance' THEN (SELECT coalesce(coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = r.id AND nm.article_id = :article), r.name) || ' sent ', '') || coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name, '(not named)')
                                           || coalesce(' (' || coalesce(t.title, (SELECT o.name FROM entity o WHERE o.id = a.office_id)) || ')', '')
                                   FROM attendance a
                                   LEFT JOIN entity p ON p.id = a.person_id
                                   LEFT JOIN entity r ON r.id = a.represents_id
                                   LEFT JOIN attendance_standing st ON st.fact_id = a.fact_id AND st.article_id = scope.article_id
                                   LEFT JOIN office_holding_title t ON t.fact_id = st.holding_fact_id
                                  WHERE a.fact_id = x.id)
         ELSE x.kind || ' #' || x.id
       END AS explains,
       rs.reason,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = rs.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = rs.fact_id)) AS evidence,
       '[' || rs.fact_id || ',' || rs.explains || ']' AS fact_ids
  FROM statement scope CROSS JOIN reason rs ON rs.fact_id = scope.fact_id
  JOIN fact x ON x.id = rs.explains)
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT explains, reason, evidence, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'reason' AND :article IS NULL
  ORDER BY 1, 2)
