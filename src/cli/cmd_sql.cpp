// factdb sql: one ad hoc, strictly read-only SQL statement.
#include <memory>

#include "commands.h"
#include "common.h"

namespace factdb::cli {

namespace {

struct SqlOptions : ReadOptions {
  std::string sql;
  std::vector<std::string> params;
};

void run_sql(const SqlOptions& options) {
  auto db = open_database(options);
  print(db.run_sql(options.sql, parse_params(options.params)), options);
}

}  // namespace

void setup_sql(CLI::App& app) {
  auto options = std::make_shared<SqlOptions>();
  auto* sub = app.add_subcommand("sql", "Run one read-only SQL statement; writes, ATTACH and pragmas that change state are refused");
  sub->add_option("sql", options->sql, "The SQL, with parameters written :name")->required();
  add_param_option(*sub, options->params);
  add_read_options(*sub, *options);
  sub->callback([options] { run_sql(*options); });
}

}  // namespace factdb::cli
