// Reads a seed folder (sources.toml plus one folder per article holding
// facts.toml and the article's text) and inserts what it states.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <functional>

namespace factdb::seed {

// Loads every article under `seed_dir` into `db`, whose schema is already
// applied; the caller owns the transaction. Validates everything: field types,
// references, ids, and that each quote occurs in its article exactly once.
// Throws SeedError with every problem found (file, line, column, what was
// expected), or Error(missing_file) when `seed_dir` is not a readable folder.
// After a throw `db` may hold a partial load: the caller discards it.
void load_seed(SQLite::Database& db, const std::filesystem::path& seed_dir,
               const std::function<void(std::size_t done, std::size_t total)>& progress = {});

}  // namespace factdb::seed
