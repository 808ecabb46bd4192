-- name: offices
-- title: Who holds which office
-- description: Every office holding: the person, the office as printed ("acting" where so), whose office it is,
--   and whether that office is its country's head of state or head of government (with the source of that role).
-- param: article text optional  Only holdings stated by this article (its id)
-- column: person  The holder, as printed; "(not named)" where the article does not name them
-- column: office  The office's title; "acting" where held in an acting capacity
-- column: of  The country or organization whose office it is
-- column: as_of  Since when (ISO 8601), as stated, or else the date of the article stating it; "until" and the end when a term is stated to end
-- column: role  head of state or head of government, when recorded
-- column: evidence  The article's words stating the holding, or the annotation
-- column: role_basis  The source of the role
-- column: fact_ids  JSON array of the facts the row rests on (holding, office roles); see factdb why
-- example: Who holds which office?
-- example: What position or title does each leader hold?
-- example: Is the prime minister the head of government?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name,
                '(not named)') AS person,
       t.title AS office,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = j.id AND nm.article_id = :article), j.name) AS of,
       coalesce((SELECT h.since FROM office_holding h WHERE h.fact_id = t.fact_id),
                (SELECT art.published FROM article art WHERE art.id = scope.article_id))
         || coalesce(' until ' || (SELECT h.until FROM office_holding h WHERE h.fact_id = t.fact_id), '') AS as_of,
       (SELECT group_concat(r.role, ' and ') FROM office_role r WHERE r.office_id = t.office_id) AS role,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = t.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = t.fact_id)) AS evidence,
       -- Each role as the article of the row states it, or else as the first article stating it does.
       (SELECT group_concat(coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = r.fact_id AND se.article_id = scope.article_id),
                         (SELECT se.evidence FROM statement_evidence se JOIN fact rf ON rf.id = r.fact_id
                           WHERE se.fact_id = r.fact_id AND se.article_id = rf.first_article_id)), ' | ')
          FROM office_role r
         WHERE r.office_id = t.office_id) AS role_basis,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT t.fact_id AS id UNION ALL
                                          SELECT r.fact_id FROM office_role r WHERE r.office_id = t.office_id)) AS fact_ids
  FROM statement scope CROSS JOIN office_holding_title t ON t.fact_id = scope.fact_id
  LEFT JOIN entity p ON p.id = t.person_id
  JOIN entity j ON j.id = t.jurisdiction_id)
-- The article's statements, or each fact once where its first article states it: both in index order,
-- merged without a sort (docs/performance.md, "Pages").
SELECT person, office, of, as_of, role, evidence, role_basis, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT f.first_article_id, f.first_seq, answer.* FROM fact f
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE f.kind = 'office_holding' AND :article IS NULL
  ORDER BY 1, 2)
