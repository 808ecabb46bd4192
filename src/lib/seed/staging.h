// Where a build's rows wait before they reach their tables. Fact and evidence
// ids are hashes of content, so rows arrive in random key order: inserted as
// they come, every row lands on a random page of a tree far larger than the
// page cache, and the load spends its time reading and writing those pages
// again. Staged, a table's rows are appended to a table of SQLite's temporary
// database (under TMPDIR) as they come and copied over once, sorted by key,
// as a bulk insert of ordered rows would: each page is then written once.
#pragma once

#include <SQLiteCpp/Database.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace factdb::seed {

// SQLite rejected a staged row while it was copied to its table: which row,
// and so which entry of the seed, is not known there. The caller loads again
// without staging, where the first row rejected is reported at its place.
struct StagedRowRejected : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Staging {
 public:
  // With `enabled`, creates a stage table in the temporary database for each
  // table of `db` stored in key order (an INTEGER PRIMARY KEY or WITHOUT
  // ROWID): the only ones whose content does not depend on the order rows are
  // inserted in. Without, every insert and update goes to its table directly.
  Staging(SQLite::Database& db, bool enabled);

  // The SQL for `verb` ("INSERT", "INSERT OR IGNORE", ...) of `columns` into
  // `table`: into its stage table when it has one. Throws Error(internal)
  // when a staged table is given a second verb: the copy applies one.
  std::string insert_sql(std::string_view verb, std::string_view table, const std::vector<std::string_view>& columns);

  // The SQL that sets `column` of the row whose `key_column` is the second
  // parameter to the first parameter. For a staged table the update is
  // recorded, and made once the table is copied, in the order recorded.
  std::string update_sql(std::string_view table, std::string_view column, std::string_view key_column);

  // Copies every stage table into its table, sorted by key, then makes the
  // recorded updates. Throws StagedRowRejected when SQLite rejects a row,
  // SQLite::Exception for any other failure.
  void merge();

 private:
  struct Stage {
    std::string columns;  // every insertable column, in the table's order
    std::string key;      // the primary key's columns, in key order
    std::string verb;     // the one verb its rows were inserted with ("" until the first)
  };
  struct Update {
    std::string table, column, key_column;
    bool operator==(const Update& other) const {
      return table == other.table && column == other.column && key_column == other.key_column;
    }
  };

  SQLite::Database& db_;
  std::map<std::string, Stage, std::less<>> stages_;  // by name: the copies run in one order on every platform
  std::vector<Update> updates_;  // a recorded update names its shape by index here
};

}  // namespace factdb::seed
