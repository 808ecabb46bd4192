// factdb why QUERY: a canned query's rows, each with the words of its sources.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/evidence.h"

namespace factdb::cli {

namespace {

void run_why(const CannedQueryOptions& options) {
  auto db = open_database(options);
  auto explanation = explain(db, options.name, parse_params(options.params), options.page());
  write_output(options, [&](std::ostream& out) { write_explanation(out, explanation, *parse_format(options.format)); });
}

}  // namespace

void setup_why(CLI::App& app) {
  auto options = std::make_shared<CannedQueryOptions>();
  auto* sub = app.add_subcommand("why",
                                 "Run a canned query and show under each row the passages and annotations it rests on");
  add_canned_query_options(*sub, *options);
  sub->callback([options] { run_why(*options); });
}

}  // namespace factdb::cli
