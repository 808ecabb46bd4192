-- factdb schema, version 3 (PRAGMA user_version = 3).
--
-- Every statement the .db makes is a row of `fact`. A fact rests either on the
-- article's own words (one or more `citation` rows, each pointing at a verified
-- `evidence` span) or on an annotation: knowledge the article does not give,
-- with its `annotation_source`. The tables below `fact` hold what each kind of
-- fact says; each of their rows carries the `fact_id` it belongs to.
--
-- Comments inside each CREATE statement are kept by SQLite in sqlite_master,
-- so any SQLite client shows them beside the table definition.

-- A source article, stored whole and byte for byte.
CREATE TABLE article (
  id          TEXT PRIMARY KEY,        -- stable slug of the article, e.g. 'sco-summit-astana-2024'
  title       TEXT NOT NULL,           -- the headline as printed
  source_site TEXT,                    -- the publishing site as printed in the text; NULL when the text does not name it
  sha256      TEXT NOT NULL            -- SHA-256 of the file's bytes, lower-case hex
              CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  text        TEXT NOT NULL,           -- the full text, byte for byte as published, boilerplate included
  published   TEXT                     -- its date (ISO 8601) as its [[date]] with role 'published' states it; NULL when not stated. Its statements are as of this date
) STRICT;

-- A verbatim span of an article. For every row substr(article.text, start, length) = quote (SQLite's 1-based character positions).
-- One row per span (unique index evidence_span).
CREATE TABLE evidence (
  id         INTEGER PRIMARY KEY,      -- evidence span id
  article_id TEXT NOT NULL REFERENCES article (id),  -- the article the span is in
  start      INTEGER NOT NULL CHECK (start >= 1),    -- 1-based character offset, as SQLite's substr() counts
  length     INTEGER NOT NULL CHECK (length >= 1),   -- length in characters
  quote      TEXT NOT NULL CHECK (length(quote) = length)  -- the span's text; substr(article.text, start, length) = quote
) STRICT;

-- Which span of an article is its navigation, headline, byline, body or footer.
CREATE TABLE article_section (
  article_id  TEXT NOT NULL REFERENCES article (id),  -- the article
  role        TEXT NOT NULL                           -- what the span is: page navigation, headline, byline (who wrote it), body or footer
              CHECK (role IN ('navigation', 'headline', 'byline', 'body', 'footer')),
  evidence_id INTEGER NOT NULL REFERENCES evidence (id),  -- the span
  PRIMARY KEY (article_id, role)
) STRICT, WITHOUT ROWID;

-- A reference work that annotations cite: knowledge the articles do not give comes from one of these.
CREATE TABLE annotation_source (
  id    TEXT PRIMARY KEY,              -- slug, e.g. 'wikidata'
  title TEXT NOT NULL,                 -- human-readable name of the reference work
  url   TEXT                           -- where to look it up
) STRICT;

-- Every statement the database makes, one row each; what it says is in the
-- table its kind names. A fact stated by several articles is one fact, with a
-- `statement` row and citations from each.
CREATE TABLE fact (
  id               INTEGER PRIMARY KEY,  -- derived from what the fact says: the same in every build, whatever other articles are loaded
  kind             TEXT NOT NULL,        -- the table holding what it says: mention, alias, office_holding, attendance, ...
  first_article_id TEXT NOT NULL REFERENCES article (id),  -- of the articles stating it, the one whose id sorts first
  first_seq        INTEGER NOT NULL,     -- its place among that article's statements: corpus-wide answers list facts in this order
  is_annotation    INTEGER NOT NULL CHECK (is_annotation IN (0, 1))  -- 1 when only annotations support it: no article's words state it
) STRICT;

-- An article stating a fact, in its words (its citations) or by an
-- annotation: knowledge the article does not give, with its source. An
-- article states a fact once (unique index statement_of_fact) and gives a
-- label once (statement_label).
CREATE TABLE statement (
  article_id           TEXT NOT NULL REFERENCES article (id),  -- the article
  seq                  INTEGER NOT NULL CHECK (seq >= 1),      -- its place among the article's statements, in the order facts.toml is read
  fact_id              INTEGER NOT NULL REFERENCES fact (id),  -- the fact it states
  label                TEXT,           -- optional handle given in the seed, unique within its article
  annotation_source_id TEXT REFERENCES annotation_source (id),  -- set when the article's entry rests on an annotation, not its words
  annotation_note      TEXT,           -- for an annotation: what the source says, precisely enough to look it up
  CHECK ((annotation_source_id IS NULL) = (annotation_note IS NULL)),
  PRIMARY KEY (article_id, seq)
) STRICT, WITHOUT ROWID;

-- Two facts that cannot both be true, stated by different articles: the same
-- attendance, holding, membership or founding with a field given otherwise,
-- or a person said to attend an event by one and to stay away by another
-- (field 'attended').
-- Both are kept, each with its articles and words; a fact that only leaves
-- out what another gives does not disagree with it.
CREATE TABLE disagreement (
  fact_id       INTEGER NOT NULL REFERENCES fact (id),  -- one fact
  other_fact_id INTEGER NOT NULL REFERENCES fact (id),  -- the fact it disagrees with
  field         TEXT NOT NULL,         -- the field of the seed format they give differently
  value         TEXT,                  -- its value in fact_id, as the seed writes it (an id, a word, a number)
  other_value   TEXT,                  -- its value in other_fact_id
  PRIMARY KEY (fact_id, other_fact_id, field),
  CHECK (fact_id < other_fact_id)
) STRICT, WITHOUT ROWID;

-- Which spans of an article state a fact: each article's statement resting on its words has one or more.
CREATE TABLE citation (
  fact_id     INTEGER NOT NULL REFERENCES fact (id),      -- the fact
  article_id  TEXT NOT NULL REFERENCES article (id),      -- the article stating it, whose span this is
  evidence_id INTEGER NOT NULL REFERENCES evidence (id),  -- a span of that article that states it
  PRIMARY KEY (fact_id, article_id, evidence_id),
  FOREIGN KEY (fact_id, article_id) REFERENCES statement (fact_id, article_id)
) STRICT, WITHOUT ROWID;

-- A person, country, organization, place, group, event or office: one row per id, whichever articles name it.
CREATE TABLE entity (
  id   TEXT PRIMARY KEY,               -- stable slug, unique across all kinds and articles
  kind TEXT NOT NULL                   -- what the entity is
       CHECK (kind IN ('person', 'country', 'organization', 'place', 'group', 'event', 'office')),
  name TEXT NOT NULL                   -- its name corpus-wide: the one most articles print (ties: the article whose id sorts first); an office: its title
) STRICT;

-- An article naming an entity: links every article to the entities it names, with the name as it prints it.
-- One row per entity and article (unique index mention_of_entity).
CREATE TABLE mention (
  fact_id    INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact: this article names this entity
  entity_id  TEXT NOT NULL REFERENCES entity (id),      -- the entity
  article_id TEXT NOT NULL REFERENCES article (id),     -- the article
  name       TEXT NOT NULL             -- the name as this article prints it
) STRICT;

-- Derived once every article is loaded: each entity's first mention, in the
-- article with the smallest id naming it, so that the entities of one kind
-- can be read in the order the corpus first names them (events' listing).
CREATE TABLE first_mention (
  entity_id  TEXT PRIMARY KEY REFERENCES entity (id),  -- the entity
  kind       TEXT NOT NULL,            -- its kind, as entity.kind
  article_id TEXT NOT NULL REFERENCES article (id),     -- the first article (by id) naming it
  seq        INTEGER NOT NULL,         -- the place of that article's mention among its statements (statement.seq)
  fact_id    INTEGER NOT NULL UNIQUE REFERENCES mention (fact_id)  -- that mention
) STRICT;

-- Another name of an entity: printed in an article, or (as an annotation) the usual spelling.
CREATE TABLE alias (
  entity_id TEXT NOT NULL REFERENCES entity (id),  -- the entity
  name      TEXT NOT NULL,             -- another spelling: printed in the article, or (as an annotation) the usual one
  fact_id   INTEGER NOT NULL UNIQUE REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  PRIMARY KEY (entity_id, name)
) STRICT;

-- What is known of an event besides its name: whose session it is.
CREATE TABLE event (
  id              TEXT PRIMARY KEY REFERENCES entity (id),  -- the event's entity (kind 'event')
  organization_id TEXT REFERENCES entity (id)  -- the organization whose session it is, as its mentions state
) STRICT;

-- Where an entity is: an event in a city, a city in a country.
CREATE TABLE location (
  entity_id TEXT NOT NULL REFERENCES entity (id),  -- what is located: an event, a city
  place_id  TEXT NOT NULL REFERENCES entity (id),  -- where: a place or a country
  fact_id   INTEGER NOT NULL UNIQUE REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  PRIMARY KEY (entity_id, place_id)
) STRICT;

-- What is known of an office besides its title: whose office it is.
CREATE TABLE office (
  id              TEXT PRIMARY KEY REFERENCES entity (id),  -- the office's entity (kind 'office'); its name is the title as printed
  jurisdiction_id TEXT NOT NULL REFERENCES entity (id)      -- the country or organization whose office it is, as its mentions state
) STRICT;

-- That an office is its country's or organization's head of state or head of government.
CREATE TABLE office_role (
  office_id TEXT NOT NULL REFERENCES office (id),  -- the office
  role      TEXT NOT NULL              -- the office is its jurisdiction's head of state or head of government
            CHECK (role IN ('head of state', 'head of government')),
  fact_id   INTEGER NOT NULL UNIQUE REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  PRIMARY KEY (office_id, role)
) STRICT, WITHOUT ROWID;

-- Who holds which office, and whether in an acting capacity (Wikidata: position held, nature of statement = acting).
CREATE TABLE office_holding (
  fact_id   INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  person_id TEXT REFERENCES entity (id),           -- who holds the office; NULL when the article does not name the holder
  office_id TEXT NOT NULL REFERENCES office (id),  -- which office
  acting    INTEGER NOT NULL DEFAULT 0 CHECK (acting IN (0, 1)),  -- 1 when held in an acting capacity
  since     TEXT CHECK (since IS NULL OR since GLOB '[0-9][0-9][0-9][0-9]*'),  -- ISO 8601 start of the term, when stated
  until     TEXT CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]*')   -- ISO 8601 end of the term, when stated; NULL: not stated to have ended
) STRICT;

-- Who attended an event, representing whom, in which office (Wikidata: participant, with its role).
CREATE TABLE attendance (
  fact_id       INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  event_id      TEXT NOT NULL REFERENCES event (id),     -- the event attended
  person_id     TEXT REFERENCES entity (id),             -- who attended; NULL: the article does not name them, only their office ("its ambassador")
  represents_id TEXT REFERENCES entity (id),             -- the country or organization represented, when stated
  office_id     TEXT REFERENCES office (id),             -- the office in which the person attended, when stated; some article states the holding of a named person
  CHECK (person_id IS NOT NULL OR office_id IS NOT NULL)
) STRICT;

-- Derived once every article is loaded: for each article's statement of an
-- attendance, whether the attendee stood in for a head of state. Decided from
-- every office the person holds, as that article states them (or, for an
-- office it does not mention, as another article does), from the office roles,
-- and from who else attended the event for the same country.
CREATE TABLE attendance_standing (
  fact_id         INTEGER NOT NULL REFERENCES attendance (fact_id),  -- the attendance
  article_id      TEXT NOT NULL REFERENCES article (id),    -- the article stating it
  holding_fact_id INTEGER REFERENCES office_holding (fact_id),  -- the holding of the office named at the attendance, as this article sees it
  head_fact_id    INTEGER REFERENCES office_holding (fact_id),  -- for a head of state: the holding of the head-of-state office, whichever office the attendance names
  standing        TEXT                 -- for a country's representative: 'head of state'; 'delegation' (the head of state attended too); 'stand-in'; 'unknown' (neither the office's role nor the country's head-of-state office is recorded); NULL otherwise
                  CHECK (standing IN ('head of state', 'delegation', 'stand-in', 'unknown')),
  PRIMARY KEY (fact_id, article_id)
) STRICT, WITHOUT ROWID;

-- A country's membership of an organization, with its status as stated.
CREATE TABLE membership (
  fact_id         INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  organization_id TEXT NOT NULL REFERENCES entity (id),  -- the organization
  member_id       TEXT NOT NULL REFERENCES entity (id),  -- the country
  status          TEXT NOT NULL        -- as the article states it; where it lumps observers and dialogue partners together, so does this
                  CHECK (status IN ('founding member', 'member', 'acceding', 'observer', 'dialogue partner', 'guest',
                                    'observer or dialogue partner', 'suspended', 'former member')),
  as_of           TEXT                 -- ISO 8601 date the status holds from, as stated ("became the tenth member on 4 July"); NULL: as of the article's date
                  CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]*')
) STRICT;

-- When an organization was founded, as stated.
CREATE TABLE organization_founding (
  fact_id         INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  organization_id TEXT NOT NULL REFERENCES entity (id),  -- the organization
  year            INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999)  -- year of founding, as stated
) STRICT;

-- How many members an organization has, as an article counts them.
CREATE TABLE member_count (
  fact_id         INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  organization_id TEXT NOT NULL REFERENCES entity (id),  -- the organization
  members         INTEGER NOT NULL CHECK (members >= 0),  -- how many members it has, as stated
  printed         TEXT,                -- the words that give the number, verbatim ("nine members"); NULL for an annotation
  as_of           TEXT                 -- ISO 8601 date the count holds from, when stated; NULL: as of the article's date
                  CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]*')
) STRICT;

-- What an organization is for, as stated.
CREATE TABLE organization_purpose (
  fact_id         INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  organization_id TEXT NOT NULL REFERENCES entity (id),  -- the organization
  purpose         TEXT NOT NULL        -- its stated purpose, verbatim
) STRICT;

-- A meeting between people: when and where, as stated.
CREATE TABLE meeting (
  fact_id  INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  event_id TEXT REFERENCES event (id),     -- the event during which it took place, when stated
  place_id TEXT REFERENCES entity (id),    -- where it took place, when stated
  subject  TEXT                            -- what it was about, verbatim, when stated
) STRICT;

-- Who took part in a meeting.
CREATE TABLE meeting_participant (
  fact_id   INTEGER NOT NULL REFERENCES meeting (fact_id),  -- the meeting's fact
  person_id TEXT NOT NULL REFERENCES entity (id),           -- a participant
  PRIMARY KEY (fact_id, person_id)
) STRICT, WITHOUT ROWID;

-- What an event focused on, discussed, showcased, presented or was expected to discuss.
CREATE TABLE event_topic (
  fact_id    INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  event_id   TEXT NOT NULL REFERENCES event (id),  -- the event
  kind       TEXT NOT NULL              -- how the article relates the subject to the event
             CHECK (kind IN ('focus', 'discussed', 'expected', 'showcased', 'presented')),
  subject    TEXT NOT NULL,             -- the subject, verbatim
  speaker_id TEXT REFERENCES entity (id)  -- who discussed it, when stated
) STRICT;

-- A position held or a goal pursued, attributed to a person, country, organization or group.
CREATE TABLE stance (
  fact_id   INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  holder_id TEXT NOT NULL REFERENCES entity (id),  -- the person, country or group the stance or aim is attributed to
  kind      TEXT NOT NULL CHECK (kind IN ('stance', 'aim')),  -- a position held, or a goal pursued
  statement TEXT NOT NULL             -- what it is, verbatim
) STRICT;

-- A tension the article reports, and what it is about.
CREATE TABLE tension (
  fact_id         INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  organization_id TEXT REFERENCES entity (id),  -- the organization within which it exists, when stated
  about           TEXT NOT NULL                 -- what it is about, verbatim
) STRICT;

-- A side of a tension.
CREATE TABLE tension_party (
  fact_id  INTEGER NOT NULL REFERENCES tension (fact_id),  -- the tension's fact
  party_id TEXT NOT NULL REFERENCES entity (id),           -- a side of it
  PRIMARY KEY (fact_id, party_id)
) STRICT, WITHOUT ROWID;

-- Someone who did not attend an event: a person, the unnamed holder of an
-- office ("the president fell ill"), or a country, organization or group that
-- sent nobody, with the reason when stated.
CREATE TABLE absence (
  fact_id    INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  event_id   TEXT NOT NULL REFERENCES event (id),   -- the event
  person_id  TEXT REFERENCES entity (id),           -- the person who did not attend, when named
  office_id  TEXT REFERENCES office (id),           -- the office whose holder did not attend, when the holder is not named
  country_id TEXT REFERENCES entity (id),           -- the country, organization or group not attending, or that the absent person would have represented
  reason     TEXT,                                  -- why, verbatim, when stated
  CHECK (person_id IS NOT NULL OR office_id IS NOT NULL OR country_id IS NOT NULL)
) STRICT;

-- Who hosted an event: a country or organization, a person, or both.
CREATE TABLE event_host (
  fact_id    INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  event_id   TEXT NOT NULL REFERENCES event (id),   -- the event
  country_id TEXT REFERENCES entity (id),           -- the host country or organization, when stated
  person_id  TEXT REFERENCES entity (id),           -- the host in person, when stated
  CHECK (country_id IS NOT NULL OR person_id IS NOT NULL)
) STRICT;

-- What an event adopted, signed, agreed or decided.
CREATE TABLE outcome (
  fact_id  INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  event_id TEXT NOT NULL REFERENCES event (id),      -- the event
  kind     TEXT NOT NULL CHECK (kind IN ('adopted', 'signed', 'agreed', 'decided')),  -- what was done with it
  what     TEXT NOT NULL                             -- what was adopted, signed, agreed or decided, verbatim
) STRICT;

-- Who adopted, signed, agreed or decided an outcome, when stated.
CREATE TABLE outcome_party (
  fact_id  INTEGER NOT NULL REFERENCES outcome (fact_id),  -- the outcome's fact
  party_id TEXT NOT NULL REFERENCES entity (id),           -- a person, country, organization or group that did it
  PRIMARY KEY (fact_id, party_id)
) STRICT, WITHOUT ROWID;

-- What someone said, as the article prints it (Wikidata: quotation, with its
-- speaker), or reports it.
CREATE TABLE quotation (
  fact_id    INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  speaker_id TEXT REFERENCES entity (id),               -- who said it: a person, or a country, organization or group speaking as one; NULL: named only by office
  office_id  TEXT REFERENCES office (id),               -- the office of a speaker the article names only by it ("a spokesman for the ministry")
  words      TEXT NOT NULL,                             -- what was said, verbatim, without the quotation marks around it
  event_id   TEXT REFERENCES event (id),                -- where it was said, when stated
  reported   INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1)),  -- 1: reported speech (said that ...), not the speaker's own words
  CHECK (speaker_id IS NOT NULL OR office_id IS NOT NULL)
) STRICT;

-- A date the articles give: an article's own (role 'published'), an event's
-- start or end, or the date of another fact ('on', 'as of'). As printed, and
-- in ISO 8601 to the precision the words allow.
CREATE TABLE date_statement (
  fact_id       INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  entity_id     TEXT REFERENCES entity (id),   -- what it is the date of: an event, ...
  about_fact_id INTEGER REFERENCES fact (id),  -- or the fact it dates (a membership, an attendance, ...); both NULL: the article's own date
  role          TEXT NOT NULL CHECK (role IN ('published', 'start', 'end', 'on', 'as of')),  -- which date of it
  printed       TEXT,                          -- the words that give it, verbatim ("on Thursday"); NULL for an annotation
  iso           TEXT NOT NULL CHECK (iso GLOB '[0-9][0-9][0-9][0-9]*'),  -- ISO 8601 to the precision the words allow: YYYY, YYYY-MM or YYYY-MM-DD
  CHECK (entity_id IS NULL OR about_fact_id IS NULL)
) STRICT;

-- A reason the article gives for another fact.
CREATE TABLE reason (
  fact_id   INTEGER PRIMARY KEY REFERENCES fact (id),  -- the fact this row states; its evidence: citation, fact_evidence
  explains  INTEGER NOT NULL REFERENCES fact (id),  -- the fact it gives the reason for
  reason    TEXT NOT NULL                          -- the reason, verbatim
) STRICT;

-- The canned queries: named, documented, parameterised SELECTs. Any client can run them; those without required parameters are also views.
CREATE TABLE canned_query (
  name        TEXT PRIMARY KEY,        -- the name to run it by: factdb query NAME
  title       TEXT NOT NULL,           -- one line on what it answers
  description TEXT NOT NULL,           -- what it returns and how it is derived
  sql         TEXT NOT NULL,           -- the SELECT; parameters are named :like_this
  params      TEXT NOT NULL CHECK (json_valid(params) AND json_type(params) = 'array'),
                                       -- JSON array of {name, type, required, default, description}; [] when none
  columns     TEXT NOT NULL CHECK (json_valid(columns) AND json_type(columns) = 'array'),
                                       -- JSON array of {name, description}, one per result column, in order
  examples    TEXT NOT NULL CHECK (json_valid(examples) AND json_type(examples) = 'array')
                                       -- JSON array of questions in plain words it answers (factdb ask finds queries by them)
) STRICT;

-- How each fact is supported, one row per citation or annotation of each
-- article stating it: the view an analyst joins to when asking "says who?".
-- column: fact_id  The fact
-- column: kind  Its kind
-- column: article_id  The article stating it
-- column: basis  'article' for a citation, 'annotation' for knowledge from elsewhere
-- column: start  Citation: 1-based character position of the quote in the article
-- column: length  Citation: its length in characters
-- column: quote  Citation: the article's words
-- column: source  Annotation: the reference work
-- column: note  Annotation: what the source holds
CREATE VIEW fact_support AS
SELECT s.fact_id, f.kind, s.article_id, 'article' AS basis,
       e.start, e.length, e.quote, NULL AS source, NULL AS note
  FROM statement s JOIN fact f ON f.id = s.fact_id
  JOIN citation c ON c.fact_id = s.fact_id AND c.article_id = s.article_id JOIN evidence e ON e.id = c.evidence_id
 WHERE s.annotation_source_id IS NULL
UNION ALL
SELECT s.fact_id, f.kind, s.article_id, 'annotation', NULL, NULL, NULL, src.title, s.annotation_note
  FROM statement s JOIN fact f ON f.id = s.fact_id JOIN annotation_source src ON src.id = s.annotation_source_id;

-- What supports each article's statement of a fact, in one readable cell: the
-- article's quotes joined with ' … ', or "[annotation, SOURCE] NOTE". Canned
-- queries filtered to an article show this.
-- column: fact_id  The fact
-- column: article_id  The article stating it
-- column: evidence  Its quotes in that article, or its annotation with the source
CREATE VIEW statement_evidence AS
SELECT s.fact_id, s.article_id,
       CASE WHEN s.annotation_source_id IS NULL
            THEN (SELECT group_concat(quote, ' … ')
                    FROM (SELECT e.quote FROM citation c CROSS JOIN evidence e ON e.id = c.evidence_id
                           WHERE c.fact_id = s.fact_id AND c.article_id = s.article_id ORDER BY e.start))
            ELSE '[annotation, ' || (SELECT src.title FROM annotation_source src WHERE src.id = s.annotation_source_id)
                 || '] ' || s.annotation_note
       END AS evidence
  FROM statement s;

-- What supports each fact across the articles stating it, in one readable
-- cell: the first three articles stating it (by id), each distinct piece of
-- their evidence once, prefixed, when the database holds more than one
-- article, with the articles giving it, joined with ' | '; then how many more
-- articles state it. A fact a thousand articles restate costs three of them
-- to show, read in order from an index; fact_support and factdb why give all.
-- Canned queries over the whole corpus show this.
-- column: fact_id  The fact
-- column: evidence  Its quotes or annotations in the first three articles stating it, each once, with those articles; then how many more state it
CREATE VIEW fact_evidence AS
SELECT f.id AS fact_id,
       (SELECT group_concat(CASE WHEN (SELECT count(*) FROM article) > 1 THEN articles || ': ' ELSE '' END || evidence, ' | ')
          FROM (SELECT evidence, group_concat(article_id, ', ') AS articles, min(article_id) AS first
                  FROM (SELECT article_id, evidence FROM statement_evidence WHERE fact_id = f.id ORDER BY article_id LIMIT 3)
                 GROUP BY evidence ORDER BY first))
       || (SELECT CASE WHEN count(*) > 3 THEN ' | and ' || (count(*) - 3) || ' more articles' ELSE '' END
             FROM statement s WHERE s.fact_id = f.id) AS evidence
  FROM fact f;

-- An office holding described as printed: 'acting President' where acting.
-- column: fact_id  The holding's fact
-- column: person_id  The holder
-- column: office_id  The office
-- column: acting  1 when held in an acting capacity
-- column: title  The title as printed, 'acting ' prefixed where acting
-- column: jurisdiction_id  Whose office it is
-- column: is_head_of_state_office  1 when the office is recorded as head of state
CREATE VIEW office_holding_title AS
-- One table and scalar subqueries, not a join: SQLite can then merge the view
-- into a query that LEFT JOINs it and look each holding up by its key,
-- instead of materializing every holding first.
SELECT h.fact_id, h.person_id, h.office_id, h.acting,
       (SELECT CASE WHEN h.acting THEN 'acting ' || e.name ELSE e.name END FROM entity e WHERE e.id = h.office_id) AS title,
       (SELECT o.jurisdiction_id FROM office o WHERE o.id = h.office_id) AS jurisdiction_id,
       EXISTS (SELECT 1 FROM office_role r WHERE r.office_id = h.office_id AND r.role = 'head of state') AS is_head_of_state_office
  FROM office_holding h;

-- A paragraph of an article's body, the unit full-text search returns.
CREATE TABLE passage (
  evidence_id INTEGER PRIMARY KEY REFERENCES evidence (id),  -- the paragraph's span
  article_id  TEXT NOT NULL REFERENCES article (id),         -- its article
  seq         INTEGER NOT NULL CHECK (seq >= 1),             -- its number within the body, from 1
  UNIQUE (article_id, seq)
) STRICT;

-- Full-text index (FTS5, Porter stemming, diacritics folded) over every passage
-- and over the names of every entity, aliases and printed spellings included.
-- Query it with MATCH; the canned query `search` ranks with bm25().
CREATE VIRTUAL TABLE search_index USING fts5 (
  text,              -- the passage, or the entity's names joined with ' · '
  kind UNINDEXED,    -- 'passage', or the entity's kind
  ref UNINDEXED,     -- a passage's evidence id, or the entity's id
  label UNINDEXED,   -- 'ARTICLE ¶N' for a passage, the entity's name otherwise
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The names of every entity alone, the same rows as search_index's entity
-- rows: a name looked up here reads the doclists of a few thousand names, not
-- of every passage too ("of" in "Union of …" is in nearly every paragraph).
-- person, country, organization and attended find their name parameter here.
CREATE VIRTUAL TABLE name_index USING fts5 (
  text,              -- the entity's names joined with ' · '
  kind UNINDEXED,    -- the entity's kind
  ref UNINDEXED,     -- the entity's id
  label UNINDEXED,   -- the entity's name
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Facts about this file: which factdb wrote it, the schema version, and the
-- SHA-256 of every source article.
CREATE TABLE metadata (
  key   TEXT PRIMARY KEY,              -- 'factdb_version', 'schema_version', 'built_at' (only with SOURCE_DATE_EPOCH), 'article_sha256:ID'
  value TEXT NOT NULL                  -- its value
) STRICT;

-- A description of every table, view and column, from the comments of the
-- schema and the headers of the canned queries.
CREATE TABLE schema_doc (
  object      TEXT NOT NULL,           -- the table or view
  column_name TEXT NOT NULL DEFAULT '',  -- the column; '' for the table or view itself
  kind        TEXT NOT NULL CHECK (kind IN ('table', 'view', 'column')),  -- what is described
  description TEXT NOT NULL,           -- what it holds
  PRIMARY KEY (object, column_name)
) STRICT;
