#include "factdb/schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <map>

#include "factdb/builtin_queries.h"
#include "factdb/error.h"
#include "factdb/canned_query.h"
#include "resources.h"

namespace factdb {

const char* const kOwnObjectsSql =
    "SELECT l.name AS name, CASE l.type WHEN 'view' THEN 'view' ELSE 'table' END AS type, s.rowid AS position "
    "FROM pragma_table_list l JOIN sqlite_schema s ON s.name = l.name "
    "WHERE l.schema = 'main' AND l.type IN ('table', 'virtual', 'view') AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

namespace {

std::vector<SchemaObject> read_schema(SQLite::Database& db) {
  SQLite::Statement stmt(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY rowid");
  std::vector<SchemaObject> objects;
  while (stmt.executeStep())
    objects.push_back({stmt.getColumn(0).getString(), stmt.getColumn(1).getString(), stmt.getColumn(2).getString(),
                       stmt.getColumn(3).getString()});
  return objects;
}

// The first line of a schema object's SQL, for a message a person can read.
std::string first_line(const std::string& sql) {
  auto line = sql.substr(0, sql.find('\n'));
  return line.size() > 80 ? line.substr(0, 77) + "..." : line;
}

}  // namespace

void create_canned_view(SQLite::Database& db, const CannedQuery& q) {
  // A view cannot take parameters: it is the query with every optional one left out.
  db.exec(fmt::format("CREATE VIEW \"{}\" AS\n{}", view_name(q.name), sql_with_null_params(q.sql)));
}

const std::vector<SchemaObject>& reference_schema() {
  static const std::vector<SchemaObject> schema = [] {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(std::string(resources::schema_sql()));
    db.exec(std::string(resources::indexes_sql()));
    for (const auto& q : builtin_canned_queries())
      if (q.has_view()) create_canned_view(db, q);
    return read_schema(db);
  }();
  return schema;
}

std::vector<std::string> schema_differences(SQLite::Database& db) {
  std::map<std::pair<std::string, std::string>, const SchemaObject*> expected;
  for (const auto& o : reference_schema()) expected[{o.type, o.name}] = &o;
  auto actual = read_schema(db);
  std::vector<std::string> differences;
  for (const auto& o : actual) {
    auto it = expected.find({o.type, o.name});
    if (it == expected.end()) {
      differences.push_back(fmt::format("{} {} is not one factdb writes", o.type, o.name));
      continue;
    }
    if (it->second->sql != o.sql || it->second->table != o.table)
      differences.push_back(fmt::format("{} {} differs from what factdb writes: {}", o.type, o.name, first_line(o.sql)));
    expected.erase(it);
  }
  for (const auto& o : reference_schema())
    if (expected.count({o.type, o.name})) differences.push_back(fmt::format("{} {} is missing", o.type, o.name));
  return differences;
}

std::vector<std::string> canned_query_differences(SQLite::Database& db) {
  std::map<std::string, const CannedQuery*> expected;
  for (const auto& q : builtin_canned_queries()) expected[q.name] = &q;
  SQLite::Statement stmt(db, "SELECT name, title, description, sql, params, columns, examples FROM canned_query ORDER BY name");
  std::vector<std::string> differences;
  while (stmt.executeStep()) {
    auto name = stmt.getColumn(0).getString();
    auto it = expected.find(name);
    if (it == expected.end()) {
      differences.push_back(fmt::format("canned query '{}' is not one factdb ships", name));
      continue;
    }
    const auto& q = *it->second;
    const std::pair<const char*, std::string> fields[] = {{"title", q.title},
                                                          {"description", q.description},
                                                          {"SQL", q.sql},
                                                          {"parameter list", params_to_json(q.params)},
                                                          {"column list", columns_to_json(q.columns)},
                                                          {"example list", examples_to_json(q.examples)}};
    for (int i = 0; i < 6; ++i) {
      auto column = stmt.getColumn(i + 1);
      if (column.getType() != SQLITE_TEXT || column.getString() != fields[i].second) {
        differences.push_back(fmt::format("canned query '{}': its {} differs from the one factdb ships", name, fields[i].first));
        break;
      }
    }
    expected.erase(it);
  }
  for (const auto& [name, q] : expected) differences.push_back(fmt::format("canned query '{}' is missing", name));
  return differences;
}

void require_factdb_schema(SQLite::Database& db, const std::string& file_name) {
  std::vector<std::string> differences;
  try {
    differences = schema_differences(db);
    if (differences.empty()) differences = canned_query_differences(db);
  } catch (const SQLite::Exception& e) {
    throw Error(ExitCode::bad_data, fmt::format("{}: its schema cannot be read: {}", file_name, e.what()));
  }
  if (!differences.empty())
    throw Error(ExitCode::bad_data,
                fmt::format("{}: not as factdb writes it ({}{}); 'factdb check --db {}' lists what differs", file_name,
                            differences.front(),
                            differences.size() > 1 ? fmt::format(", and {} more", differences.size() - 1) : "", file_name));
}

}  // namespace factdb
