// factdb sql: one ad hoc, strictly read-only SQL statement.
#include <unistd.h>

#include <iostream>
#include <iterator>
#include <memory>

#include "factdb/error.h"

#include "commands.h"
#include "common.h"
#include "limits.h"

#include <fmt/format.h>

namespace factdb::cli {

namespace {

struct SqlOptions : ReadOptions {
  std::string sql;
  std::vector<std::string> params;
};

// The SQL from the argument, or from standard input when it is left out or
// given as "-": a long query in a file, or a heredoc.
std::string sql_text(const SqlOptions& options) {
  if (!options.sql.empty() && options.sql != "-") return options.sql;
  if (options.sql.empty() && ::isatty(STDIN_FILENO))
    throw Error(ExitCode::usage, "give the SQL as an argument, or pipe it in: factdb sql < query.sql");
  // Read with a bound: standard input may be endless (< /dev/zero).
  std::string text(kMaxSqlBytes + 1, '\0');
  std::cin.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(std::cin.gcount()));
  if (text.size() > kMaxSqlBytes)
    throw Error(ExitCode::usage, fmt::format("the SQL on standard input is longer than {} bytes, the most a statement may be", kMaxSqlBytes));
  if (auto nul = text.find('\0'); nul != std::string::npos)
    throw Error(ExitCode::usage, fmt::format("the SQL on standard input holds a NUL byte (at byte {}); SQL is text", nul + 1));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(ExitCode::usage, "standard input held no SQL");
  return text;
}

void run_sql(const SqlOptions& options) {
  apply_limits(options.timeout_ms, options.max_memory_mb);
  auto sql = sql_text(options);  // before opening: a usage error needs no database
  auto db = open_database(options);
  auto params = parse_params(options.params);
  print_rows(options, [&](RowSink& sink) { db.run_sql(sql, params, sink); });
}

}  // namespace

void setup_sql(CLI::App& app) {
  auto options = std::make_shared<SqlOptions>();
  auto* sub = app.add_subcommand("sql", "Run one read-only SQL statement; writes, ATTACH and pragmas that change state are refused");
  sub->add_option("sql", options->sql, "The SQL, with parameters written :name; read from standard input when left out or -");
  add_param_option(*sub, options->params);
  add_read_options(*sub, *options);
  sub->callback([options] { run_sql(*options); });
}

}  // namespace factdb::cli
