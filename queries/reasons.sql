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
WITH scope (fact_id, article_id, seq) AS (  -- the article's statements, or every fact of the kind: in order, by index
  SELECT fact_id, article_id, seq FROM statement WHERE article_id = :article
  UNION ALL SELECT id, first_article_id, first_seq FROM fact WHERE kind = 'reason' AND :article IS NULL)
SELECT CASE x.kind
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
  FROM scope CROSS JOIN reason rs ON rs.fact_id = scope.fact_id
  JOIN fact x ON x.id = rs.explains
 ORDER BY scope.article_id, scope.seq
