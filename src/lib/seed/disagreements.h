// Statements of one identity (the same attendance, holding, membership, ...)
// that articles give otherwise. Each statement with an identity waits in a
// temporary table until every article is read; then the statements of each
// identity are compared in the order they were read, one identity in memory
// at a time, so that the memory a build needs does not grow with the corpus.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "identities.h"
#include "rows.h"

namespace factdb::seed {

class Disagreements {
 public:
  // Creates the temporary table; before `rows` starts writing to `db`.
  explicit Disagreements(SQLite::Database& db);

  // Queues, through `rows`, that fact `fact_id` of `kind`, with identity
  // `key`, was stated by the article read `article`-th with `values`.
  static void record(Rows& rows, const FactKind& kind, IdentityKey key, std::int64_t fact_id, std::uint32_t article,
                     const FieldValues& values);

  // Once every recorded statement is written: inserts a disagreement row for
  // each field two facts of one identity give otherwise, each pair and field
  // once, into `db`'s disagreement table. `published[i]` is the date of the
  // article read i-th ("" when not given): a holding or status given
  // otherwise by articles of different dates tells a change, not a
  // disagreement.
  void derive(const std::vector<std::string>& published);

 private:
  SQLite::Database& db_;
};

}  // namespace factdb::seed
