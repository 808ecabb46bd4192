-- name: country
-- title: Everything the articles say about a country
-- description: For every country whose name (as any article prints it) or alias has the given words (accents
--   and case folded, the last word may be cut short): its memberships, who represented it, its offices, its stances and aims, and the
--   tensions it is party to, with evidence.
-- param: country text required  Words of the country's name or of an alias, e.g. Pakistan or Turkiye
-- param: article text optional  Only facts stated by this article (its id)
-- column: country  The country, as first printed
-- column: aspect  What the row tells: membership, represented by, office, stance, aim, tension
-- column: detail  The fact itself
-- column: evidence  The article's words, or the annotation
-- column: fact_ids  JSON array holding the fact; see factdb why
-- example: What does the article say about a country?
-- example: Tell me everything about a nation
-- example: Which facts concern a given state: membership, representatives, offices?
-- The words looked up in the index of every name, as person does.
WITH which AS (
  SELECT DISTINCT e.id, coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name) AS name
    FROM name_index s JOIN entity e ON e.id = s.ref
   WHERE s.name_index MATCH 'text : "' || replace(:country, '"', '""') || '"*' AND s.kind = 'country'),
-- Each aspect narrowed to the article's statements before it is described, not after.
facts (country, aspect, detail, sort, fact_id) AS (
  -- With the date it holds from, when the article gives one: statements are as of their dates.
  SELECT which.name, 'membership', m.status || ' of ' || coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name)
         || coalesce(' as of ' || m.as_of, ''), 1, m.fact_id
    FROM which JOIN membership m ON m.member_id = which.id JOIN entity o ON o.id = m.organization_id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = m.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'represented by', coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = p.id AND nm.article_id = :article), p.name, '(not named)')
         || coalesce(' (' || coalesce(t.title, (SELECT o.name FROM entity o WHERE o.id = a.office_id)) || ')', '') || ' at ' || coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name), 2, a.fact_id
    FROM which JOIN attendance a ON a.represents_id = which.id LEFT JOIN entity p ON p.id = a.person_id
    JOIN entity ev ON ev.id = a.event_id
    LEFT JOIN attendance_standing st
           ON st.fact_id = a.fact_id
          AND st.article_id = coalesce(:article, (SELECT f.first_article_id FROM fact f WHERE f.id = a.fact_id))
    LEFT JOIN office_holding_title t ON t.fact_id = st.holding_fact_id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = a.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'office', oe.name || coalesce(' (' || (SELECT group_concat(r.role, ' and ') FROM office_role r
                                                            WHERE r.office_id = o.id) || ')', ''), 3, m.fact_id
    FROM which JOIN office o ON o.jurisdiction_id = which.id JOIN entity oe ON oe.id = o.id
    -- The office once: as the article names it, or as the first article does.
    JOIN mention m ON m.fact_id = (SELECT mm.fact_id FROM mention mm WHERE mm.entity_id = o.id
                                    ORDER BY CASE WHEN mm.article_id = :article THEN 0 ELSE 1 END, mm.article_id LIMIT 1)
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = m.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, s.kind, s.statement, 4, s.fact_id
    FROM which JOIN stance s ON s.holder_id = which.id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = s.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'tension', t.about || ' with ' ||
         (SELECT group_concat(coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name), ', ') FROM tension_party x JOIN entity e ON e.id = x.party_id
           WHERE x.fact_id = t.fact_id AND x.party_id <> which.id), 5, t.fact_id
    FROM which JOIN tension_party tp ON tp.party_id = which.id JOIN tension t ON t.fact_id = tp.fact_id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = t.fact_id AND st.article_id = :article))),
-- Sorted on their keys first, then each row read gains its evidence: a page of a long answer builds
-- its own evidence cells, not every row's.
ordered AS MATERIALIZED (
SELECT facts.country, facts.aspect, facts.detail, facts.fact_id
  FROM facts
  JOIN fact f ON f.id = facts.fact_id
 WHERE :article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = f.id AND s.article_id = :article)
 ORDER BY facts.country, facts.sort, f.first_article_id, f.first_seq)
SELECT ordered.country, ordered.aspect, ordered.detail,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = ordered.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = ordered.fact_id)) AS evidence,
       '[' || ordered.fact_id || ']' AS fact_ids
  FROM ordered
