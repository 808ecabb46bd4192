// Reads a seed folder (sources.toml plus one folder per article holding
// facts.toml and the article's text) and inserts what it states.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <cstdint>
#include <functional>
#include <set>
#include <utility>

namespace factdb::seed {

// How rows reach their tables: `staged` sorts the tables stored in key order
// before writing them, and remembers nothing per fact (fast, in bounded
// memory; see staging.h and content_ids.h); `as_read` inserts every row as the
// seed gives it, so that a row SQLite rejects is blamed on its entry, and
// remembers every id given, so that two contents sharing one are moved apart.
enum class RowOrder { staged, as_read };

// Ids two contents were found to share by an earlier staged load (IdsShared
// in staging.h), as (kind, id): a staged load remembers these.
using SharedIds = std::set<std::pair<int, std::int64_t>>;
enum IdKind : int { kFactIds = 0, kEvidenceIds = 1 };

struct LoadProgress {
  std::function<void(std::size_t done, std::size_t total)> articles;  // after each article
  std::function<void()> loaded;  // every article read, before the staged rows are sorted into their tables
};

// Loads every article under `seed_dir` into `db`, whose schema is already
// applied; the caller owns the transaction. Validates everything: field types,
// references, ids, and that each quote occurs in its article exactly once.
// Throws SeedError with every problem found (file, line, column, what was
// expected), or Error(missing_file) when `seed_dir` is not a readable folder.
// With RowOrder::staged, remembers only the ids in `shared` (see ContentIds)
// and throws IdsShared when two contents were given one id (the caller loads
// again staged, remembering those too), StagedRowRejected when SQLite
// rejects a staged row (the caller loads again as_read to find its entry).
// After a throw `db` may hold a partial load: the caller discards it.
void load_seed(SQLite::Database& db, const std::filesystem::path& seed_dir, RowOrder order, const SharedIds& shared = {},
               const LoadProgress& progress = {});

}  // namespace factdb::seed
