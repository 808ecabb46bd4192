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
#include "staging.h"

namespace factdb::seed {

using Columns = std::vector<std::pair<std::string_view, RowValue>>;

class Rows {
 public:
  // `staged`: through Staging, which see.
  Rows(SQLite::Database& db, bool staged) : staging_(db, staged), content_sql_(staging_.content_sql()), writer_(db) {}

  // Which seed entry the next rows come from.
  void in_context(const Location& where, std::string what);
  // INSERT (or `verb`, such as "INSERT OR IGNORE") INTO table (columns) VALUES (...) `upsert`.
  void insert(std::string_view table, const Columns& columns, std::string_view verb = "INSERT", std::string_view upsert = {});
  // See Staging::keyed_by_content.
  void keyed_by_content(std::string_view table, int kind) { staging_.keyed_by_content(table, kind); }
  // Records that `id`, of the kind of ids `kind`, was derived from a content
  // with `check` (see Staging::content_sql): nothing when not staged.
  void content(int kind, std::int64_t id, std::uint32_t check);
  // UPDATE table SET column = value WHERE key_column = key.
  void update(std::string_view table, std::string_view column, RowValue value, std::string_view key_column, RowValue key);
  // Runs what is queued; the rows SQLite rejected, if any.
  std::vector<Diagnostic> finish() { return writer_.finish(); }
  // After a finish() without problems: moves the staged rows to their tables.
  // Throws IdsShared or StagedRowRejected as Staging::merge does.
  void merge() { staging_.merge(); }

 private:
  const std::string* intern(std::string sql) { return &*sql_texts_.insert(std::move(sql)).first; }

  std::unordered_set<std::string> sql_texts_;  // every statement's SQL, at a stable address
  std::unordered_map<std::string, const std::string*> insert_sql_;  // verb, table, columns -> SQL
  std::unordered_map<std::string, const std::string*> update_sql_;  // table, column, key column -> SQL
  std::unordered_set<std::string> interned_;  // seed file names and entry descriptions, for RowOrigin
  Staging staging_;  // before the writer: it creates the stage tables before the writer starts
  std::string content_sql_;
  // Last: stopped before the texts its queue points into are freed.
  RowWriter writer_;
  RowOrigin origin_;
  std::vector<RowValue> values_;  // reused by insert()
  std::string key_;               // reused by insert()
};

}  // namespace factdb::seed
