#include "kind_rules.h"

#include "numbers.h"

#include <fmt/format.h>

#include <algorithm>

#include <unordered_map>

namespace factdb::seed {

namespace {
bool given(const Entry& entry, std::string_view field) { return entry.value(field) && entry.value(field)->node; }
}  // namespace

void KindRules::begin_article(std::optional<IsoDate> published) {
  published_ = published;
  published_dates_ = 0;
  printed_dates_.clear();
}

void KindRules::check(TomlFields& fields, const Entry& entry) {
  using Rule = void (KindRules::*)(TomlFields&, const Entry&);
  static const std::unordered_map<std::string_view, Rule> rules = {
      {"holding", &KindRules::holding}, {"attendance", &KindRules::attendance}, {"absence", &KindRules::absence},
      {"host", &KindRules::host},       {"date", &KindRules::date},         {"quotation", &KindRules::quotation},
      {"member_count", &KindRules::member_count},
  };
  if (auto it = rules.find(entry.kind->key); it != rules.end()) (this->*(it->second))(fields, entry);
}

void KindRules::end_article(Diagnostics& diagnostics) {
  for (const auto& d : printed_dates_)
    if (auto problem = printed_date_problem(d.printed, d.iso, published_))
      diagnostics.fail(d.where, fmt::format("'printed' \"{}\" does not give 'iso': {}", shown(d.printed), *problem));
}

void KindRules::holding(TomlFields&, const Entry& entry) {
  const auto *person = entry.text("person"), *office = entry.text("office");
  if (person && office) entities_.add_holding(*person, *office);
}

// The office in which someone attended is one some article says they hold.
// An attendee the article does not name is known by the office they hold.
void KindRules::attendance(TomlFields& fields, const Entry& entry) {
  const auto *person = entry.text("person"), *office = entry.text("office");
  if (person && office) entities_.require_holding(*person, *office, fields.at(*entry.value("office")->node));
  if (!given(entry, "person") && !given(entry, "office"))
    fields.fail(entry.where, "[[attendance]] needs who attended: 'person', or 'office' for its holder the article does not name");
}

void KindRules::absence(TomlFields& fields, const Entry& entry) {
  if (!given(entry, "person") && !given(entry, "office") && !given(entry, "country"))
    fields.fail(entry.where, "[[absence]] needs who did not attend: 'person', 'office' (its holder, unnamed) or 'country'");
}

void KindRules::host(TomlFields& fields, const Entry& entry) {
  if (!given(entry, "country") && !given(entry, "person")) fields.fail(entry.where, "[[host]] needs 'country' or 'person'");
}

// "A spokesman for the ministry said": a speaker the article names only by office.
void KindRules::quotation(TomlFields& fields, const Entry& entry) {
  if (!given(entry, "speaker") && !given(entry, "office"))
    fields.fail(entry.where, "[[quotation]] needs who said it: 'speaker', or 'office' for its holder the article does not name");
}

// A count resting on the article's words is one they give: "nine", "10", "tenth".
void KindRules::member_count(TomlFields& fields, const Entry& entry) {
  const auto* count = entry.value("count");
  if (!count || !count->node) return;
  auto n = std::get<std::int64_t>(count->value);
  if (n < 0) {
    fields.fail(*count->node, "'count' must be 0 or more");
    return;
  }
  if (entry.annotation) return;
  const auto* printed = entry.text("printed");
  if (!printed) {
    fields.fail(entry.where, "[[member_count]] needs 'printed': the words of the quote that give the number");
    return;
  }
  auto numbers = numbers_in(*printed);
  if (std::find(numbers.begin(), numbers.end(), n) == numbers.end())
    fields.fail(*entry.value("printed")->node,
                numbers.empty() ? fmt::format("'printed' \"{}\" gives no number; 'count' is {}", shown(*printed), n)
                                : fmt::format("'printed' \"{}\" gives {}, not 'count' {}", shown(*printed), numbers.front(), n));
}

// A date is of the article (role = "published"), or of one entity or fact;
// its printed words, when the article's words state it, give its ISO form.
void KindRules::date(TomlFields& fields, const Entry& entry) {
  const auto* role = entry.text("role");
  if (!role) return;
  bool of = given(entry, "of"), fact = given(entry, "fact");
  if (*role == "published") {
    if (of || fact) fields.fail(entry.where, "a [[date]] with role = \"published\" is the article's own: leave out 'of' and 'fact'");
    if (++published_dates_ > 1) fields.fail(entry.where, "a second [[date]] with role = \"published\": an article has one date");
  } else if (of == fact) {
    fields.fail(entry.where, fmt::format("a [[date]] with role = \"{}\" is of one thing: give 'of' (an entity id) or 'fact' "
                                         "(a label), not {}", *role, of ? "both" : "neither"));
  }
  const auto* printed = entry.text("printed");
  auto iso = entry.text("iso") ? parse_iso_date(*entry.text("iso")) : std::nullopt;
  if (entry.annotation || !iso) return;
  if (!printed) {
    fields.fail(entry.where, "[[date]] needs 'printed': the words of the quote that give the date");
    return;
  }
  printed_dates_.push_back({*printed, *iso, fields.at(*entry.value("printed")->node)});
}

}  // namespace factdb::seed
