#include "fact_kinds.h"

namespace factdb::seed {

namespace {
using T = FieldType;

FactKind entity(std::string_view kind) {
  return {kind, {}, kind, {{"id", T::text, true, "id"}, {"name", T::verbatim, true, "name"}}};
}
}  // namespace

const std::vector<FactKind>& fact_kinds() {
  static const std::vector<FactKind> kinds = {
      entity("person"),
      entity("country"),
      entity("organization"),
      entity("place"),
      entity("group"),
      {"event", "event", "event",
       {{"id", T::text, true, "id"},
        {"name", T::verbatim, true, "name"},
        {"organization", T::ref, false, "organization_id", "organization"}}},
      {"office", "office", "office",
       {{"id", T::text, true, "id"},
        {"title", T::verbatim, true, "title"},
        {"of", T::ref, true, "jurisdiction_id", "country organization"}},
       {},
       "title"},
      {"alias", "alias", {},
       {{"entity", T::ref, true, "entity_id", "*"}, {"name", T::verbatim, true, "name"}},
       {"entity", "name"}},
      {"location", "location", {},
       {{"entity", T::ref, true, "entity_id", "*"}, {"place", T::ref, true, "place_id", "place country"}},
       {"entity", "place"}},
      {"office_role", "office_role", {},
       {{"office", T::ref, true, "office_id", "office"}, {"role", T::text, true, "role", {}, {}, "head of state|head of government"}},
       {"office", "role"}},
      {"holding", "office_holding", {},
       {{"person", T::ref, true, "person_id", "person"},
        {"office", T::ref, true, "office_id", "office"},
        {"acting", T::boolean, false, "acting"}},
       {"person", "office"}},
      {"attendance", "attendance", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"person", T::ref, true, "person_id", "person"},
        {"represents", T::ref, false, "represents_id", "country organization group"},
        {"office", T::ref, false, "office_id", "office"}},
       {"event", "person"}},
      {"membership", "membership", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"member", T::ref, true, "member_id", "country organization"},
        {"status", T::text, true, "status", {}, {},
         "founding member|member|acceding|observer|dialogue partner|guest|observer or dialogue partner"},
        {"as_of", T::date, false, "as_of"}},
       {"organization", "member", "as_of"}},
      {"organization_founding", "organization_founding", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"year", T::integer, true, "year"}},
       {"organization"}},
      {"organization_purpose", "organization_purpose", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"purpose", T::verbatim, true, "purpose"}},
       {"organization", "purpose"}},
      {"meeting", "meeting", {},
       {{"event", T::ref, false, "event_id", "event"},
        {"place", T::ref, false, "place_id", "place country"},
        {"subject", T::verbatim, false, "subject"},
        {"participants", T::ref_list, true, "person_id", "person", "meeting_participant"}}},
      {"event_topic", "event_topic", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"kind", T::text, true, "kind", {}, {}, "focus|discussed|expected|showcased|presented"},
        {"subject", T::verbatim, true, "subject"},
        {"speaker", T::ref, false, "speaker_id", "person"}}},
      {"stance", "stance", {},
       {{"holder", T::ref, true, "holder_id", "person country organization group"},
        {"kind", T::text, true, "kind", {}, {}, "stance|aim"},
        {"statement", T::verbatim, true, "statement"}}},
      {"tension", "tension", {},
       {{"organization", T::ref, false, "organization_id", "organization"},
        {"about", T::verbatim, true, "about"},
        {"parties", T::ref_list, true, "party_id", "person country organization group", "tension_party"}}},
      {"absence", "absence", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"person", T::ref, false, "person_id", "person"},
        {"office", T::ref, false, "office_id", "office"},
        {"country", T::ref, false, "country_id", "country organization group"},
        {"reason", T::verbatim, false, "reason"}},
       {"event", "person", "office", "country"}},
      {"host", "event_host", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"country", T::ref, false, "country_id", "country organization"},
        {"person", T::ref, false, "person_id", "person"}}},
      {"outcome", "outcome", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"kind", T::text, true, "kind", {}, {}, "adopted|signed|agreed|decided"},
        {"what", T::verbatim, true, "what"},
        {"by", T::ref_list, false, "party_id", "person country organization group", "outcome_party"}}},
      {"date", "date_statement", {},
       {{"of", T::ref, false, "entity_id", "*"},
        {"fact", T::fact_label, false, "about_fact_id"},
        {"role", T::text, true, "role", {}, {}, "published|start|end|on|as of"},
        {"printed", T::verbatim, false, "printed"},
        {"iso", T::date, true, "iso"}}},
      {"reason", "reason", {},
       {{"explains", T::fact_label, true, "explains"}, {"reason", T::verbatim, true, "reason"}}},
  };
  return kinds;
}

const FactKind* find_kind(std::string_view key) {
  for (const auto& kind : fact_kinds())
    if (kind.key == key) return &kind;
  return nullptr;
}

}  // namespace factdb::seed
