-- Run once every article is loaded: fills the tables derived from the facts.

-- The full-text index: passages in article order, then every entity with all
-- its names (as first printed, as each article prints it, and its aliases).
INSERT INTO search_index (text, kind, ref, label)
SELECT e.quote, 'passage', CAST(p.evidence_id AS TEXT), p.article_id || ' ¶' || p.seq
  FROM passage p JOIN evidence e ON e.id = p.evidence_id
 ORDER BY p.article_id, p.seq;

INSERT INTO search_index (text, kind, ref, label)
SELECT (SELECT group_concat(n, ' · ')
          FROM (SELECT x.name AS n
                UNION SELECT m.name FROM mention m WHERE m.entity_id = x.id
                UNION SELECT a.name FROM alias a WHERE a.entity_id = x.id)),
       x.kind, x.id, x.name
  FROM entity x
 ORDER BY x.id;
