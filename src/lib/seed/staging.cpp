#include "staging.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "factdb/error.h"
#include "../row_writer.h"

namespace factdb::seed {

namespace {

std::string stage_name(std::string_view table) { return fmt::format("staged_{}", table); }

}  // namespace

Staging::Staging(SQLite::Database& db, bool enabled) : db_(db) {
  if (!enabled) return;
  std::vector<std::pair<std::string, bool>> tables;  // name, WITHOUT ROWID
  {
    SQLite::Statement list(db, "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    while (list.executeStep()) tables.emplace_back(list.getColumn(0).getString(), list.getColumn(1).getInt() != 0);
  }
  // Untyped columns keep each value as bound; the copy into the STRICT table
  // converts and checks it exactly as a direct insert would. Defaults are
  // kept, so a column an insert leaves out gets its table's default.
  for (const auto& [table, without_rowid] : tables) {
    SQLite::Statement info(db, "SELECT name, upper(type), pk, dflt_value FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid");
    info.bind(1, table);
    std::string columns, definitions;
    std::map<int, std::string> key;
    bool integer_key = false;
    while (info.executeStep()) {
      auto name = info.getColumn(0).getString();
      columns.append(columns.empty() ? "" : ", ").append(name);
      definitions.append(definitions.empty() ? "" : ", ").append(name);
      if (!info.getColumn(3).isNull()) definitions.append(" DEFAULT ").append(info.getColumn(3).getString());
      if (auto position = info.getColumn(2).getInt(); position > 0) {
        key[position] = name;
        integer_key = info.getColumn(1).getString() == "INTEGER";
      }
    }
    // A rowid table keyed otherwise numbers its rows in the order they come:
    // sorting them would change the file's rowids, so it is not staged.
    if (key.empty() || !(without_rowid || (integer_key && key.size() == 1))) continue;
    Stage stage{columns, {}, {}, {}, -1};
    for (const auto& [position, name] : key) stage.key.append(stage.key.empty() ? "" : ", ").append(name);
    db.exec(fmt::format("CREATE TEMP TABLE {} ({})", stage_name(table), definitions));
    stages_.emplace(table, std::move(stage));
  }
  if (stages_.empty()) return;
  db.exec("CREATE TEMP TABLE staged_content (kind INTEGER NOT NULL, id INTEGER NOT NULL, check_hash INTEGER NOT NULL)");
}

std::string Staging::insert_sql(std::string_view verb, std::string_view table, const std::vector<std::string_view>& columns,
                                std::string_view upsert) {
  std::string marks;
  for (std::size_t i = 0; i < columns.size(); ++i) marks += i ? ", ?" : "?";
  auto it = stages_.find(table);
  if (it == stages_.end())
    return fmt::format("{} INTO {} ({}) VALUES ({}) {}", verb, table, fmt::join(columns, ", "), marks, upsert);
  auto& stage = it->second;
  if (stage.verb.empty()) {
    stage.verb = verb;
    stage.upsert = upsert;
  }
  if (stage.verb != verb || stage.upsert != upsert)
    throw Error(ExitCode::internal, fmt::format("table {} is staged for '{} {}', not '{} {}'", table, stage.verb,
                                                stage.upsert, verb, upsert));
  return fmt::format("INSERT INTO temp.{} ({}) VALUES ({})", stage_name(table), fmt::join(columns, ", "), marks);
}

std::string Staging::content_sql() const {
  return stages_.empty() ? "" : "INSERT INTO temp.staged_content (kind, id, check_hash) VALUES (?, ?, ?)";
}

std::string Staging::update_sql(std::string_view table, std::string_view column, std::string_view key_column) const {
  if (stages_.find(table) != stages_.end())
    throw Error(ExitCode::internal, fmt::format("table {} is staged: its rows take no UPDATE", table));
  return fmt::format("UPDATE {} SET {} = ?1 WHERE {} = ?2", table, column, key_column);
}

void Staging::keyed_by_content(std::string_view table, int kind) {
  if (auto it = stages_.find(table); it != stages_.end()) it->second.content_kind = kind;
}

void Staging::merge() {
  if (stages_.empty()) return;
  try {
    {
      std::vector<std::pair<int, std::int64_t>> ids;
      SQLite::Statement shared(db_, "SELECT kind, id FROM temp.staged_content GROUP BY kind, id HAVING min(check_hash) <> max(check_hash)");
      while (shared.executeStep()) ids.emplace_back(shared.getColumn(0).getInt(), shared.getColumn(1).getInt64());
      if (!ids.empty()) throw IdsShared(std::move(ids));
    }
    db_.exec("DROP TABLE temp.staged_content");
    for (const auto& [table, stage] : stages_) {
      // Equal keys keep the order they came in: a row's upsert, or the row
      // INSERT OR IGNORE keeps, is what a direct insert would give. "WHERE
      // true" tells SQLite the ON of an upsert is not a join's.
      try {
        if (!stage.verb.empty())
          db_.exec(fmt::format("{} INTO main.{} ({}) SELECT {} FROM temp.{} WHERE true ORDER BY {}, rowid {}", stage.verb,
                               table, stage.columns, stage.columns, stage_name(table), stage.key, stage.upsert));
      } catch (const SQLite::Exception& e) {
        if (stage.content_kind < 0 || !rejects_row(e.getErrorCode())) throw;
        std::vector<std::pair<int, std::int64_t>> ids;
        SQLite::Statement twice(db_, fmt::format("SELECT {0} FROM temp.{1} GROUP BY {0} HAVING count(*) > 1", stage.key,
                                                 stage_name(table)));
        while (twice.executeStep()) ids.emplace_back(stage.content_kind, twice.getColumn(0).getInt64());
        if (!ids.empty()) throw IdsShared(std::move(ids));
        throw;
      }
      db_.exec(fmt::format("DROP TABLE temp.{}", stage_name(table)));
    }
  } catch (const SQLite::Exception& e) {
    if (rejects_row(e.getErrorCode())) throw StagedRowRejected(e.what());
    throw;
  }
}

}  // namespace factdb::seed
