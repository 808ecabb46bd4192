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
    Stage stage{columns, {}, {}};
    for (const auto& [position, name] : key) stage.key.append(stage.key.empty() ? "" : ", ").append(name);
    db.exec(fmt::format("CREATE TEMP TABLE {} ({})", stage_name(table), definitions));
    stages_.emplace(table, std::move(stage));
  }
  if (!stages_.empty()) db.exec("CREATE TEMP TABLE staged_update (shape INTEGER NOT NULL, value, key)");
}

std::string Staging::insert_sql(std::string_view verb, std::string_view table, const std::vector<std::string_view>& columns) {
  std::string marks;
  for (std::size_t i = 0; i < columns.size(); ++i) marks += i ? ", ?" : "?";
  auto it = stages_.find(table);
  if (it == stages_.end()) return fmt::format("{} INTO {} ({}) VALUES ({})", verb, table, fmt::join(columns, ", "), marks);
  auto& stage = it->second;
  if (stage.verb.empty()) stage.verb = verb;
  if (stage.verb != verb)
    throw Error(ExitCode::internal, fmt::format("table {} is staged for {}, not {}", table, stage.verb, verb));
  return fmt::format("INSERT INTO temp.{} ({}) VALUES ({})", stage_name(table), fmt::join(columns, ", "), marks);
}

std::string Staging::update_sql(std::string_view table, std::string_view column, std::string_view key_column) {
  if (stages_.find(table) == stages_.end())
    return fmt::format("UPDATE {} SET {} = ?1 WHERE {} = ?2", table, column, key_column);
  Update update{std::string(table), std::string(column), std::string(key_column)};
  auto shape = std::find(updates_.begin(), updates_.end(), update) - updates_.begin();
  if (shape == static_cast<std::ptrdiff_t>(updates_.size())) updates_.push_back(std::move(update));
  return fmt::format("INSERT INTO temp.staged_update (shape, value, key) VALUES ({}, ?1, ?2)", shape);
}

void Staging::merge() {
  try {
    for (const auto& [table, stage] : stages_) {
      // Equal keys (only INSERT OR IGNORE lets them through) keep the order
      // they came in: the row kept is the one a direct insert would keep.
      if (!stage.verb.empty())
        db_.exec(fmt::format("{} INTO main.{} ({}) SELECT {} FROM temp.{} ORDER BY {}, rowid", stage.verb, table,
                             stage.columns, stage.columns, stage_name(table), stage.key));
      db_.exec(fmt::format("DROP TABLE temp.{}", stage_name(table)));
    }
    // Of the updates to one column of a row, the last recorded is the one
    // that stands, as it would have been made last.
    for (std::size_t shape = 0; shape < updates_.size(); ++shape) {
      const auto& u = updates_[shape];
      db_.exec(fmt::format("UPDATE main.{0} SET {1} = latest.value FROM (SELECT key, value FROM temp.staged_update "
                           "WHERE rowid IN (SELECT max(rowid) FROM temp.staged_update WHERE shape = {3} GROUP BY key)) "
                           "AS latest WHERE {0}.{2} = latest.key",
                           u.table, u.column, u.key_column, shape));
    }
    if (!stages_.empty()) db_.exec("DROP TABLE temp.staged_update");
  } catch (const SQLite::Exception& e) {
    if (rejects_row(e.getErrorCode())) throw StagedRowRejected(e.what());
    throw;
  }
}

}  // namespace factdb::seed
