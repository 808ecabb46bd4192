-- name: attended
-- title: Whether a person or country attended: yes or no, in the articles' words
-- description: For every person or country whose name (as any article prints it) or alias has the given words (accents
--   and case folded, the last word may be cut short): each event an article says they attended (yes) or did not attend
--   (no), with the office they attended in or the reason they stayed away. A country attended when someone represented
--   it, and did not when an article says it sent nobody. No row: no article says either way.
-- param: who text required  Words of the person's or country's name or of an alias, e.g. Modi or India
-- param: article text optional  Only what this article states (its id)
-- param: event text optional  Only this event (its id)
-- column: who  The person or country, as first printed
-- column: event  The event
-- column: attended  yes or no, as the article states it
-- column: detail  In which office, representing whom, or by whom represented; for no, the reason when given
-- column: evidence  The article's words
-- column: fact_ids  JSON array holding the fact; see factdb why
-- example: Was a given leader there?
-- example: Did someone attend the summit in person?
-- example: Did a country take part or stay away?
-- The words looked up in the index of every name, as person does.
WITH which AS (
  SELECT DISTINCT e.id, e.kind, coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name) AS name
    FROM name_index s JOIN entity e ON e.id = s.ref
   WHERE s.name_index MATCH 'text : "' || replace(:who, '"', '""') || '"*' AND s.kind IN ('person', 'country')),
said (who, event_id, attended, detail, fact_id) AS (
  SELECT which.name, a.event_id, 'yes',
         trim(coalesce((SELECT t.title FROM office_holding_title t JOIN attendance_standing st ON t.fact_id = st.holding_fact_id
                         WHERE st.fact_id = a.fact_id ORDER BY st.article_id LIMIT 1),
                       (SELECT o.name FROM entity o WHERE o.id = a.office_id), '')
              || coalesce(' representing ' || (SELECT r.name FROM entity r WHERE r.id = a.represents_id), '')),
         a.fact_id
    FROM which JOIN attendance a ON a.person_id = which.id AND which.kind = 'person'
  UNION ALL
  SELECT which.name, a.event_id, 'yes', 'represented by ' || coalesce((SELECT p.name FROM entity p WHERE p.id = a.person_id), '(not named)')
         || coalesce(' (' || coalesce((SELECT t.title FROM office_holding_title t JOIN attendance_standing st ON t.fact_id = st.holding_fact_id
                                       WHERE st.fact_id = a.fact_id ORDER BY st.article_id LIMIT 1),
                                      (SELECT o.name FROM entity o WHERE o.id = a.office_id)) || ')', ''),
         a.fact_id
    FROM which JOIN attendance a ON a.represents_id = which.id AND which.kind = 'country'
  UNION ALL
  -- A country stayed away only when an article says it sent nobody: one of its
  -- leaders staying away while another came is not the country's absence.
  SELECT which.name, x.event_id, 'no', coalesce(x.reason, (SELECT group_concat(r.reason, '; ') FROM reason r WHERE r.explains = x.fact_id)), x.fact_id
    FROM which JOIN absence x ON x.person_id = which.id AND which.kind = 'person'
  UNION ALL
  SELECT which.name, x.event_id, 'no', coalesce(x.reason, (SELECT group_concat(r.reason, '; ') FROM reason r WHERE r.explains = x.fact_id)), x.fact_id
    FROM which JOIN absence x ON x.country_id = which.id AND which.kind = 'country' AND x.person_id IS NULL AND x.office_id IS NULL),
-- Sorted on their keys first, then each row read gains its evidence: a page of a long answer builds
-- its own evidence cells, not every row's.
ordered AS MATERIALIZED (
SELECT said.who,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name) AS event,
       said.attended,
       said.detail,
       said.fact_id
  FROM said JOIN fact f ON f.id = said.fact_id
  JOIN entity ev ON ev.id = said.event_id
 WHERE (:event IS NULL OR said.event_id = :event)
   AND (:article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = said.fact_id AND s.article_id = :article))
 ORDER BY said.who, ev.name, said.event_id, said.attended DESC, f.first_article_id, f.first_seq)
SELECT ordered.who, ordered.event, ordered.attended, ordered.detail,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = ordered.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = ordered.fact_id)) AS evidence,
       '[' || ordered.fact_id || ']' AS fact_ids
  FROM ordered
