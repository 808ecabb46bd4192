// factdb queries: the canned queries a database holds.
#include <memory>

#include "commands.h"
#include "common.h"

namespace factdb::cli {

namespace {

void run_queries(const ReadOptions& options) {
  auto db = open_database(options);
  ResultSet list{{"name", "title", "parameters"}, {}};
  for (const auto& q : db.canned_queries()) {
    std::string params;
    for (const auto& p : q.params) {
      params += (params.empty() ? "" : "; ") + p.name + " (" + p.type +
                (p.required ? ", required" : p.default_value ? ", default " + *p.default_value : ", optional") + ")";
    }
    list.rows.push_back({q.name, q.title, params});
  }
  print(list, options);
}

}  // namespace

void setup_queries(CLI::App& app) {
  auto options = std::make_shared<ReadOptions>();
  auto* sub = app.add_subcommand("queries", "List the canned queries, with their titles and parameters");
  add_read_options(*sub, *options);
  sub->callback([options] { run_queries(*options); });
}

}  // namespace factdb::cli
