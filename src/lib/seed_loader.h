// Reads a seed folder (sources.toml plus one folder per article holding
// facts.toml and the article's text) and inserts what it states.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>

namespace factdb::seed {

// How rows reach their tables: `staged` sorts the tables stored in key order
// before writing them, and remembers nothing per fact (fast, in bounded
// memory; see staging.h and content_ids.h); `as_read` inserts every row as the
// seed gives it, so that a row SQLite rejects is blamed on its entry, and
// remembers every id given, so that two contents sharing one are moved apart.
enum class RowOrder { staged, as_read };

struct LoadProgress {
  std::function<void(std::size_t done, std::size_t total)> articles;  // after each article
  std::function<void()> loaded;  // every article read, before the staged rows are sorted into their tables
};

// Loads every article under `seed_dir` into `db`, whose schema is already
// applied; the caller owns the transaction. Validates everything: field types,
// references, ids, and that each quote occurs in its article exactly once.
// Throws SeedError with every problem found (file, line, column, what was
// expected), or Error(missing_file) when `seed_dir` is not a readable folder.
// With RowOrder::staged, throws StagedRowRejected when SQLite rejects a staged
// row or two contents were given one id: the caller loads again as_read.
// After a throw `db` may hold a partial load: the caller discards it.
void load_seed(SQLite::Database& db, const std::filesystem::path& seed_dir, RowOrder order, const LoadProgress& progress = {});

}  // namespace factdb::seed
