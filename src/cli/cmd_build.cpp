// factdb build: seed folder -> .db, written atomically.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "commands.h"
#include "factdb/build.h"
#include "factdb/format.h"

namespace factdb::cli {

namespace {

struct BuildOptions {
  std::string seed = "seed";
  std::string output = "facts.db";
  bool quiet = false;
  bool timings = false;
};

void run_build(const BuildOptions& options) {
  auto summary = build_database(options.seed, options.output);
  if (options.timings) {
    ResultSet phases{{"phase", "seconds"}, {}};
    for (const auto& [phase, seconds] : summary.phase_seconds) phases.rows.push_back({phase, std::round(seconds * 1000) / 1000});
    write_result(std::cerr, phases, Format::table);
  }
  if (options.quiet) return;
  ResultSet counts{{"table", "rows"}, {}};
  for (const auto& [table, rows] : summary.table_rows) counts.rows.push_back({table, rows});
  std::cout << fmt::format("wrote {} from {}\n\n", options.output, options.seed);
  write_result(std::cout, counts, Format::table);
}

}  // namespace

void setup_build(CLI::App& app) {
  auto options = std::make_shared<BuildOptions>();
  auto* sub = app.add_subcommand("build", "Load every article under the seed folder and write the database");
  sub->add_option("--seed", options->seed, "Seed folder: sources.toml and one folder per article")->capture_default_str();
  sub->add_option("-o,--output", options->output, "Database file to write (replaced atomically)")->capture_default_str();
  sub->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
  sub->add_flag("--timings", options->timings, "Print on standard error how long each phase of the build took");
  sub->callback([options] { run_build(*options); });
}

}  // namespace factdb::cli
