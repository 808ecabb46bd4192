#include "fact_kinds.h"

namespace factdb::seed {

namespace {
using T = FieldType;

FactKind entity(std::string_view kind, std::string_view doc, std::string_view example) {
  return {kind, {}, kind, {{"id", T::text, true, "id"}, {"name", T::verbatim, true, "name"}}, {}, "name", doc, example};
}
}  // namespace

const std::vector<FactKind>& fact_kinds() {
  static const std::vector<FactKind> kinds = {
      entity("person", "A person the article names. Without quote or annotation, it cites where the name is first printed.",
             R"([[person]]
id = "shehbaz-sharif"
name = "Shehbaz Sharif")"),
      entity("country", "A country the article names.",
             R"([[country]]
id = "pakistan"
name = "Pakistan")"),
      entity("organization", "An organization: a bloc, an agency, a company.",
             R"([[organization]]
id = "sco"
name = "Shanghai Cooperation Organization")"),
      entity("place", "A city or other place.",
             R"([[place]]
id = "astana"
name = "Astana")"),
      entity("group", "A group that is not an organization, such as Central Asian nations or the observers of a body.",
             R"([[group]]
id = "central-asian-nations"
name = "Central Asian nations")"),
      {"event", "event", "event",
       {{"id", T::text, true, "id"},
        {"name", T::verbatim, true, "name"},
        {"organization", T::ref, false, "organization_id", "organization"}},
       {}, "name",
       "An event: a summit, a session, a forum; optionally whose session it is.",
       R"([[event]]
id = "sco-summit-astana-2024"
name = "annual session of the Shanghai Cooperation Organization"
organization = "sco")"},
      {"office", "office", "office",
       {{"id", T::text, true, "id"},
        {"title", T::verbatim, true, "title"},
        {"of", T::ref, true, "jurisdiction_id", "country organization"}},
       {},
       "title",
       "An office, by its title as printed, and whose office it is.",
       R"([[office]]
id = "prime-minister-of-pakistan"
title = "Prime Minister"
of = "pakistan"
quote = "Prime Minister Shehbaz Sharif of Pakistan")"},
      {"alias", "alias", {},
       {{"entity", T::ref, true, "entity_id", "*"}, {"name", T::verbatim, true, "name"}},
       {"entity", "name"},
       "name",
       "Another name of an entity: printed in the article, or (as an annotation) the usual spelling.",
       R"([[alias]]
entity = "mohammad-mokhbar"
name = "Mohammad Mokhber"
annotation = { source = "wikidata", note = "Q5953316: English label Mohammad Mokhber" })"},
      {"location", "location", {},
       {{"entity", T::ref, true, "entity_id", "*"}, {"place", T::ref, true, "place_id", "place country"}},
       {"entity", "place"},
       "name",
       "Where an entity is: an event in a city, a city in a country.",
       R"([[location]]
entity = "astana"
place = "kazakhstan"
annotation = { source = "wikidata", note = "Q1520 (Astana): country (P17) = Kazakhstan" })"},
      {"office_role", "office_role", {},
       {{"office", T::ref, true, "office_id", "office"}, {"role", T::text, true, "role", {}, {}, "head of state|head of government"}},
       {"office", "role"},
       "name",
       "That an office is its country's head of state or head of government; usually an annotation.",
       R"([[office_role]]
office = "prime-minister-of-pakistan"
role = "head of government"
annotation = { source = "wikidata", note = "Q843 (Pakistan): head of government (P1313) = Prime Minister" })"},
      {"holding", "office_holding", {},
       {{"person", T::ref, false, "person_id", "person"},
        {"office", T::ref, true, "office_id", "office"},
        {"acting", T::boolean, false, "acting"},
        {"since", T::date, false, "since"},
        {"until", T::date, false, "until"}},
       {"person", "office"},
       "name",
       "That a person holds an office, acting or not, for the term the text gives (since, until) or else as of the article's date. A person may hold several; an attendance names the one they came in. Without person, the office's holder is not named (the president fell ill).",
       R"([[holding]]
person = "shehbaz-sharif"
office = "prime-minister-of-pakistan"
quote = "Prime Minister Shehbaz Sharif of Pakistan")"},
      {"attendance", "attendance", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"person", T::ref, false, "person_id", "person"},
        {"represents", T::ref, false, "represents_id", "country organization group"},
        {"office", T::ref, false, "office_id", "office"}},
       {"event", "person"},
       "name",
       "That a person attended an event, representing a country, organization or group, in an office, as far as stated. Without person, the attendee is the unnamed holder of the office (represented by its ambassador): give office.",
       R"([[attendance]]
event = "sco-summit-astana-2024"
person = "shehbaz-sharif"
represents = "pakistan"
office = "prime-minister-of-pakistan"
quote = "Prime Minister Shehbaz Sharif of Pakistan")",
       "person", "office"},
      {"membership", "membership", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"member", T::ref, true, "member_id", "country organization"},
        {"status", T::text, true, "status", {}, {},
         "founding member|member|acceding|observer|dialogue partner|guest|observer or dialogue partner|suspended|former member"},
        {"as_of", T::date, false, "as_of"}},
       {"organization", "member", "as_of"},
       "name",
       "A member's status in an organization, as of a date when the text gives one (otherwise as of the article's date). Where the text lumps observers and dialogue partners together, so does the status.",
       R"([[membership]]
organization = "sco"
member = "belarus"
status = "member"
as_of = 2024-07-04
quote = "Belarus became the tenth member on Thursday")"},
      {"organization_founding", "organization_founding", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"year", T::integer, true, "year"}},
       {"organization"},
       "name",
       "The year an organization was founded.",
       R"([[organization_founding]]
organization = "sco"
year = 2001
quote = "founded by China and Russia in 2001")"},
      {"member_count", "member_count", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"count", T::integer, true, "members"},
        {"printed", T::verbatim, false, "printed"},
        {"as_of", T::date, false, "as_of"}},
       {"organization", "as_of"},
       "name",
       "How many members an organization has, as the text counts them, as of a date when the text gives one (otherwise as of the article's date). printed is the words that give the number (nine, 10, tenth), checked against count.",
       R"([[member_count]]
organization = "danube-basin-council"
count = 9
printed = "nine members"
quote = "now has nine members")"},
      {"organization_purpose", "organization_purpose", {},
       {{"organization", T::ref, true, "organization_id", "organization"},
        {"purpose", T::verbatim, true, "purpose"}},
       {"organization", "purpose"},
       "name",
       "What an organization is for, verbatim.",
       R"([[organization_purpose]]
organization = "sco"
purpose = "to discuss security in Central Asia and beyond"
quote = "in 2001 to discuss security in Central Asia and beyond")"},
      {"meeting", "meeting", {},
       {{"event", T::ref, false, "event_id", "event"},
        {"place", T::ref, false, "place_id", "place country"},
        {"subject", T::verbatim, false, "subject"},
        {"participants", T::ref_list, true, "person_id", "person", "meeting_participant"}},
       {}, "name",
       "A meeting between people, during an event, at a place, about a subject, as far as stated.",
       R"([[meeting]]
event = "baltic-rivers-summit-2025"
participants = ["edgars-rinkevics", "andrzej-duda"]
subject = "a planned rail link"
quote = "Rinkevics and Duda met separately to discuss a planned rail link")"},
      {"event_topic", "event_topic", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"kind", T::text, true, "kind", {}, {}, "focus|discussed|expected|showcased|presented"},
        {"subject", T::verbatim, true, "subject"},
        {"speaker", T::ref, false, "speaker_id", "person"}},
       {}, "name",
       "What an event focused on, discussed, was expected to discuss, showcased or presented; and who discussed it.",
       R"([[event_topic]]
event = "sco-summit-astana-2024"
kind = "focus"
subject = "countering terrorism"
quote = "The meeting focused on countering terrorism")"},
      {"stance", "stance", {},
       {{"holder", T::ref, true, "holder_id", "person country organization group"},
        {"kind", T::text, true, "kind", {}, {}, "stance|aim"},
        {"statement", T::verbatim, true, "statement"}},
       {}, "name",
       "A position held (stance) or a goal pursued (aim), attributed to a person, country, organization or group.",
       R"([[stance]]
holder = "russia"
kind = "aim"
statement = "strengthen blocs of non-Western nations"
quote = "aim to strengthen blocs of non-Western nations")"},
      {"tension", "tension", {},
       {{"organization", T::ref, false, "organization_id", "organization"},
        {"about", T::verbatim, true, "about"},
        {"parties", T::ref_list, true, "party_id", "person country organization group", "tension_party"}},
       {}, "name",
       "A tension between parties, within an organization when stated, and what it is about.",
       R"([[tension]]
organization = "sco"
about = "the Kashmir conflict"
parties = ["india", "pakistan"]
quote = "the Kashmir conflict between India and Pakistan")"},
      {"absence", "absence", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"person", T::ref, false, "person_id", "person"},
        {"office", T::ref, false, "office_id", "office"},
        {"country", T::ref, false, "country_id", "country organization group"},
        {"reason", T::verbatim, false, "reason"}},
       {"event", "person", "office", "country"},
       "name",
       "That someone did not attend an event: a person, the unnamed holder of an office (the president fell ill), or a country, organization or group that sent nobody; with the reason when stated. Give at least one of person, office and country.",
       R"([[absence]]
event = "baltic-rivers-summit-2025"
country = "finland"
reason = "citing a national election"
quote = "Finland did not send a delegation, citing a national election")"},
      {"host", "event_host", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"country", T::ref, false, "country_id", "country organization"},
        {"person", T::ref, false, "person_id", "person"}},
       {}, "name",
       "Who hosted an event: a country or organization, a person, or both.",
       R"([[host]]
event = "baltic-rivers-summit-2025"
country = "latvia"
quote = "Latvia hosted the annual summit")"},
      {"outcome", "outcome", {},
       {{"event", T::ref, true, "event_id", "event"},
        {"kind", T::text, true, "kind", {}, {}, "adopted|signed|agreed|decided"},
        {"what", T::verbatim, true, "what"},
        {"by", T::ref_list, false, "party_id", "person country organization group", "outcome_party"}},
       {}, "name",
       "What an event adopted, signed, agreed or decided, and by whom when stated.",
       R"([[outcome]]
event = "baltic-rivers-summit-2025"
kind = "agreed"
what = "a plan to cut farm runoff"
quote = "Leaders agreed on a plan to cut farm runoff")"},
      {"quotation", "quotation", {},
       {{"speaker", T::ref, false, "speaker_id", "person country organization group"},
        {"office", T::ref, false, "office_id", "office"},
        {"words", T::verbatim, true, "words"},
        {"event", T::ref, false, "event_id", "event"},
        {"reported", T::boolean, false, "reported"}},
       {}, "name",
       "What someone said: their words as the article prints them, between quotation marks, or reported (reported = true: he said that ...); at an event when stated. A speaker named only by office (a spokesman for the ministry) is given by office.",
       R"([[quotation]]
speaker = "karl-brandner"
words = "The river does not stop at borders, and neither do floods"
event = "danube-council-summit-2025"
quote = "\"The river does not stop at borders, and neither do floods,\" Brandner told reporters")"},
      {"date", "date_statement", {},
       {{"of", T::ref, false, "entity_id", "*"},
        {"fact", T::fact_label, false, "about_fact_id"},
        {"role", T::text, true, "role", {}, {}, "published|start|end|on|as of"},
        {"printed", T::verbatim, false, "printed"},
        {"iso", T::date, true, "iso"}},
       {}, "name",
       "A date: the article's own (role published, without of or fact), or that of an entity (of) or of another fact of the article (fact, its label). printed is the words that give it; iso is ISO 8601 to the precision they allow. Words without a year (on Thursday) are read against the article's date: a weekday within a week of it, a day and month within a year; yesterday, last year, next month as far from it as they say, to their precision.",
       R"([[date]]
of = "baltic-rivers-summit-2025"
role = "on"
printed = "on Thursday"
iso = 2025-09-11
quote = "in Riga on Thursday")"},
      {"reason", "reason", {},
       {{"explains", T::fact_label, true, "explains"}, {"reason", T::verbatim, true, "reason"}},
       {}, "name",
       "A reason the article gives for another of its facts, named by that fact's label.",
       R"([[reason]]
explains = "iran-sends-mokhbar"
reason = "due to upcoming elections"
quote = "Iran sent acting President Mohammad Mokhbar due to upcoming elections.")"},
  };
  return kinds;
}

const FactKind* find_kind(std::string_view key) {
  for (const auto& kind : fact_kinds())
    if (kind.key == key) return &kind;
  return nullptr;
}

}  // namespace factdb::seed
