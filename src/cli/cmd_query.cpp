// factdb query NAME: run a canned query, parameters bound by name.
#include <memory>

#include "commands.h"
#include "common.h"

namespace factdb::cli {

namespace {

struct QueryOptions : ReadOptions {
  std::string name;
  std::vector<std::string> params;
};

void run_query(const QueryOptions& options) {
  Database db(options.db);
  print(db.run_canned(options.name, parse_params(options.params)), options);
}

}  // namespace

void setup_query(CLI::App& app) {
  auto options = std::make_shared<QueryOptions>();
  auto* sub = app.add_subcommand("query", "Run a canned query (list them with 'factdb queries')");
  sub->add_option("name", options->name, "The canned query, e.g. stand-ins")->required();
  add_param_option(*sub, options->params);
  add_read_options(*sub, *options);
  sub->callback([options] { run_query(*options); });
}

}  // namespace factdb::cli
