// factdb build: seed folder -> .db, written atomically.
#include <fmt/format.h>

#include <cmath>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <memory>

#include "commands.h"
#include "factdb/build.h"
#include "factdb/error.h"
#include "terminal.h"
#include "factdb/format.h"
#include "factdb/output_file.h"

namespace factdb::cli {

namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::string seed = "seed";
  std::string output = "facts.db";
  bool quiet = false;
  bool timings = false;
  bool progress = false;
};

// `factdb build -o -`, or -o naming a FIFO or device: the database, built
// in a private temporary folder, then copied out (to a pipe or a file, never
// a terminal). A FIFO or device is written through, never replaced by a file.
BuildSummary build_through(const std::string& seed, const std::string& output, const BuildProgress& progress) {
  bool to_stdout = output == "-";
  if (to_stdout && ::isatty(STDOUT_FILENO))
    throw Error(ExitCode::usage, "the database is a binary file: redirect it (factdb build -o - > facts.db) or pipe it");
  std::string pattern = (fs::temp_directory_path() / "factdb-build-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw Error(ExitCode::missing_file, "cannot create a temporary folder to build in");
  fs::path dir(pattern);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  } cleanup{dir};
  auto summary = build_database(seed, dir / "facts.db", progress);
  std::ifstream db(dir / "facts.db", std::ios::binary);
  OutputFile out(output);
  out.stream() << db.rdbuf();
  out.commit();
  return summary;
}

void run_build(const BuildOptions& options) {
  bool to_stdout = options.output == "-";
  bool through = to_stdout || is_special_file(options.output);
  // --quiet wins over a terminal; --progress over the lack of one.
  std::optional<ProgressBar> bar;
  BuildProgress progress;
  if (options.progress || !options.quiet) {
    bar.emplace(options.progress);
    progress.articles = [&](std::size_t done, std::size_t total) { bar->articles(done, total); };
    progress.phase = [&](const std::string& name) { bar->phase(name); };
  }
  auto summary = through ? build_through(options.seed, options.output, progress) : build_database(options.seed, options.output, progress);
  if (bar) bar->finish();
  if (options.timings) {
    ResultSet phases{{"phase", "seconds"}, {}};
    for (const auto& [phase, seconds] : summary.phase_seconds) phases.rows.push_back({phase, std::round(seconds * 1000) / 1000});
    write_result(std::cerr, phases, Format::table);
  }
  if (options.quiet) return;
  ResultSet counts{{"table", "rows"}, {}};
  for (const auto& [table, rows] : summary.table_rows) counts.rows.push_back({table, rows});
  auto& out = to_stdout ? std::cerr : std::cout;  // standard output holds the database
  out << fmt::format("wrote {} from {}\n\n", to_stdout ? "the database to standard output" : options.output, options.seed);
  write_result(out, counts, Format::table);
}

}  // namespace

void setup_build(CLI::App& app) {
  auto options = std::make_shared<BuildOptions>();
  auto* sub = app.add_subcommand("build", "Load every article under the seed folder and write the database");
  sub->add_option("--seed", options->seed, "Seed folder: sources.toml and one folder per article")->capture_default_str();
  sub->add_option("-o,--output", options->output, "Database file to write (replaced atomically); - for standard output")
      ->capture_default_str();
  sub->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
  sub->add_flag("--timings", options->timings, "Print on standard error how long each phase of the build took");
  sub->add_flag("--progress", options->progress,
                "Show progress on standard error even when it is not a terminal (on a terminal it shows by itself)");
  sub->callback([options] { run_build(*options); });
}

}  // namespace factdb::cli
