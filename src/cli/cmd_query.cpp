// factdb query NAME: run a canned query, parameters bound by name.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "terminal.h"

namespace factdb::cli {

namespace {

void run_query(const CannedQueryOptions& options) {
  if (options.name.empty()) return list_queries(options);  // "which one?": the list to choose from
  auto db = open_database(options);
  auto params = parse_params(options.params);
  print_rows(options, [&](RowSink& sink) { db.run_canned(options.name, params, sink, options.page()); });
  for (const auto& note : db.notes()) std::cerr << "factdb: note: " << terminal_safe(note) << "\n";
}

}  // namespace

void setup_query(CLI::App& app) {
  auto options = std::make_shared<CannedQueryOptions>();
  auto* sub = app.add_subcommand("query", "Run a canned query; without a name, list them");
  add_canned_query_options(*sub, *options, false);
  sub->callback([options] { run_query(*options); });
}

}  // namespace factdb::cli
