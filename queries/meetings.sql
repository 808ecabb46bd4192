-- name: meetings
-- title: Meetings between leaders
-- description: Each meeting the article reports, with its participants, where and during which event it took place.
SELECT (SELECT group_concat(name, ' and ')
          FROM (SELECT p.name FROM meeting_participant mp JOIN entity p ON p.id = mp.person_id
                 WHERE mp.meeting_id = m.fact_id ORDER BY p.name)) AS participants,
       pl.name AS place,
       ev.name AS event,
       fe.evidence
  FROM meeting m
  LEFT JOIN entity pl ON pl.id = m.place_id
  LEFT JOIN entity ev ON ev.id = m.event_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
 ORDER BY m.fact_id
