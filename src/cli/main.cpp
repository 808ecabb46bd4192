// factdb: the article's facts in one SQLite file. main only wires the subcommands.
#include <iostream>

#include <unistd.h>

#include "commands.h"
#include "limits.h"
#include "parse_errors.h"
#include "terminal.h"
#include "factdb/error.h"
#include "factdb/format.h"
#include "factdb/output_file.h"

namespace {
std::string memory_limit_note() {
  int mb = factdb::cli::applied_memory_limit_mb();
  return mb > 0 ? " (memory limit of " + std::to_string(mb) + " MB, --max-memory-mb)" : "";
}
}  // namespace

int main(int argc, char** argv) {
  factdb::guard_standard_streams();
  CLI::App app{"factdb: what news articles state, in one SQLite file, every fact traced to its words"};
  app.set_version_flag("--version", std::string("factdb ") + FACTDB_VERSION);
  app.require_subcommand(1);
  factdb::cli::setup_new(app);
  factdb::cli::setup_build(app);
  factdb::cli::setup_queries(app);
  factdb::cli::setup_query(app);
  factdb::cli::setup_sql(app);
  factdb::cli::setup_check(app);
  factdb::cli::setup_why(app);
  factdb::cli::setup_search(app);
  factdb::cli::setup_info(app);
  factdb::cli::setup_export(app);
  factdb::cli::setup_ask(app);
  factdb::cli::setup_graph(app);
  factdb::cli::setup_completion(app);
  factdb::cli::setup_seed_format(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return factdb::cli::report_parse_error(app, e);
  } catch (const factdb::SeedError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << factdb::terminal_safe(d.to_string()) << '\n';
    std::cerr << "factdb: the seed data has " << e.diagnostics().size() << " problem(s); nothing was written\n";
    return static_cast<int>(e.code());
  } catch (const factdb::Error& e) {
    std::cerr << factdb::cli::red("factdb:", factdb::cli::colour_on(STDERR_FILENO)) << ' ' << factdb::message_safe(e.what())
              << (e.code() == factdb::ExitCode::memory_limit ? memory_limit_note() : "") << '\n';
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    std::cerr << "factdb: stopped: the command needs more memory" << memory_limit_note() << '\n';
    return static_cast<int>(factdb::ExitCode::memory_limit);
  } catch (const std::exception& e) {
    std::cerr << "factdb: internal error: " << factdb::message_safe(e.what()) << '\n';
    return static_cast<int>(factdb::ExitCode::internal);
  }
  return 0;
}
