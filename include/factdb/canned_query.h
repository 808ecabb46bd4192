// Canned queries: named, documented, parameterised SELECTs shipped inside every .db.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace factdb {

struct QueryParam {
  std::string name;         // bound as :name
  std::string type;         // "text", "integer" or "real"
  bool required = false;    // required parameters have no default
  std::optional<std::string> default_value;  // used when the caller gives none
  std::string description;
};

struct QueryColumn {
  std::string name;
  std::string description;
};

struct CannedQuery {
  std::string name;  // e.g. "stand-ins"
  std::string title;
  std::string description;
  std::string sql;  // one SELECT, no trailing semicolon
  std::vector<QueryParam> params;
  std::vector<QueryColumn> columns;  // every column of the result, in order
  std::vector<std::string> examples;  // questions in plain words it answers, for factdb ask

  // True when every parameter may be left out: the query then also has a view.
  bool has_view() const;
};

// Parses a canned-query file: a header of `-- name:`, `-- title:`,
// `-- description:` (continued on following `--` lines), `-- param:` lines
// (`NAME TYPE required|optional|default=VALUE DESCRIPTION`), `-- column:`
// lines (`NAME DESCRIPTION`) and `-- example:` lines (a question it answers),
// then the SELECT.
// Throws Error(internal) naming `file_name` when the header is malformed.
CannedQuery parse_canned_query(std::string_view file_name, std::string_view text);

// The example questions as the JSON array stored in canned_query.examples, and back.
std::string examples_to_json(const std::vector<std::string>& examples);
std::vector<std::string> examples_from_json(const std::string& json);

// The parameters as the JSON array stored in canned_query.params.
std::string params_to_json(const std::vector<QueryParam>& params);

// Inverse of params_to_json. Throws Error(bad_data) on malformed JSON.
std::vector<QueryParam> params_from_json(const std::string& json);

// The columns as the JSON array stored in canned_query.columns.
std::string columns_to_json(const std::vector<QueryColumn>& columns);

// Inverse of columns_to_json. Throws Error(bad_data) on malformed JSON.
std::vector<QueryColumn> columns_from_json(const std::string& json);

// `sql` with every parameter (:name, @name, $name, ?) replaced by NULL, as a
// view needs it: what the query returns when no parameter is given. Strings,
// quoted identifiers and comments are left as they are.
std::string sql_with_null_params(std::string_view sql);

// `sql` with each parameter replaced by what `replace` returns for it; it is
// given the parameter as written (":article", "?1"). Strings, quoted
// identifiers and comments are left as they are.
std::string rewrite_params(std::string_view sql, const std::function<std::string(std::string_view)>& replace);

// The queries stored in an open factdb database, sorted by name. Throws
// Error(bad_data) when a stored query's parameter or column list is malformed.
std::vector<CannedQuery> read_canned_queries(SQLite::Database& db);

// The stored query called `name`, or nullopt. Only that query is read, so a
// damaged row elsewhere does not stop it.
std::optional<CannedQuery> read_canned_query(SQLite::Database& db, const std::string& name);

// The name of the view a query without required parameters is also stored as: '-' becomes '_'.
std::string view_name(std::string_view query_name);

}  // namespace factdb
