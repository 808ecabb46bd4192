// The datasette export: metadata that gives Datasette the same documentation
// and canned queries as the CLI.
#include <nlohmann/json.hpp>

#include "factdb/export.h"
#include "factdb/format.h"
#include "sql_text.h"

namespace factdb {

std::string datasette_sql(const CannedQuery& query) {
  // Datasette fills every parameter from a form field: text, '' when left
  // empty. The queries read a left-out parameter as NULL.
  return rewrite_params(query.sql, [&](std::string_view written) {
    std::string name(written.substr(1));
    auto it = std::find_if(query.params.begin(), query.params.end(), [&](const QueryParam& p) { return p.name == name; });
    std::string value = "nullif(:" + name + ", '')";
    if (it == query.params.end()) return std::string(written);
    if (it->default_value) value = "coalesce(" + value + ", " + quoted_literal(*it->default_value) + ")";
    if (it->type == "integer") value = "CAST(" + value + " AS INTEGER)";
    else if (it->type == "real") value = "CAST(" + value + " AS REAL)";
    return value;
  });
}

void export_datasette(Database& db, std::ostream& out, const std::string& database_name) {
  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  auto docs = db.run_sql("SELECT object, column_name, kind, description FROM schema_doc ORDER BY rowid");
  for (const auto& row : docs.rows) {
    // A damaged file may hold any type where text belongs: taken as text.
    auto object = to_text(row[0]), column = to_text(row[1]), description = to_text(row[3]);
    auto& entry = tables[object];
    if (column.empty()) entry["description"] = description;
    else entry["columns"][column] = description;
  }
  nlohmann::ordered_json queries = nlohmann::ordered_json::object();
  for (const auto& q : db.canned_queries()) {
    nlohmann::ordered_json entry;
    entry["title"] = q.title;
    std::string description = q.description;
    for (const auto& p : q.params)
      description += "\n:" + p.name + " (" + p.type + (p.required ? ", required" : ", optional") +
                     (p.default_value ? ", default " + *p.default_value : "") + "): " + p.description;
    entry["description"] = description;
    entry["sql"] = datasette_sql(q);
    entry["params"] = nlohmann::ordered_json::array();
    for (const auto& p : q.params) entry["params"].push_back(p.name);
    queries[q.name] = entry;
  }
  nlohmann::ordered_json metadata;
  metadata["title"] = "factdb: " + database_name;
  metadata["description"] =
      "What news articles state, every fact traced to a verbatim span of its source. Written by factdb " FACTDB_VERSION ".";
  metadata["databases"][database_name]["tables"] = tables;
  metadata["databases"][database_name]["queries"] = queries;
  // Text from the file may not be UTF-8: shown with U+FFFD, not an exception.
  out << metadata.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace factdb
