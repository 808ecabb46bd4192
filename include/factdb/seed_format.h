// The seed format, described from the table of kinds the loader itself runs
// on, so that the description cannot drift from what the loader accepts.
#pragma once

#include <string>

namespace factdb {

// docs/seed-format.md: [article], then every kind of fact with its fields
// (type, required, what an id must name, allowed values) and an example.
std::string seed_format_markdown();

// A JSON Schema (draft 4, what Taplo reads) of facts.toml: editors with
// Taplo (Even Better TOML) complete and check fields with it.
std::string facts_json_schema();

}  // namespace factdb
