-- Secondary indexes: one for every join and filter the canned queries use.
-- Created after the bulk load, which is faster than keeping them up to date
-- row by row; the database a build writes has them all.

CREATE INDEX fact_article_by_article ON fact_article (article_id);
CREATE INDEX citation_by_evidence ON citation (evidence_id);
CREATE INDEX entity_by_kind ON entity (kind, name);
CREATE INDEX mention_by_entity ON mention (entity_id);
CREATE INDEX office_by_jurisdiction ON office (jurisdiction_id);
CREATE INDEX office_holding_by_office ON office_holding (office_id);
CREATE INDEX attendance_by_represents ON attendance (represents_id);
CREATE INDEX attendance_by_person ON attendance (person_id);
CREATE INDEX membership_by_member ON membership (member_id);
CREATE INDEX event_topic_by_event ON event_topic (event_id, kind);
CREATE INDEX stance_by_holder ON stance (holder_id);
CREATE INDEX reason_by_explains ON reason (explains);
-- Partial: the few annotations among all facts, for the annotations query.
CREATE INDEX fact_annotations ON fact (id) WHERE annotation_source_id IS NOT NULL;
