#include "factdb/canned_query.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "factdb/error.h"
#include "trim.h"

namespace factdb {

namespace {


QueryParam parse_param(std::string_view file_name, const std::string& spec) {
  // NAME TYPE required|optional|default=VALUE DESCRIPTION
  static const std::regex re(R"(^([a-z_][a-z0-9_]*)\s+(text|integer|real)\s+(required|optional|default=\S+)\s+(.+)$)");
  std::smatch m;
  if (!std::regex_match(spec, m, re))
    throw Error(ExitCode::internal,
                fmt::format("{}: bad '-- param:' line \"{}\"; expected NAME TYPE required|optional|default=VALUE DESCRIPTION",
                            file_name, spec));
  QueryParam p;
  p.name = m[1];
  p.type = m[2];
  std::string presence = m[3];
  p.required = presence == "required";
  if (presence.rfind("default=", 0) == 0) p.default_value = presence.substr(8);
  p.description = m[4];
  return p;
}

}  // namespace

CannedQuery parse_canned_query(std::string_view file_name, std::string_view text) {
  CannedQuery q;
  std::string* continued = nullptr;  // the field a bare `--` line continues
  std::istringstream lines{std::string(text)};
  std::string line, sql;
  bool in_header = true;
  while (std::getline(lines, line)) {
    if (in_header && line.rfind("--", 0) == 0) {
      auto body = trim(std::string_view(line).substr(2));
      auto field = [&](std::string_view key) -> std::optional<std::string> {
        if (body.rfind(std::string(key) + ":", 0) != 0) return std::nullopt;
        return trim(std::string_view(body).substr(key.size() + 1));
      };
      if (auto name = field("name")) {
        q.name = *name;
        continued = nullptr;
      } else if (auto title = field("title")) {
        q.title = *title;
        continued = &q.title;
      } else if (auto description = field("description")) {
        q.description = *description;
        continued = &q.description;
      } else if (auto col = field("column")) {
        auto space = col->find_first_of(" \t");
        if (space == std::string::npos)
          throw Error(ExitCode::internal, fmt::format("{}: bad '-- column:' line \"{}\"; expected NAME DESCRIPTION", file_name, *col));
        q.columns.push_back({col->substr(0, space), trim(std::string_view(*col).substr(space))});
        continued = &q.columns.back().description;
      } else if (auto example = field("example")) {
        q.examples.push_back(*example);
        continued = &q.examples.back();
      } else if (auto param = field("param")) {
        q.params.push_back(parse_param(file_name, *param));
        continued = &q.params.back().description;
      } else if (continued && !body.empty()) {
        *continued += " " + body;
      } else {
        continued = nullptr;
      }
      continue;
    }
    in_header = false;
    sql += line + "\n";
  }
  q.sql = trim(sql);
  while (!q.sql.empty() && (q.sql.back() == ';' || q.sql.back() == '\n' || q.sql.back() == ' ')) q.sql.pop_back();
  for (auto [value, what] : {std::pair{&q.name, "name"}, {&q.title, "title"}, {&q.description, "description"}, {&q.sql, "SQL"}})
    if (value->empty()) throw Error(ExitCode::internal, fmt::format("{}: canned query has no {}", file_name, what));
  if (q.name + ".sql" != file_name)
    throw Error(ExitCode::internal, fmt::format("{}: canned query is named '{}'; name and file must match", file_name, q.name));
  return q;
}

bool CannedQuery::has_view() const {
  return std::none_of(params.begin(), params.end(), [](const QueryParam& p) { return p.required; });
}

std::string examples_to_json(const std::vector<std::string>& examples) { return nlohmann::json(examples).dump(); }

std::vector<std::string> examples_from_json(const std::string& json) {
  try {
    return nlohmann::json::parse(json).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(ExitCode::bad_data, fmt::format("canned_query.examples is not a list of questions: {}", e.what()));
  }
}

std::string columns_to_json(const std::vector<QueryColumn>& columns) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& c : columns) array.push_back({{"name", c.name}, {"description", c.description}});
  return array.dump();
}

std::vector<QueryColumn> columns_from_json(const std::string& json) {
  std::vector<QueryColumn> columns;
  try {
    for (const auto& j : nlohmann::json::parse(json))
      columns.push_back({j.at("name").get<std::string>(), j.at("description").get<std::string>()});
  } catch (const nlohmann::json::exception& e) {
    throw Error(ExitCode::bad_data, fmt::format("canned_query.columns is not a valid column list: {}", e.what()));
  }
  return columns;
}

// Hand-written: SQLite offers no way to rewrite a statement's parameters, and
// its tokenizer is not public. Only the lexical cases that can hide a ':' are
// needed: string literals, quoted identifiers and comments.
std::string sql_with_null_params(std::string_view sql) {
  return rewrite_params(sql, [](std::string_view) { return std::string("NULL"); });
}

std::string rewrite_params(std::string_view sql, const std::function<std::string(std::string_view)>& replace) {
  std::string out;
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  for (std::size_t i = 0; i < sql.size();) {
    char c = sql[i];
    auto copy_until = [&](std::string_view end, std::size_t from) {
      auto stop = sql.find(end, from);
      stop = stop == std::string_view::npos ? sql.size() : stop + end.size();
      out.append(sql.substr(i, stop - i));
      i = stop;
    };
    if (c == '\'' || c == '"' || c == '`') copy_until(std::string_view(&sql[i], 1), i + 1);
    else if (c == '[') copy_until("]", i + 1);
    else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') copy_until("\n", i + 2);
    else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') copy_until("*/", i + 2);
    else if ((c == ':' || c == '@' || c == '$') && i + 1 < sql.size() && is_word(sql[i + 1])) {
      auto start = i;
      for (++i; i < sql.size() && is_word(sql[i]);) ++i;
      out += replace(sql.substr(start, i - start));
    } else if (c == '?') {
      auto start = i;
      for (++i; i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i]));) ++i;
      out += replace(sql.substr(start, i - start));
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string params_to_json(const std::vector<QueryParam>& params) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& p : params) {
    nlohmann::ordered_json j;
    j["name"] = p.name;
    j["type"] = p.type;
    j["required"] = p.required;
    j["default"] = p.default_value ? nlohmann::ordered_json(*p.default_value) : nlohmann::ordered_json(nullptr);
    j["description"] = p.description;
    array.push_back(std::move(j));
  }
  return array.dump();
}

std::vector<QueryParam> params_from_json(const std::string& json) {
  std::vector<QueryParam> params;
  try {
    for (const auto& j : nlohmann::json::parse(json)) {
      QueryParam p;
      p.name = j.at("name").get<std::string>();
      p.type = j.at("type").get<std::string>();
      p.required = j.at("required").get<bool>();
      if (!j.at("default").is_null()) p.default_value = j.at("default").get<std::string>();
      p.description = j.at("description").get<std::string>();
      params.push_back(std::move(p));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(ExitCode::bad_data, fmt::format("canned_query.params is not a valid parameter list: {}", e.what()));
  }
  return params;
}

namespace {

std::vector<CannedQuery> read_where(SQLite::Database& db, const char* where, const std::string* name) {
  std::vector<CannedQuery> queries;
  SQLite::Statement stmt(db, fmt::format("SELECT name, title, description, sql, params, columns, examples FROM canned_query {} ORDER BY name", where));
  if (name) stmt.bind(1, *name);
  while (stmt.executeStep()) {
    CannedQuery q;
    q.name = stmt.getColumn(0).getString();
    q.title = stmt.getColumn(1).getString();
    q.description = stmt.getColumn(2).getString();
    q.sql = stmt.getColumn(3).getString();
    q.params = params_from_json(stmt.getColumn(4).getString());
    q.columns = columns_from_json(stmt.getColumn(5).getString());
    q.examples = examples_from_json(stmt.getColumn(6).getString());
    queries.push_back(std::move(q));
  }
  return queries;
}

}  // namespace

std::vector<CannedQuery> read_canned_queries(SQLite::Database& db) { return read_where(db, "", nullptr); }

std::optional<CannedQuery> read_canned_query(SQLite::Database& db, const std::string& name) {
  auto found = read_where(db, "WHERE name = ?", &name);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::string view_name(std::string_view query_name) {
  std::string name(query_name);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace factdb
