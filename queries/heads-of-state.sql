-- name: heads-of-state
-- title: Heads of state present
-- description: Attendees who hold, not as acting, the head-of-state office of the country they represent.
--   "role_basis" gives the source that says the office is the head of state.
SELECT p.name AS person,
       t.title AS office,
       c.name AS country,
       fe.evidence,
       (SELECT rfe.evidence FROM office_role r JOIN fact_evidence rfe ON rfe.fact_id = r.fact_id
         WHERE r.office_id = t.office_id AND r.role = 'head of state') AS role_basis
  FROM attendance a
  JOIN entity p ON p.id = a.person_id
  JOIN entity c ON c.id = a.represents_id
  JOIN office_holding_title t ON t.person_id = a.person_id AND t.office_id = a.office_id
  JOIN fact_evidence fe ON fe.fact_id = a.fact_id
 WHERE t.is_head_of_state_office AND NOT t.acting AND t.jurisdiction_id = a.represents_id
 ORDER BY a.fact_id
