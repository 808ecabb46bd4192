-- name: person
-- title: Everything the articles say about a person
-- description: For every person whose name (as any article prints it) or alias has the given words (accents
--   and case folded, the last word may be cut short): names, offices, attendance, meetings, stances, what they discussed and said, with evidence.
-- param: name text required  Words of the person's name or of an alias, e.g. Mokhber, Sharif or Zielinski
-- param: article text optional  Only facts stated by this article (its id)
-- column: person  The person, as first printed
-- column: aspect  What the row tells: name as printed, alias, office, attended, met, stance, aim, discussed, said
-- column: detail  The fact itself
-- column: evidence  The article's words, or the annotation
-- column: fact_ids  JSON array holding the fact; see factdb why
-- example: What does the article say about a person?
-- example: Tell me about a leader by name
-- example: Everything about someone: names, offices, meetings
-- The name's words looked up in the index of every name (each printed
-- spelling and alias, accents and case folded), the last word as a prefix:
-- one phrase, so nothing in :name is query syntax.
WITH who AS (
  SELECT DISTINCT e.id, coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name) AS name
    FROM name_index s JOIN entity e ON e.id = s.ref
   WHERE s.name_index MATCH 'text : "' || replace(:name, '"', '""') || '"*' AND s.kind = 'person'),
facts (person, aspect, detail, sort, fact_id) AS (
  SELECT who.name, 'name as printed', m.name || ' (' || m.article_id || ')', 1, m.fact_id
    FROM who JOIN mention m ON m.entity_id = who.id
  UNION ALL
  SELECT who.name, 'alias', al.name, 2, al.fact_id
    FROM who JOIN alias al ON al.entity_id = who.id
  UNION ALL
  -- With the term, when the article gives one: statements are as of their dates.
  SELECT who.name, 'office', t.title || ' of ' || coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = j.id AND nm.article_id = :article), j.name)
         || coalesce((SELECT coalesce(' since ' || h.since, '') || coalesce(' until ' || h.until, '') FROM office_holding h
                       WHERE h.fact_id = t.fact_id AND (h.since IS NOT NULL OR h.until IS NOT NULL)), ''), 3, t.fact_id
    FROM who JOIN office_holding_title t ON t.person_id = who.id JOIN entity j ON j.id = t.jurisdiction_id
  UNION ALL
  SELECT who.name, 'attended', coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) || coalesce(' representing ' || coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = r.id AND nm.article_id = :article), r.name), ''), 4, a.fact_id
    FROM who JOIN attendance a ON a.person_id = who.id JOIN entity ev ON ev.id = a.event_id
    LEFT JOIN entity r ON r.id = a.represents_id
  UNION ALL
  SELECT who.name, 'met',
         (SELECT group_concat(coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name), ', ') FROM meeting_participant x JOIN entity o ON o.id = x.person_id
           WHERE x.fact_id = mp.fact_id AND x.person_id <> who.id), 5, mp.fact_id
    FROM who JOIN meeting_participant mp ON mp.person_id = who.id
  UNION ALL
  SELECT who.name, s.kind, s.statement, 6, s.fact_id
    FROM who JOIN stance s ON s.holder_id = who.id
  UNION ALL
  SELECT who.name, 'discussed', t.subject, 7, t.fact_id
    FROM who JOIN event_topic t ON t.speaker_id = who.id
  UNION ALL
  SELECT who.name, CASE WHEN q.reported THEN 'said (reported)' ELSE 'said' END, q.words, 8, q.fact_id
    FROM who JOIN quotation q ON q.speaker_id = who.id),
-- Sorted on their keys first, then each row read gains its evidence: a page of a long answer builds
-- its own evidence cells, not every row's.
ordered AS MATERIALIZED (
SELECT facts.person, facts.aspect, facts.detail, facts.fact_id
  FROM facts
  JOIN fact f ON f.id = facts.fact_id
 WHERE :article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = f.id AND s.article_id = :article)
 ORDER BY facts.person, facts.sort, f.first_article_id, f.first_seq)
SELECT ordered.person, ordered.aspect, ordered.detail,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = ordered.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = ordered.fact_id)) AS evidence,
       '[' || ordered.fact_id || ']' AS fact_ids
  FROM ordered
