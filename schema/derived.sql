-- Run once every article is loaded: fills the tables derived from the facts.

-- An entity printed differently by different articles is named corpus-wide
-- as most of them print it; on a tie, as the article whose id sorts first
-- does. Whatever order the folders were read in, the name is the same.
UPDATE entity SET name = (SELECT m.name FROM mention m WHERE m.entity_id = entity.id
                           GROUP BY m.name ORDER BY count(*) DESC, min(m.article_id) LIMIT 1)
 WHERE id IN (SELECT entity_id FROM mention GROUP BY entity_id HAVING count(DISTINCT name) > 1);

-- The full-text index: the loader has indexed every passage as it went; what
-- remains is every entity with all its names (as first printed, as each
-- article prints it, and its aliases), known only once every article is in.
INSERT INTO search_index (text, kind, ref, label)
SELECT (SELECT group_concat(n, ' · ')
          FROM (SELECT x.name AS n
                UNION SELECT m.name FROM mention m WHERE m.entity_id = x.id
                UNION SELECT a.name FROM alias a WHERE a.entity_id = x.id)),
       x.kind, x.id, x.name
  FROM entity x
 ORDER BY x.id;
