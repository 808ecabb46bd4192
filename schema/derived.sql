-- Run once every article is loaded: fills the tables derived from the facts.

-- One article says a person attended an event, another that they did not:
-- the two facts are of different kinds, so the loader, which compares facts
-- of one kind, cannot see it. Within one article both may hold (the first
-- day, not the second), so only facts no single article states both of.
INSERT INTO disagreement (fact_id, other_fact_id, field, value, other_value)
SELECT min(a.fact_id, x.fact_id), max(a.fact_id, x.fact_id), 'attended',
       CASE WHEN a.fact_id < x.fact_id THEN 'yes' ELSE 'no' END,
       CASE WHEN a.fact_id < x.fact_id THEN 'no' ELSE 'yes' END
  -- By the event's attendance (few), not the person's (a leader attends hundreds of events): the unary +
  -- keeps SQLite, which has no statistics here, from choosing attendance_by_person.
  FROM absence x JOIN attendance a ON a.event_id = x.event_id AND +a.person_id = x.person_id
 WHERE NOT EXISTS (SELECT 1 FROM statement sa JOIN statement sx ON sx.article_id = sa.article_id
                    WHERE sa.fact_id = a.fact_id AND sx.fact_id = x.fact_id);

-- Each entity's first mention: a mention is stated by its own article alone.
INSERT INTO first_mention (entity_id, kind, article_id, seq, fact_id)
SELECT e.id, e.kind, m.article_id, s.seq, m.fact_id
  FROM entity e
  JOIN mention m ON m.fact_id = (SELECT f.fact_id FROM mention f WHERE f.entity_id = e.id ORDER BY f.article_id LIMIT 1)
  JOIN statement s ON s.fact_id = m.fact_id AND s.article_id = m.article_id
 ORDER BY e.id;

-- Each article's own date, from the date statement that gives it.
UPDATE article SET published = (SELECT d.iso FROM date_statement d JOIN statement s ON s.fact_id = d.fact_id
                                 WHERE d.role = 'published' AND s.article_id = article.id)
 WHERE id IN (SELECT s.article_id FROM date_statement d JOIN statement s ON s.fact_id = d.fact_id WHERE d.role = 'published');

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

INSERT INTO name_index (text, kind, ref, label)
SELECT text, kind, ref, label FROM search_index WHERE kind <> 'passage' ORDER BY rowid;

-- Each article's attendance statements, with the standing of the attendee.
INSERT INTO attendance_standing (fact_id, article_id, holding_fact_id, head_fact_id, standing)
WITH att AS (
  SELECT s.article_id, a.fact_id, a.event_id, a.person_id, a.represents_id, a.office_id
    FROM statement s JOIN attendance a ON a.fact_id = s.fact_id),
-- When each event took place, as far as any article dates it (ISO 8601, to
-- the precision given).
event_date AS (
  SELECT e.id AS event_id,
         (SELECT min(d.iso) FROM date_statement d WHERE d.entity_id = e.id AND d.role IN ('start', 'on')) AS first_day,
         (SELECT max(d.iso) FROM date_statement d WHERE d.entity_id = e.id AND d.role IN ('end', 'on', 'start')) AS last_day
    FROM event e),
-- Every office an attendee holds at the event, as each article reporting them
-- sees it: the holding the article states, else the first another article
-- states; not a term stated to end before the event or begin after it
-- (dates compared to the precision both give).
seen AS (
  SELECT article_id, person_id, event_id, office_id, fact_id, acting FROM (
    SELECT p.article_id, h.person_id, p.event_id, h.office_id, h.fact_id, h.acting,
           row_number() OVER (PARTITION BY p.article_id, h.person_id, p.event_id, h.office_id
                              ORDER BY EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = h.fact_id AND s.article_id = p.article_id) DESC,
                                       h.fact_id) AS n
      FROM (SELECT DISTINCT article_id, person_id, event_id FROM att) p
      JOIN office_holding h ON h.person_id = p.person_id
      LEFT JOIN event_date ed ON ed.event_id = p.event_id
     WHERE (h.until IS NULL OR ed.first_day IS NULL
            OR substr(h.until, 1, min(length(h.until), length(ed.first_day))) >=
               substr(ed.first_day, 1, min(length(h.until), length(ed.first_day))))
       AND (h.since IS NULL OR ed.last_day IS NULL
            OR substr(h.since, 1, min(length(h.since), length(ed.last_day))) <=
               substr(ed.last_day, 1, min(length(h.since), length(ed.last_day)))))
   WHERE n = 1),
-- Who heads which country's state at the event, as each article sees it:
-- holds its head-of-state office, not as acting.
head AS (
  SELECT seen.article_id, seen.person_id, seen.event_id, o.jurisdiction_id AS country_id, seen.fact_id
    FROM seen JOIN office o ON o.id = seen.office_id
   WHERE NOT seen.acting AND EXISTS (SELECT 1 FROM office_role r WHERE r.office_id = seen.office_id AND r.role = 'head of state'))
SELECT att.fact_id, att.article_id,
       (SELECT seen.fact_id FROM seen
         WHERE seen.article_id = att.article_id AND seen.person_id = att.person_id AND seen.event_id = att.event_id
           AND seen.office_id = att.office_id),
       (SELECT head.fact_id FROM head
         WHERE head.article_id = att.article_id AND head.person_id = att.person_id AND head.event_id = att.event_id
           AND head.country_id = att.represents_id
         ORDER BY head.fact_id LIMIT 1),
       CASE WHEN NOT EXISTS (SELECT 1 FROM entity c WHERE c.id = att.represents_id AND c.kind = 'country') THEN NULL
            WHEN EXISTS (SELECT 1 FROM head WHERE head.article_id = att.article_id AND head.person_id = att.person_id
                                              AND head.event_id = att.event_id AND head.country_id = att.represents_id)
              -- An attendee the article does not name, known by the country's head-of-state office.
              OR (att.person_id IS NULL
                  AND EXISTS (SELECT 1 FROM office o JOIN office_role r ON r.office_id = o.id AND r.role = 'head of state'
                               WHERE o.id = att.office_id AND o.jurisdiction_id = att.represents_id))
              THEN 'head of state'
            -- The country's head of state attended the same event, as any article reports.
            WHEN EXISTS (SELECT 1 FROM att other
                           JOIN head ON head.article_id = other.article_id AND head.person_id = other.person_id
                                    AND head.event_id = other.event_id
                          WHERE other.event_id = att.event_id AND other.represents_id = att.represents_id
                            AND other.person_id IS NOT att.person_id AND head.country_id = att.represents_id) THEN 'delegation'
            -- Known not to be the head of state: the country's head-of-state office is recorded, or the office's role is.
            WHEN EXISTS (SELECT 1 FROM office o JOIN office_role r ON r.office_id = o.id AND r.role = 'head of state'
                          WHERE o.jurisdiction_id = att.represents_id)
              OR EXISTS (SELECT 1 FROM office_role r WHERE r.office_id = att.office_id) THEN 'stand-in'
            ELSE 'unknown'
       END
  FROM att;
