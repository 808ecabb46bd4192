// The rows a load inserts, queued for the writer thread: INSERT statements
// built once per table and column list, each row tagged with the seed entry
// it comes from so that a row SQLite rejects is blamed on its place.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "../row_writer.h"

namespace factdb::seed {

using Columns = std::vector<std::pair<std::string_view, RowValue>>;

class Rows {
 public:
  explicit Rows(SQLite::Database& db) : writer_(db) {}

  // Which seed entry the next rows come from.
  void in_context(const Location& where, std::string what);
  // INSERT (or `verb`, such as "INSERT OR IGNORE") INTO table (columns) VALUES (...).
  void insert(std::string_view table, const Columns& columns, std::string_view verb = "INSERT");
  // Any other statement; `sql` is kept for the life of this object.
  void execute(const std::string& sql, const std::vector<RowValue>& values);
  // Runs what is queued; the rows SQLite rejected, if any.
  std::vector<Diagnostic> finish() { return writer_.finish(); }

 private:
  const std::string* intern(std::string sql) { return &*sql_texts_.insert(std::move(sql)).first; }

  std::unordered_set<std::string> sql_texts_;  // every statement's SQL, at a stable address
  std::unordered_map<std::string, const std::string*> insert_sql_;  // verb, table, columns -> SQL
  std::unordered_set<std::string> interned_;  // seed file names and entry descriptions, for RowOrigin
  // Last: stopped before the texts its queue points into are freed.
  RowWriter writer_;
  RowOrigin origin_;
  std::vector<RowValue> values_;  // reused by insert()
  std::string key_;               // reused by insert()
};

}  // namespace factdb::seed
