-- name: offices
-- title: Who holds which office
-- description: Every office holding: the person, the office as printed ("acting" where so), whose office it is,
--   and whether that office is its country's head of state or head of government (with the source of that role).
-- param: article text optional  Only holdings stated by this article (its id)
-- column: person  The holder, as printed
-- column: office  The office's title; "acting" where held in an acting capacity
-- column: of  The country or organization whose office it is
-- column: role  head of state or head of government, when recorded
-- column: evidence  The article's words stating the holding, or the annotation
-- column: role_basis  The source of the role
-- column: fact_ids  JSON array of the facts the row rests on (holding, office roles); see factdb why
-- example: Who holds which office?
-- example: What position or title does each leader hold?
-- example: Is the prime minister the head of government?
WITH scope (fact_id) AS (  -- the article's facts, or every row in storage order: by index either way
  SELECT fact_id FROM fact_article WHERE article_id = :article
  UNION ALL SELECT fact_id FROM office_holding WHERE :article IS NULL)
SELECT p.name AS person,
       t.title AS office,
       j.name AS of,
       (SELECT group_concat(r.role, ' and ') FROM office_role r WHERE r.office_id = t.office_id) AS role,
       fe.evidence,
       (SELECT group_concat(rfe.evidence, ' | ') FROM office_role r JOIN fact_evidence rfe ON rfe.fact_id = r.fact_id
         WHERE r.office_id = t.office_id) AS role_basis,
       (SELECT '[' || group_concat(id, ',') || ']' FROM (SELECT t.fact_id AS id UNION ALL
                                          SELECT r.fact_id FROM office_role r WHERE r.office_id = t.office_id)) AS fact_ids
  FROM scope CROSS JOIN office_holding_title t ON t.fact_id = scope.fact_id
  JOIN entity p ON p.id = t.person_id
  JOIN entity j ON j.id = t.jurisdiction_id
  JOIN fact_evidence fe ON fe.fact_id = t.fact_id
 ORDER BY t.fact_id
