// The kinds of fact a seed file may hold: for each, its TOML key, the table it
// fills and how each field maps to a column. The loader is driven by this
// table alone, so a new kind of fact is one entry here plus its table in
// schema/schema.sql.
#pragma once

#include <string_view>
#include <vector>

namespace factdb::seed {

enum class FieldType {
  text,        // a string stored as given
  verbatim,    // a string that must occur in the fact's quotes when the fact rests on the article
  integer,
  boolean,     // stored as 0 or 1; absent means false
  ref,         // an id defined in any article of the seed (an entity or an office)
  ref_list,    // an array of such ids, stored one row each in a child table
  fact_label,  // the label of another fact of the same article, stored as its fact id
  date,        // ISO 8601 to the precision known: "2024", "2024-07" or "2024-07-04" (or a TOML date), stored as text
};

struct FieldSpec {
  std::string_view key;     // key in the TOML table
  FieldType type;
  bool required;
  std::string_view column;  // column of the main table (ref_list: of the child table)
  // ref / ref_list: what the id must name: entity kinds separated by spaces,
  // "*" for any entity, or "office".
  std::string_view refs = {};
  std::string_view child_table = {};  // ref_list: the child table, keyed by fact_id
  // text: the values allowed, separated by '|'; empty for any. Checked while
  // the file is read, so a wrong value is reported with every other problem.
  std::string_view allowed = {};
};

// A kind of fact. For entities (entity_kind set) the fields `id` and `name`
// fill `entity` the first time an id is seen and `mention` in every article
// that names it; any other field goes to `table` (events, offices), once per
// entity: an article that leaves it out says nothing, one that gives another
// value contradicts the others.
struct FactKind {
  std::string_view key;          // [[key]] in facts.toml
  std::string_view table;        // the table one row of which states the fact; stored as fact.kind
  std::string_view entity_kind;  // set for entities: the kind stored in `entity`
  std::vector<FieldSpec> fields;
  // The fields that say which fact it is. Two articles stating facts with the
  // same identity but different values disagree (unless one only leaves out
  // what the other gives); within one article, that is an error. Empty: the
  // fact has no identity beyond what it says (a stance, a meeting).
  std::vector<std::string_view> identity = {};
  std::string_view name_key = "name";  // entities: the field holding the name as printed
  std::string_view doc = {};           // what it states, for docs/seed-format.md and the JSON Schema
  std::string_view example = {};       // one entry as facts.toml writes it
  // An identity field that may be left out for someone the article does not
  // name, and the field naming them instead: "its ambassador" is identified
  // by the office, so two unnamed attendees of one event are two facts.
  std::string_view unnamed = {}, unnamed_by = {};
};

// Every kind, in the order the loader reads them: a fact that refers to
// another by label comes after it.
const std::vector<FactKind>& fact_kinds();

// The kind whose seed key is `key`, or nullptr.
const FactKind* find_kind(std::string_view key);

}  // namespace factdb::seed
