-- name: search
-- title: Full-text search over the articles' passages and every name
-- description: Paragraphs of the articles and the names of people, countries, organizations, places, groups,
--   events and offices (aliases and every printed spelling included), ranked by relevance (bm25). :q is an
--   FTS5 query; factdb search builds one from plain words.
-- param: q text required  An FTS5 query, e.g. Kashmir, "acting president" or Mokh*
-- param: kind text optional  Only results of this kind: passage, person, country, organization, ...
-- param: limit integer default=20  At most this many results
-- column: kind  passage, or the kind of entity
-- column: name  ARTICLE ¶N for a passage, the entity's name otherwise
-- column: snippet  The matching words in context, marked [like this]
-- column: article  A passage's article
-- column: start  A passage's position in its article, in characters from 1
-- column: ref  The entity's id, or the passage's evidence id
-- column: rank  bm25 relevance: the lower, the better the match
SELECT search_index.kind,
       search_index.label AS name,
       snippet(search_index, 0, '[', ']', '…', 16) AS snippet,
       e.article_id AS article,
       e.start,
       search_index.ref,
       round(bm25(search_index), 4) AS rank
  FROM search_index
  LEFT JOIN evidence e ON search_index.kind = 'passage' AND e.id = CAST(search_index.ref AS INTEGER)
 WHERE search_index MATCH :q
   AND (:kind IS NULL OR search_index.kind = :kind)
 ORDER BY rank, search_index.rowid
 LIMIT :limit
