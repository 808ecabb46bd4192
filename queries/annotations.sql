-- name: annotations
-- title: What rests on knowledge the article does not give
-- description: Every fact recorded as an annotation rather than from an article's words, with its kind, what
--   it is about, its source and the source's statement. Everything else in the database quotes an article.
-- param: article text optional  Only annotations made for this article (its id)
-- column: kind  The kind of fact
-- column: about  What the fact says, in short
-- column: source  The reference work
-- column: url  Where to look it up
-- column: note  What the source holds, precisely enough to check
-- column: fact_ids  JSON array holding the fact; see factdb why
-- example: What does the article itself not state?
-- example: Which facts come from outside sources such as Wikidata?
-- example: What outside knowledge was added?
-- Each annotation's row; `st` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT st.article_id AS scope_article, st.seq AS scope_seq,
       coalesce((SELECT x.kind FROM entity x WHERE x.id = men.entity_id), f.kind) AS kind,
       coalesce(men.entity_id || ' named ' || men.name, al.entity_id || ' = ' || al.name,
                r.office_id || ' is ' || r.role, h.person_id || ' holds ' || h.office_id,
                l.entity_id || ' in ' || l.place_id, f.kind || ' #' || f.id) AS about,
       s.title AS source,
       s.url,
       st.annotation_note AS note,
       '[' || f.id || ']' AS fact_ids
  FROM statement st
  JOIN fact f ON f.id = st.fact_id
  JOIN annotation_source s ON s.id = st.annotation_source_id
  LEFT JOIN mention men ON men.fact_id = f.id
  LEFT JOIN alias al ON al.fact_id = f.id
  LEFT JOIN office_role r ON r.fact_id = f.id
  LEFT JOIN office_holding h ON h.fact_id = f.id
  LEFT JOIN location l ON l.fact_id = f.id
 WHERE st.annotation_source_id IS NOT NULL)
-- One article's annotations, or every article's: each arm listed by the partial index on annotated
-- statements, merged without a sort, so that the first page costs its rows alone.
SELECT kind, about, source, url, note, fact_ids FROM (
  SELECT scope_article, scope_seq, * FROM answer WHERE scope_article = :article
  UNION ALL
  SELECT scope_article, scope_seq, * FROM answer WHERE :article IS NULL
  ORDER BY 1, 2)
