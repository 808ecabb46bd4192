// factdb why QUERY: a canned query's rows, each with the words of its sources.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/evidence.h"

namespace factdb::cli {

namespace {

struct WhyOptions : ReadOptions {
  std::string name;
  std::vector<std::string> params;
};

void run_why(const WhyOptions& options) {
  Database db(options.db);
  write_explanation(std::cout, explain(db, options.name, parse_params(options.params)), *parse_format(options.format));
  std::cout.flush();
}

}  // namespace

void setup_why(CLI::App& app) {
  auto options = std::make_shared<WhyOptions>();
  auto* sub = app.add_subcommand("why",
                                 "Run a canned query and show under each row the passages and annotations it rests on");
  sub->add_option("name", options->name, "The canned query, e.g. stand-ins")->required();
  add_param_option(*sub, options->params);
  add_read_options(*sub, *options);
  sub->callback([options] { run_why(*options); });
}

}  // namespace factdb::cli
