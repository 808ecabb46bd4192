#include "factdb/evidence.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "factdb/error.h"

namespace factdb {

namespace {

// Characters of UTF-8 text as SQLite counts them: every byte that does not
// continue a character. (The reading library does without factdb::text and
// the libraries it needs.)
std::int64_t characters(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// Line and column (from 1, in characters) where the quote starts and ends,
// from the text before it.
void set_positions(Support& s, std::string_view before) {
  auto line_end = [](std::string_view text, std::int64_t line, std::int64_t column) {
    auto last = text.rfind('\n');
    auto newlines = static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
    if (last == std::string_view::npos) return std::pair{line, column + characters(text)};
    return std::pair{line + newlines, characters(text.substr(last + 1)) + 1};
  };
  auto [line, column] = line_end(before, 1, 1);
  s.line = line;
  s.column = column;
  // The last character: the quote less its final character, walked from the start.
  std::string_view quote = s.quote;
  auto last_char = quote.size();
  while (last_char > 0 && (static_cast<unsigned char>(quote[last_char - 1]) & 0xC0) == 0x80) --last_char;
  if (last_char > 0) --last_char;
  auto [end_line, end_column] = line_end(quote.substr(0, last_char), line, column);
  s.end_line = end_line;
  s.end_column = end_column;
}

}  // namespace

std::vector<Support> fact_support(Database& db, const std::vector<std::int64_t>& fact_ids) {
  // Each article stating the fact, in article order: its quotes in text order, or its annotation.
  static const std::string sql =
      "SELECT s.fact_id, f.kind, s.article_id, s.annotation_source_id IS NOT NULL, ce.start, ce.length, "
      "       substr(a.text, 1, ce.start - 1), "
      "       ce.quote, src.title, src.url, s.annotation_note "
      "  FROM statement s "
      "  JOIN fact f ON f.id = s.fact_id "
      "  LEFT JOIN (SELECT c.fact_id, c.article_id, e.start, e.length, e.quote "
      "               FROM citation c JOIN evidence e ON e.id = c.evidence_id) ce "
      "         ON ce.fact_id = s.fact_id AND ce.article_id = s.article_id AND s.annotation_source_id IS NULL "
      "  LEFT JOIN article a ON a.id = s.article_id "
      "  LEFT JOIN annotation_source src ON src.id = s.annotation_source_id "
      " WHERE s.fact_id = :id ORDER BY s.article_id, ce.start";
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
      s.quote = text(r[7]);
      if (s.start) set_positions(s, text(r[6]));
      s.source = text(r[8]);
      s.url = text(r[9]);
      s.note = text(r[10]);
      all.push_back(std::move(s));
    }
  }
  return all;
}

Explanation explain(Database& db, const std::string& name, const ParamValues& params, const Page& page) {
  auto result = db.run_canned(name, params, page);
  auto column = std::find(result.columns.begin(), result.columns.end(), "fact_ids");
  if (column == result.columns.end())
    throw Error(ExitCode::usage, fmt::format("query '{}' does not say which facts its rows rest on (no fact_ids column)", name));
  auto index = static_cast<std::size_t>(column - result.columns.begin());
  Explanation explanation{result.columns, {}, page.offset + 1};
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
