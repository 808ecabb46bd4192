-- name: person
-- title: Everything the articles say about a person
-- description: For every person whose name (as printed anywhere) or alias contains the given text
--   (case-insensitive): names, offices, attendance, meetings, stances and what they discussed, with evidence.
-- param: name text required  Part of the person's name or of an alias, e.g. Mokhber or Sharif
-- param: article text optional  Only facts stated by this article (its id)
-- column: person  The person, as first printed
-- column: aspect  What the row tells: name as printed, alias, office, attended, met, stance, aim, discussed
-- column: detail  The fact itself
-- column: evidence  The article's words, or the annotation
-- column: fact_ids  JSON array holding the fact; see factdb why
-- example: What does the article say about a person?
-- example: Tell me about a leader by name
-- example: Everything about someone: names, offices, meetings
WITH who AS (
  SELECT DISTINCT e.id, e.name FROM entity e
   WHERE e.kind = 'person'
     AND (e.name LIKE '%' || :name || '%'
          OR EXISTS (SELECT 1 FROM alias al WHERE al.entity_id = e.id AND al.name LIKE '%' || :name || '%')
          OR EXISTS (SELECT 1 FROM mention m WHERE m.entity_id = e.id AND m.name LIKE '%' || :name || '%'))),
facts (person, aspect, detail, sort, fact_id) AS (
  SELECT who.name, 'name as printed', m.name || ' (' || mf.article_id || ')', 1, m.fact_id
    FROM who JOIN mention m ON m.entity_id = who.id JOIN fact mf ON mf.id = m.fact_id
  UNION ALL
  SELECT who.name, 'alias', al.name, 2, al.fact_id
    FROM who JOIN alias al ON al.entity_id = who.id
  UNION ALL
  SELECT who.name, 'office', t.title || ' of ' || j.name, 3, t.fact_id
    FROM who JOIN office_holding_title t ON t.person_id = who.id JOIN entity j ON j.id = t.jurisdiction_id
  UNION ALL
  SELECT who.name, 'attended', ev.name || coalesce(' representing ' || r.name, ''), 4, a.fact_id
    FROM who JOIN attendance a ON a.person_id = who.id JOIN entity ev ON ev.id = a.event_id
    LEFT JOIN entity r ON r.id = a.represents_id
  UNION ALL
  SELECT who.name, 'met',
         (SELECT group_concat(o.name, ', ') FROM meeting_participant x JOIN entity o ON o.id = x.person_id
           WHERE x.meeting_id = mp.meeting_id AND x.person_id <> who.id), 5, mp.meeting_id
    FROM who JOIN meeting_participant mp ON mp.person_id = who.id
  UNION ALL
  SELECT who.name, s.kind, s.statement, 6, s.fact_id
    FROM who JOIN stance s ON s.holder_id = who.id
  UNION ALL
  SELECT who.name, 'discussed', t.subject, 7, t.fact_id
    FROM who JOIN event_topic t ON t.speaker_id = who.id)
SELECT facts.person, facts.aspect, facts.detail, fe.evidence, '[' || facts.fact_id || ']' AS fact_ids
  FROM facts
  JOIN fact f ON f.id = facts.fact_id
  JOIN fact_evidence fe ON fe.fact_id = facts.fact_id
 WHERE :article IS NULL OR EXISTS (SELECT 1 FROM fact_article fa WHERE fa.fact_id = f.id AND fa.article_id = :article)
 ORDER BY facts.person, facts.sort, facts.fact_id
