-- Secondary indexes: one for every join and filter the canned queries use.
-- Created after the bulk load, which is faster than keeping them up to date
-- row by row; the database a build writes has them all.

-- What is unique besides a table's key. The loader already refuses what would
-- break these; declared in the tables, they would be kept up to date row by
-- row, each row landing at a random place of a tree far larger than the page
-- cache, while the rows themselves arrive in key order.
CREATE UNIQUE INDEX evidence_span ON evidence (article_id, start, length);
CREATE UNIQUE INDEX statement_of_fact ON statement (fact_id, article_id);
CREATE UNIQUE INDEX statement_label ON statement (article_id, label);
CREATE UNIQUE INDEX mention_of_entity ON mention (entity_id, article_id);

-- Corpus-wide answers list a kind's facts in this order, without a sort.
CREATE INDEX fact_by_kind ON fact (kind, first_article_id, first_seq);
CREATE INDEX disagreement_by_other ON disagreement (other_fact_id);
CREATE INDEX citation_by_evidence ON citation (evidence_id);
CREATE INDEX entity_by_kind ON entity (kind, name);
-- One kind's entities in the order the corpus first names them, without a sort.
CREATE INDEX first_mention_by_kind ON first_mention (kind, article_id, seq);
CREATE INDEX event_by_organization ON event (organization_id);
CREATE INDEX office_by_jurisdiction ON office (jurisdiction_id);
CREATE INDEX office_holding_by_person ON office_holding (person_id, office_id);
CREATE INDEX office_holding_by_office ON office_holding (office_id);
CREATE INDEX attendance_by_event ON attendance (event_id, represents_id);
CREATE INDEX organization_founding_by_organization ON organization_founding (organization_id);
CREATE INDEX attendance_by_represents ON attendance (represents_id);
CREATE INDEX attendance_by_person ON attendance (person_id);
-- Covering for "is this country a full member of this organization", asked once per attendance row.
CREATE INDEX membership_by_member ON membership (member_id, organization_id, status);
CREATE INDEX membership_by_organization ON membership (organization_id, status);
CREATE INDEX event_topic_by_event ON event_topic (event_id, kind);
CREATE INDEX stance_by_holder ON stance (holder_id);
-- A country's tensions (the country query): the sides it is on.
CREATE INDEX tension_party_by_party ON tension_party (party_id);
CREATE INDEX reason_by_explains ON reason (explains);
-- Partial: the few annotations among all statements, for the annotations query.
CREATE INDEX statement_annotations ON statement (article_id, seq) WHERE annotation_source_id IS NOT NULL;
CREATE INDEX absence_by_event ON absence (event_id, country_id);
CREATE INDEX absence_by_person ON absence (person_id);
CREATE INDEX absence_by_country ON absence (country_id);
CREATE INDEX member_count_by_organization ON member_count (organization_id);
CREATE INDEX organization_purpose_by_organization ON organization_purpose (organization_id);
CREATE INDEX event_host_by_event ON event_host (event_id);
CREATE INDEX outcome_by_event ON outcome (event_id);
CREATE INDEX quotation_by_speaker ON quotation (speaker_id);
CREATE INDEX date_statement_by_entity ON date_statement (entity_id);
CREATE INDEX date_statement_by_fact ON date_statement (about_fact_id);
