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
WITH scope (article_id, seq) AS (  -- one article's annotations, or every article's: by the partial index either way
  SELECT article_id, seq FROM statement WHERE article_id = :article AND annotation_source_id IS NOT NULL
  UNION ALL SELECT article_id, seq FROM statement WHERE annotation_source_id IS NOT NULL AND :article IS NULL)
SELECT coalesce((SELECT x.kind FROM entity x WHERE x.id = men.entity_id), f.kind) AS kind,
       coalesce(men.entity_id || ' named ' || men.name, al.entity_id || ' = ' || al.name,
                r.office_id || ' is ' || r.role, h.person_id || ' holds ' || h.office_id,
                l.entity_id || ' in ' || l.place_id, f.kind || ' #' || f.id) AS about,
       s.title AS source,
       s.url,
       st.annotation_note AS note,
       '[' || f.id || ']' AS fact_ids
  FROM scope CROSS JOIN statement st ON st.article_id = scope.article_id AND st.seq = scope.seq
  JOIN fact f ON f.id = st.fact_id
  JOIN annotation_source s ON s.id = st.annotation_source_id
  LEFT JOIN mention men ON men.fact_id = f.id
  LEFT JOIN alias al ON al.fact_id = f.id
  LEFT JOIN office_role r ON r.fact_id = f.id
  LEFT JOIN office_holding h ON h.fact_id = f.id
  LEFT JOIN location l ON l.fact_id = f.id
 ORDER BY st.article_id, st.seq
