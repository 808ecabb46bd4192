-- name: organization
-- title: Everything the articles say about an organization
-- description: For every organization whose name (as any article prints it) or alias has the given words (accents
--   and case folded, the last word may be cut short): its names, when and by whom it was founded and for what, how many
--   members it has, each member by status, and its sessions, with evidence.
-- param: organization text required  Words of the organization's name or of an alias, e.g. SCO or Danube
-- param: article text optional  Only facts stated by this article (its id)
-- column: organization  The organization, as first printed
-- column: aspect  What the row tells: name as printed, alias, founded in, founding member, purpose, member count, member, session
-- column: detail  The fact itself
-- column: evidence  The article's words, or the annotation
-- column: fact_ids  JSON array holding the fact; see factdb why
-- example: What does the article say about an organization?
-- example: Tell me about a bloc or council by name
-- example: Which countries belong to a given organization, and since when?
-- The words looked up in the index of every name, as person does.
WITH which AS (
  SELECT DISTINCT e.id, coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = e.id AND nm.article_id = :article), e.name) AS name
    FROM name_index s JOIN entity e ON e.id = s.ref
   WHERE s.name_index MATCH 'text : "' || replace(:organization, '"', '""') || '"*' AND s.kind = 'organization'),
-- Each aspect narrowed to the article's statements before it is described, not after.
facts (organization, aspect, detail, sort, fact_id) AS (
  SELECT which.name, 'name as printed', m.name || ' (' || m.article_id || ')', 1, m.fact_id
    FROM which JOIN mention m ON m.entity_id = which.id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = m.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'alias', al.name, 2, al.fact_id
    FROM which JOIN alias al ON al.entity_id = which.id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = al.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'founded in', CAST(x.year AS TEXT), 3, x.fact_id
    FROM which JOIN organization_founding x ON x.organization_id = which.id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = x.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'purpose', p.purpose, 4, p.fact_id
    FROM which JOIN organization_purpose p ON p.organization_id = which.id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = p.fact_id AND st.article_id = :article))
  UNION ALL
  -- As of its date, when the article gives one: statements are as of their dates.
  SELECT which.name, 'member count', mc.members || coalesce(' (' || mc.printed || ')', '') || coalesce(' as of ' || mc.as_of, ''), 5, mc.fact_id
    FROM which JOIN member_count mc ON mc.organization_id = which.id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = mc.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, CASE m.status WHEN 'founding member' THEN 'founding member' ELSE 'member' END,
         coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name)
         || CASE WHEN m.status IN ('founding member', 'member') THEN '' ELSE ' (' || m.status || ')' END
         || coalesce(' as of ' || m.as_of, ''),
         CASE m.status WHEN 'founding member' THEN 6 ELSE 7 END, m.fact_id
    FROM which JOIN membership m ON m.organization_id = which.id JOIN entity c ON c.id = m.member_id
   WHERE (:article IS NULL OR EXISTS (SELECT 1 FROM statement st WHERE st.fact_id = m.fact_id AND st.article_id = :article))
  UNION ALL
  SELECT which.name, 'session', coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name)
         || coalesce(' in ' || (SELECT group_concat(p.name, ', ') FROM (SELECT pl.name FROM location l JOIN entity pl ON pl.id = l.place_id
                                                                        WHERE l.entity_id = ev.id ORDER BY pl.name) AS p), ''),
         8, (SELECT min(m.fact_id) FROM mention m WHERE m.entity_id = ev.id)
    FROM which JOIN event v ON v.organization_id = which.id JOIN entity ev ON ev.id = v.id
   WHERE :article IS NULL
  UNION ALL
  -- One article's sessions: the events it names, where its own mention is the event's first fact (the one
  -- the row rests on), found from the article's statements rather than from every session of the body.
  SELECT which.name, 'session', coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = ev.id AND nm.article_id = :article), ev.name)
         || coalesce(' in ' || (SELECT group_concat(p.name, ', ') FROM (SELECT pl.name FROM location l JOIN entity pl ON pl.id = l.place_id
                                                                        WHERE l.entity_id = ev.id ORDER BY pl.name) AS p), ''),
         8, (SELECT min(m.fact_id) FROM mention m WHERE m.entity_id = ev.id)
    FROM statement s JOIN mention am ON am.fact_id = s.fact_id JOIN event v ON v.id = am.entity_id
    JOIN which ON which.id = v.organization_id JOIN entity ev ON ev.id = v.id
   WHERE s.article_id = :article AND am.fact_id = (SELECT min(m.fact_id) FROM mention m WHERE m.entity_id = ev.id)),
-- Sorted on their keys first, then each row read gains its evidence: a page of a long answer builds
-- its own evidence cells, not every row's.
ordered AS MATERIALIZED (
SELECT facts.organization, facts.aspect, facts.detail, facts.fact_id
  FROM facts
  JOIN fact f ON f.id = facts.fact_id
 WHERE :article IS NULL OR EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = f.id AND s.article_id = :article)
 ORDER BY facts.organization, facts.sort, f.first_article_id, f.first_seq, facts.detail)
SELECT ordered.organization, ordered.aspect, ordered.detail,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = ordered.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = ordered.fact_id)) AS evidence,
       '[' || ordered.fact_id || ']' AS fact_ids
  FROM ordered
