-- name: attendees
-- title: Who attended, in which office, representing whom
-- description: One row per attendee of each event: the person as printed, the office in which they attended
--   ("acting" where held in an acting capacity), the country or organization represented, and the quoted evidence.
SELECT ev.name AS event,
       p.name AS person,
       t.title AS office,
       r.name AS represents,
       fe.evidence
  FROM attendance a
  JOIN entity ev ON ev.id = a.event_id
  JOIN entity p ON p.id = a.person_id
  LEFT JOIN office_holding_title t ON t.person_id = a.person_id AND t.office_id = a.office_id
  LEFT JOIN entity r ON r.id = a.represents_id
  JOIN fact_evidence fe ON fe.fact_id = a.fact_id
 ORDER BY a.fact_id
