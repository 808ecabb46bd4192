#include "factdb/evidence.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "factdb/error.h"

namespace factdb {

std::vector<Support> fact_support(Database& db, const std::vector<std::int64_t>& fact_ids) {
  static const std::string sql =
      "SELECT f.id, f.kind, f.article_id, f.is_annotation, e.start, e.length, "
      "       length(substr(a.text, 1, e.start)) - length(replace(substr(a.text, 1, e.start), char(10), '')) + 1, "
      "       e.quote, s.title, s.url, f.annotation_note "
      "  FROM fact f "
      "  LEFT JOIN citation c ON c.fact_id = f.id "
      "  LEFT JOIN evidence e ON e.id = c.evidence_id "
      "  LEFT JOIN article a ON a.id = e.article_id "
      "  LEFT JOIN annotation_source s ON s.id = f.annotation_source_id "
      " WHERE f.id = :id ORDER BY e.start";
  auto text = [](const Value& v) { return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : std::string(); };
  auto number = [](const Value& v) -> std::optional<std::int64_t> {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    return std::nullopt;
  };
  std::vector<Support> all;
  for (auto id : fact_ids) {
    for (const auto& r : db.run_sql(sql, {{"id", std::to_string(id)}}).rows) {
      Support s;
      s.fact_id = std::get<std::int64_t>(r[0]);
      s.kind = text(r[1]);
      s.article_id = text(r[2]);
      s.is_annotation = number(r[3]).value_or(0) != 0;
      s.start = number(r[4]);
      s.length = number(r[5]);
      s.line = s.start ? number(r[6]) : std::nullopt;
      s.quote = text(r[7]);
      s.source = text(r[8]);
      s.url = text(r[9]);
      s.note = text(r[10]);
      all.push_back(std::move(s));
    }
  }
  return all;
}

Explanation explain(Database& db, const std::string& name, const ParamValues& params) {
  auto result = db.run_canned(name, params);
  auto column = std::find(result.columns.begin(), result.columns.end(), "fact_ids");
  if (column == result.columns.end())
    throw Error(ExitCode::usage, fmt::format("query '{}' does not say which facts its rows rest on (no fact_ids column)", name));
  auto index = static_cast<std::size_t>(column - result.columns.begin());
  Explanation explanation{result.columns, {}};
  for (auto& row : result.rows) {
    std::vector<std::int64_t> ids;
    if (const auto* list = std::get_if<std::string>(&row[index])) {
      try {
        for (const auto& id : nlohmann::json::parse(*list)) ids.push_back(id.get<std::int64_t>());
      } catch (const nlohmann::json::exception& e) {
        throw Error(ExitCode::bad_data, fmt::format("query '{}': fact_ids '{}' is not a JSON array of ids", name, *list));
      }
    }
    explanation.rows.push_back({std::move(row), fact_support(db, ids)});
  }
  return explanation;
}

}  // namespace factdb
