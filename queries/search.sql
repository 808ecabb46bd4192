-- name: search
-- title: Full-text search over the articles' passages and every name
-- description: Paragraphs of the articles and the names of people, countries, organizations, places, groups,
--   events and offices (aliases and every printed spelling included), ranked by relevance (bm25). :q is an
--   FTS5 query; factdb search builds one from plain words.
-- param: q text required  An FTS5 query, e.g. Kashmir, "acting president" or Mokh*
-- param: kind text optional  Only results of this kind: passage, person, country, organization, ...
-- param: limit integer default=20  At most this many results
-- param: full integer default=0  1: a passage's snippet is the whole passage, matches marked
-- column: kind  passage, or the kind of entity
-- column: name  ARTICLE ¶N for a passage, the entity's name otherwise
-- column: snippet  For a passage, the whole sentence around the first match; for a name, the names matched; matches marked [like this]
-- column: article  A passage's article
-- column: start  A passage's position in its article, in characters from 1
-- column: ref  The entity's id, or the passage's evidence id
-- column: rank  bm25 relevance: the lower, the better the match
-- The best :limit matches first, then a snippet and a place for those only:
-- a snippet for every match of a common word would cost more than the ranking.
-- example: Find the passages that mention a word
-- example: Search the text for a phrase
-- example: Where in the article is something mentioned?
WITH hits (id, rank) AS (
  SELECT rowid, round(bm25(search_index), 4) FROM search_index
   WHERE search_index MATCH :q
     AND (:kind IS NULL OR kind = :kind)
   ORDER BY 2, rowid
   LIMIT :limit),
-- A passage marked, cut at its first match: the text before it, and from it
-- on (also with "? " and "! " written ". ", the one sentence end looked for).
marked (id, before, after, norm) AS (
  SELECT id, substr(text, 1, instr(text, '[') - 1), substr(text, instr(text, '[')),
         replace(replace(substr(text, instr(text, '[')), '? ', '. '), '! ', '. ')
    -- CROSS JOIN: from the best matches to their rows, not (as SQLite would
    -- choose) from every match again to the best.
    FROM (SELECT search_index.rowid AS id, highlight(search_index, 0, '[', ']') AS text
            FROM hits CROSS JOIN search_index ON search_index.rowid = hits.id
           WHERE search_index MATCH :q AND search_index.kind = 'passage')),
-- Where each sentence before the match begins: after ". ", "? " or "! ".
starts (id, rest, at) AS (
  SELECT id, replace(replace(before, '? ', '. '), '! ', '. '), 0 FROM marked
  UNION ALL
  SELECT id, substr(rest, instr(rest, '. ') + 2), at + instr(rest, '. ') + 1 FROM starts WHERE instr(rest, '. ') > 0),
-- The sentence holding the first match: from the last start before it to the
-- first sentence end after the match's closing mark.
sentence (id, text) AS (
  SELECT id, before || after FROM marked WHERE :full
  UNION ALL
  SELECT id,
         substr(before, (SELECT max(at) FROM starts WHERE starts.id = marked.id) + 1)
         || CASE WHEN instr(substr(norm, instr(norm, ']')), '. ') = 0 THEN after
                 ELSE substr(after, 1, instr(norm, ']') + instr(substr(norm, instr(norm, ']')), '. ') - 1) END
    FROM marked WHERE NOT :full)
SELECT search_index.kind,
       search_index.label AS name,
       coalesce((SELECT sentence.text FROM sentence WHERE sentence.id = hits.id), snippet(search_index, 0, '[', ']', '…', 16)) AS snippet,
       e.article_id AS article,
       e.start,
       -- A passage's evidence id is a number, kept as text by the full-text index.
       CASE WHEN search_index.kind = 'passage' THEN CAST(search_index.ref AS INTEGER) ELSE search_index.ref END AS ref,
       hits.rank
  FROM hits
  JOIN search_index ON search_index.rowid = hits.id
  LEFT JOIN evidence e ON search_index.kind = 'passage' AND e.id = CAST(search_index.ref AS INTEGER)
 WHERE search_index MATCH :q
 ORDER BY hits.rank, hits.id
