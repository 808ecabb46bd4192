-- name: person
-- title: Everything the article says about a person
-- description: For every person whose name or alias contains the given text (case-insensitive): names,
--   offices, attendance, meetings, stances and what they discussed, each with its evidence.
-- param: name text required  Part of the person's name or of an alias, e.g. Mokhber or Sharif
WITH who AS (
  SELECT DISTINCT e.id, e.name FROM entity e LEFT JOIN alias al ON al.entity_id = e.id
   WHERE e.kind = 'person'
     AND (e.name LIKE '%' || :name || '%' OR al.name LIKE '%' || :name || '%'))
SELECT person, aspect, detail, evidence FROM (
SELECT who.name AS person, 'name as printed' AS aspect, e.name AS detail, fe.evidence, 1 AS sort, e.fact_id AS seq
  FROM who JOIN entity e ON e.id = who.id JOIN fact_evidence fe ON fe.fact_id = e.fact_id
UNION ALL
SELECT who.name, 'alias', al.name, fe.evidence, 2, al.fact_id
  FROM who JOIN alias al ON al.entity_id = who.id JOIN fact_evidence fe ON fe.fact_id = al.fact_id
UNION ALL
SELECT who.name, 'office', t.title || ' of ' || j.name, fe.evidence, 3, h.fact_id
  FROM who JOIN office_holding_title t ON t.person_id = who.id
  JOIN office_holding h ON h.person_id = t.person_id AND h.office_id = t.office_id
  JOIN entity j ON j.id = t.jurisdiction_id JOIN fact_evidence fe ON fe.fact_id = h.fact_id
UNION ALL
SELECT who.name, 'attended', ev.name || coalesce(' representing ' || r.name, ''), fe.evidence, 4, a.fact_id
  FROM who JOIN attendance a ON a.person_id = who.id JOIN entity ev ON ev.id = a.event_id
  LEFT JOIN entity r ON r.id = a.represents_id JOIN fact_evidence fe ON fe.fact_id = a.fact_id
UNION ALL
SELECT who.name, 'met',
       (SELECT group_concat(o.name, ', ') FROM meeting_participant x JOIN entity o ON o.id = x.person_id
         WHERE x.meeting_id = mp.meeting_id AND x.person_id <> who.id),
       fe.evidence, 5, mp.meeting_id
  FROM who JOIN meeting_participant mp ON mp.person_id = who.id JOIN fact_evidence fe ON fe.fact_id = mp.meeting_id
UNION ALL
SELECT who.name, s.kind, s.statement, fe.evidence, 6, s.fact_id
  FROM who JOIN stance s ON s.holder_id = who.id JOIN fact_evidence fe ON fe.fact_id = s.fact_id
UNION ALL
SELECT who.name, 'discussed', t.subject, fe.evidence, 7, t.fact_id
  FROM who JOIN event_topic t ON t.speaker_id = who.id JOIN fact_evidence fe ON fe.fact_id = t.fact_id
)
 ORDER BY person, sort, seq
