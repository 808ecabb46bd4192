-- name: stand-ins
-- title: Leaders who attended in place of a head of state
-- description: Attendees who represent a country but do not hold that country's head-of-state office, or hold
--   it only in an acting capacity. Derived from attendance, office holdings and office roles; "why" says which,
--   "evidence" quotes the article, "role_basis" gives the source of the office's role.
SELECT p.name AS person,
       t.title AS office,
       c.name AS country,
       CASE WHEN t.acting THEN 'holds the office in an acting capacity; ' ELSE '' END ||
       CASE WHEN t.is_head_of_state_office AND t.jurisdiction_id = a.represents_id
            THEN 'the office is the head of state'
            ELSE 'the office is ' || coalesce((SELECT group_concat(r.role, ' and ') FROM office_role r WHERE r.office_id = t.office_id),
                                              'not recorded as head of state or government') || ', not head of state'
       END AS why,
       fe.evidence,
       (SELECT group_concat(rfe.evidence, ' | ') FROM office_role r JOIN fact_evidence rfe ON rfe.fact_id = r.fact_id
         WHERE r.office_id = t.office_id) AS role_basis
  FROM attendance a
  JOIN entity p ON p.id = a.person_id
  JOIN entity c ON c.id = a.represents_id AND c.kind = 'country'
  LEFT JOIN office_holding_title t ON t.person_id = a.person_id AND t.office_id = a.office_id
  JOIN fact_evidence fe ON fe.fact_id = a.fact_id
 WHERE t.office_id IS NULL
    OR t.acting
    OR NOT (t.is_head_of_state_office AND t.jurisdiction_id = a.represents_id)
 ORDER BY a.fact_id
