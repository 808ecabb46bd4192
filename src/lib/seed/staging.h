// Where a build's rows wait before they reach their tables. Fact and evidence
// ids are hashes of content, so rows arrive in random key order: inserted as
// they come, every row lands on a random page of a tree far larger than the
// page cache, and the load spends its time reading and writing those pages
// again. Staged, a table's rows are appended to a table of SQLite's temporary
// database (under TMPDIR) as they come and copied over once, sorted by key,
// as a bulk insert of ordered rows would: each page is then written once.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factdb::seed {

// SQLite rejected a staged row while it was copied to its table: which row,
// and so which entry of the seed, is not known there. The caller loads again
// without staging, where the first row rejected is reported at its place.
struct StagedRowRejected : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Two different contents were given one id (ContentIds): which, as (the
// kind of id, the id). The caller builds again remembering those ids.
struct IdsShared : std::runtime_error {
  IdsShared(std::vector<std::pair<int, std::int64_t>> shared)
      : std::runtime_error("two different contents were given one id"), ids(std::move(shared)) {}
  std::vector<std::pair<int, std::int64_t>> ids;
};

class Staging {
 public:
  // With `enabled`, creates a stage table in the temporary database for each
  // table of `db` stored in key order (an INTEGER PRIMARY KEY or WITHOUT
  // ROWID): the only ones whose content does not depend on the order rows are
  // inserted in. Without, every insert and update goes to its table directly.
  Staging(SQLite::Database& db, bool enabled);

  // The SQL for `verb` ("INSERT", "INSERT OR IGNORE", ...) of `columns` into
  // `table`, followed by `upsert` (an ON CONFLICT clause, or empty): into its
  // stage table when it has one, and then the copy applies verb and upsert
  // to each staged row in the order of its key, rows of one key in the order
  // they came. Throws Error(internal) when a staged table is given a second
  // verb or upsert: the copy applies one.
  std::string insert_sql(std::string_view verb, std::string_view table, const std::vector<std::string_view>& columns,
                         std::string_view upsert = {});

  // The SQL that records, in a staged build, that an id of the kind given
  // first (facts, spans, ...: a number of the caller's) is the second
  // parameter, derived from a content whose check hash is the third
  // (ContentIds); "" when not staged, where ids are remembered as they are
  // given. merge() throws IdsShared when two checks of one id differ.
  std::string content_sql() const;

  // The SQL that sets `column` of the row whose `key_column` is the second
  // parameter to the first parameter. Throws Error(internal) for a staged
  // table: its rows are not there yet, and a later statement of a row says
  // what it changes through the upsert of insert_sql.
  std::string update_sql(std::string_view table, std::string_view column, std::string_view key_column) const;

  // Tells that the rows of staged `table` are one per content, keyed by its
  // id of kind `kind` (ContentIds): two rows with one key, which make the
  // copy fail, are two contents given one id, and merge() throws IdsShared
  // for them. Cheaper than content_sql for a table no content is stated in
  // twice. Nothing when `table` is not staged.
  void keyed_by_content(std::string_view table, int kind);

  // Checks the recorded contents, then copies every stage table into its
  // table, sorted by key. Throws IdsShared when two contents share an id,
  // StagedRowRejected when SQLite rejects a row, SQLite::Exception for any
  // other failure.
  void merge();

 private:
  struct Stage {
    std::string columns;  // every insertable column, in the table's order
    std::string key;      // the primary key's columns, in key order
    std::string verb;     // the one verb its rows were inserted with ("" until the first)
    std::string upsert;   // and the one ON CONFLICT clause
    int content_kind = -1;  // keyed_by_content's kind of ids, if given
  };
  SQLite::Database& db_;
  std::map<std::string, Stage, std::less<>> stages_;  // by name: the copies run in one order on every platform
};

}  // namespace factdb::seed
