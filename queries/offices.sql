-- name: offices
-- title: Who holds which office
-- description: Every office holding: the person, the office as printed ("acting" where so), whose office it is,
--   and whether that office is its country's head of state or head of government (with the source of that role).
SELECT p.name AS person,
       t.title AS office,
       j.name AS of,
       (SELECT group_concat(r.role, ' and ') FROM office_role r WHERE r.office_id = t.office_id) AS role,
       fe.evidence,
       (SELECT group_concat(rfe.evidence, ' | ') FROM office_role r JOIN fact_evidence rfe ON rfe.fact_id = r.fact_id
         WHERE r.office_id = t.office_id) AS role_basis
  FROM office_holding_title t
  JOIN office_holding h ON h.person_id = t.person_id AND h.office_id = t.office_id
  JOIN entity p ON p.id = t.person_id
  JOIN entity j ON j.id = t.jurisdiction_id
  JOIN fact_evidence fe ON fe.fact_id = h.fact_id
 ORDER BY h.fact_id
