-- name: annotations
-- title: What rests on knowledge the article does not give
-- description: Every fact recorded as an annotation rather than from the article's words, with its kind, what
--   it is about, its source and the source's statement. Everything else in the database quotes the article.
SELECT f.kind,
       coalesce(en.name, al.entity_id || ' = ' || al.name, o.title || ' of ' || oj.name,
                ro.id || ' is ' || r.role, hp.name || ' holds ' || h.office_id, l.entity_id || ' in ' || l.place_id) AS about,
       s.title AS source,
       s.url,
       f.annotation_note AS note
  FROM fact f
  JOIN annotation_source s ON s.id = f.annotation_source_id
  LEFT JOIN entity en ON en.fact_id = f.id
  LEFT JOIN alias al ON al.fact_id = f.id
  LEFT JOIN office o ON o.fact_id = f.id
  LEFT JOIN entity oj ON oj.id = o.jurisdiction_id
  LEFT JOIN office_role r ON r.fact_id = f.id
  LEFT JOIN office ro ON ro.id = r.office_id
  LEFT JOIN office_holding h ON h.fact_id = f.id
  LEFT JOIN entity hp ON hp.id = h.person_id
  LEFT JOIN location l ON l.fact_id = f.id
 ORDER BY f.id
