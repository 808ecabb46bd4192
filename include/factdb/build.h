// Building a .db from a seed folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace factdb {

// What a build reports as it goes, for a progress display. Called on the
// building thread; both may be left empty.
struct BuildProgress {
  std::function<void(std::size_t done, std::size_t total)> articles;  // after each article
  std::function<void(const std::string& phase)> phase;                // as each later phase begins
};

struct BuildSummary {
  std::vector<std::pair<std::string, std::int64_t>> table_rows;  // every table, with its row count
  std::vector<std::pair<std::string, double>> phase_seconds;     // where the time went, in order
};

// Loads every article under `seed_dir` (see README, "Seed format"), verifies
// every quote against its article, and writes the database to `output`.
// The file is written beside `output` under a temporary name and renamed over
// it only once complete and checked: on any error `output` is left exactly as
// it was and the temporary file is removed.
// Throws SeedError for bad seed data (every problem, with file, line and
// column), Error(missing_file) when the seed folder or the output's folder is
// missing, Error(internal) when the written database fails its own checks.
BuildSummary build_database(const std::filesystem::path& seed_dir, const std::filesystem::path& output,
                            const BuildProgress& progress = {});

}  // namespace factdb
