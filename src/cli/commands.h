// One function per subcommand: each adds its subcommand, options and callback to the app.
#pragma once

#include <CLI/CLI.hpp>

namespace factdb::cli {

void setup_build(CLI::App& app);
void setup_queries(CLI::App& app);
void setup_query(CLI::App& app);
void setup_sql(CLI::App& app);
void setup_check(CLI::App& app);
void setup_why(CLI::App& app);
void setup_search(CLI::App& app);
void setup_info(CLI::App& app);
void setup_export(CLI::App& app);
void setup_ask(CLI::App& app);
void setup_graph(CLI::App& app);
void setup_completion(CLI::App& app);
void setup_seed_format(CLI::App& app);
void setup_new(CLI::App& app);

}  // namespace factdb::cli
