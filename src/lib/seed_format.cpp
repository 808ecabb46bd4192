#include "factdb/seed_format.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "fact_kinds.h"
#include "seed/section_roles.h"

namespace factdb {

namespace {

using seed::FactKind;
using seed::FieldSpec;
using seed::FieldType;

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= s.size();) {
    auto end = std::min(s.find(sep, start), s.size());
    parts.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// "person country" -> "a person or country"; "*" -> "any entity".
std::string refs_text(std::string_view refs) {
  if (refs == "*") return "any entity";
  auto kinds = split(refs, ' ');
  std::string text;
  for (std::size_t i = 0; i < kinds.size(); ++i) text += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + kinds[i];
  return (std::string("aeiou").find(text[0]) != std::string::npos ? "an " : "a ") + text;
}

// What a field holds, in words: the type column of the Markdown, and the
// description in the JSON Schema.
std::string field_text(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::text:
      if (f.allowed.empty()) return "text";
      {
        std::string list;
        for (const auto& v : split(f.allowed, '|')) list += (list.empty() ? "" : ", ") + fmt::format("`{}`", v);
        return "one of " + list;
      }
    case FieldType::verbatim: return "text, the article's words (it must occur in the quote)";
    case FieldType::integer: return "integer";
    case FieldType::boolean: return "true or false (default false)";
    case FieldType::ref: return "the id of " + refs_text(f.refs) + ", defined in any article";
    case FieldType::ref_list: return "a list of ids, each of " + refs_text(f.refs);
    case FieldType::fact_label: return "the label of an earlier fact of this article";
    case FieldType::date: return "a date, ISO 8601 to the precision known: 2024, \"2024-07\" or 2024-07-04";
  }
  return {};
}

std::string plain(std::string s) {
  for (std::size_t p = 0; (p = s.find('`', p)) != std::string::npos;) s.erase(p, 1);
  return s;
}

nlohmann::json field_schema(const FieldSpec& f) {
  using nlohmann::json;
  json s;
  switch (f.type) {
    case FieldType::text:
      s = {{"type", "string"}, {"minLength", 1}};
      if (!f.allowed.empty()) s["enum"] = split(f.allowed, '|');
      break;
    case FieldType::verbatim:
    case FieldType::fact_label: s = {{"type", "string"}, {"minLength", 1}}; break;
    case FieldType::integer: s = {{"type", "integer"}}; break;
    case FieldType::boolean: s = {{"type", "boolean"}}; break;
    case FieldType::ref: s = {{"$ref", "#/definitions/id"}}; break;
    case FieldType::ref_list: s = {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/definitions/id"}}}}; break;
    case FieldType::date: s = {{"$ref", "#/definitions/date"}}; break;
  }
  if (s.contains("$ref")) s = {{"allOf", json::array({s})}};  // draft 4 ignores siblings of $ref
  s["description"] = plain(field_text(f));
  return s;
}

}  // namespace

std::string facts_json_schema() {
  using nlohmann::json;
  json properties = json::object();
  properties["article"] = {
      {"type", "object"},
      {"description", "The article: its id, the text file beside facts.toml, the site it names, and the parts of its text."},
      {"additionalProperties", false},
      {"required", {"text", "sections"}},
      {"properties",
       {{"id", {{"allOf", {{{"$ref", "#/definitions/id"}}}}, {"description", "The article's id; defaults to the folder's name"}}},
        {"text", {{"type", "string"}, {"description", "The article's text file, inside the article's folder"}}},
        {"source_site", {{"type", "string"}, {"description", "The publishing site, as the text prints it"}}},
        {"sections",
         {{"type", "array"},
          {"description", "Which span of the text is the page navigation, the headline (required), the byline, the body and the footer"},
          {"items",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"role"}},
            {"properties",
             {{"role", {{"enum", std::vector<std::string>(std::begin(seed::kSectionRoles), std::end(seed::kSectionRoles))}}},
              {"quote", {{"$ref", "#/definitions/quote"}}},
              {"from", {{"$ref", "#/definitions/quote"}}},
              {"to", {{"$ref", "#/definitions/quote"}}}}}}}}}}}};
  for (const auto& kind : seed::fact_kinds()) {
    json item_properties = json::object();
    json required = json::array();
    for (const auto& f : kind.fields) {
      item_properties[std::string(f.key)] = field_schema(f);
      if (f.required) required.push_back(std::string(f.key));
    }
    item_properties["quote"] = {{"allOf", {{{"$ref", "#/definitions/quote"}}}},
                                {"description", "The article's words that state it: each quote must occur in the text"}};
    item_properties["annotation"] = {{"allOf", {{{"$ref", "#/definitions/annotation"}}}},
                                     {"description", "What it rests on when the article does not state it"}};
    item_properties["label"] = {{"type", "string"}, {"minLength", 1},
                                {"description", "A handle other facts of this article refer to (reason explains, date fact)"}};
    json item = {{"type", "object"}, {"additionalProperties", false}, {"properties", item_properties}};
    if (!required.empty()) item["required"] = required;
    properties[std::string(kind.key)] = {{"type", "array"}, {"description", std::string(kind.doc)}, {"items", item}};
  }
  json schema = {
      {"$schema", "http://json-schema.org/draft-04/schema#"},
      {"title", "factdb facts.toml"},
      {"description", "What one article states, one entry per fact, each resting on a quote of the article or an annotation. "
                      "Generated by factdb seed-format --json-schema from the table the loader runs on."},
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"article"}},
      {"properties", properties},
      {"definitions",
       {{"id", {{"type", "string"}, {"pattern", "^[a-z0-9]+(-[a-z0-9]+)*$"}, {"description", "A lower-case slug: letters, digits, hyphens"}}},
        {"date",
         {{"oneOf",
           {{{"type", "string"}, {"pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}},
            {{"type", "integer"}, {"minimum", 1}, {"maximum", 9999}}}}}},
        {"quote_one",
         {{"oneOf",
           {{{"type", "string"}, {"minLength", 1}},
            {{"type", "object"},
             {"additionalProperties", false},
             {"required", {"text"}},
             {"properties", {{"text", {{"type", "string"}, {"minLength", 1}}}, {"occurrence", {{"type", "integer"}, {"minimum", 1}}}}}}}}}},
        {"quote",
         {{"oneOf", {{{"$ref", "#/definitions/quote_one"}}, {{"type", "array"}, {"minItems", 1}, {"items", {{"$ref", "#/definitions/quote_one"}}}}}}}},
        {"annotation",
         {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"source", "note"}},
          {"properties",
           {{"source", {{"type", "string"}, {"description", "A [[source]] of sources.toml"}}},
            {"note", {{"type", "string"}, {"description", "What the source says, precisely enough to look it up"}}}}}}}}}};
  return schema.dump(2) + "\n";
}

std::string seed_format_markdown() {
  std::ostringstream out;
  out << "# The seed format\n\n"
         "Generated by `factdb seed-format` from the table of kinds the loader runs on; a test keeps this file current.\n"
         "`factdb seed-format --json-schema` writes the same as a JSON Schema, for editors with Taplo (Even Better TOML).\n\n"
         "A seed is a folder: `sources.toml` (the reference works annotations cite, `[[source]]` with `id`, `title`, `url`)\n"
         "and one folder per article, holding the article's text, byte for byte, and `facts.toml`, what it states.\n\n"
         "Every entry of `facts.toml` is one fact and rests on one of:\n\n"
         "- `quote`: the article's words that state it, a string, `{ text = \"...\", occurrence = N }` when the words occur\n"
         "  more than once, or a list of these. Each must occur in the text, start and end where words do, and be\n"
         "  unambiguous.\n"
         "- `annotation = { source = \"...\", note = \"...\" }`: knowledge the article does not give, with its source.\n\n"
         "An entity (person, country, organization, place, group, event, office) given neither cites where its name is first\n"
         "printed. Ids are lower-case slugs shared by every article: an article may refer to an entity any article defines.\n"
         "Any entry may carry a `label`, by which a later entry of the same article refers to it (`explains`, `fact`).\n\n"
         "Two articles stating the same fact make one fact with both citations. Two articles giving one fact's fields\n"
         "different values are both kept and listed by `factdb query disagreements`; within one article that is an error.\n"
         "The fields that say which fact an entry is (its identity) are listed with each kind.\n\n"
         "## [article]\n\n"
         "| field | holds | required |\n|---|---|---|\n"
         "| `id` | the article's id, a slug; defaults to the folder's name | no |\n"
         "| `text` | the article's text file, inside its folder | yes |\n"
         "| `source_site` | the publishing site, as the text prints it | no |\n"
         "| `sections` | `{ role, quote }` or `{ role, from, to }`: `navigation`, `headline` (required), `byline`, `body`, `footer` | yes |\n\n"
         "## Kinds of fact\n\n";
  for (const auto& kind : seed::fact_kinds()) {
    out << "### [[" << kind.key << "]]\n\n" << kind.doc << "\n\n";
    out << "| field | holds | required |\n|---|---|---|\n";
    for (const auto& f : kind.fields) out << "| `" << f.key << "` | " << field_text(f) << " | " << (f.required ? "yes" : "no") << " |\n";
    out << "| `quote` or `annotation` | what it rests on | " << (kind.entity_kind.empty() ? "yes" : "no: the name is cited")
        << " |\n\n";
    if (!kind.identity.empty()) {
      std::string identity;
      for (auto k : kind.identity) identity += (identity.empty() ? "`" : ", `") + std::string(k) + "`";
      out << "Identity: " << identity << ". ";
    }
    out << "Stored in the table `" << (kind.entity_kind.empty() ? kind.table : std::string_view("entity")) << "`"
        << (kind.entity_kind.empty() ? "" : ", with a `mention` per article") << ".\n\n";
    out << "```toml\n" << kind.example << "\n```\n\n";
  }
  auto text = out.str();
  text.pop_back();  // one newline at the end
  return text;
}

}  // namespace factdb
