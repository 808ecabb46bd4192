#include "common.h"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "factdb/closest.h"
#include "factdb/error.h"
#include "factdb/output_file.h"
#include "limits.h"
#include "terminal.h"

#include <unistd.h>

namespace factdb::cli {

CLI::Validator whole_number(int min) {
  return CLI::Validator(
      [min](std::string& value) -> std::string {
        errno = 0;
        char* end = nullptr;
        long long n = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || errno == ERANGE || n < min || n > INT_MAX)
          return fmt::format("must be a whole number \u2265 {}{}, not '{}'", min,
                             errno == ERANGE || n > INT_MAX ? fmt::format(" and at most {}", INT_MAX) : "", value);
        return {};
      },
      "");
}

CLI::Validator one_of(const std::vector<std::string>& choices) {
  return CLI::Validator(
      [choices](std::string& value) -> std::string {
        if (std::find(choices.begin(), choices.end(), value) != choices.end()) return {};
        std::string list;
        for (std::size_t i = 0; i < choices.size(); ++i)
          list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
        return fmt::format("must be one of {}, not '{}'{}", list, value, did_you_mean(choices, value));
      },
      "{" + fmt::format("{}", fmt::join(choices, ",")) + "}");
}

void add_read_options(CLI::App& sub, ReadOptions& options) {
  std::vector<std::string> names(format_names().begin(), format_names().end());
  sub.add_option("-f,--format", options.format, "Output format")->capture_default_str()->check(one_of(names));
  sub.add_option("-o,--output", options.output, "Write to this file (replaced whole once written); - for standard output")
      ->capture_default_str();
  add_database_options(sub, options);
}

void add_database_options(CLI::App& sub, ReadOptions& options) {
  sub.add_option("--db", options.db, "The factdb database to read")->capture_default_str();
  sub.add_option("--timeout-ms", options.timeout_ms, "Stop a query after this many milliseconds (0: no limit)")
      ->capture_default_str()
      ->check(whole_number(0));
  sub.add_option("--max-memory-mb", options.max_memory_mb, "Stop a query that needs more memory than this (0: no limit)")
      ->capture_default_str()
      ->check(whole_number(0));
}

void start_reading(const ReadOptions& options) {
  apply_limits(options.timeout_ms, options.max_memory_mb);
  if (options.output != "-") refuse_same_file(options.output, options.db, "the database");
}

Database open_database(const ReadOptions& options) {
  start_reading(options);
  return Database(options.db, database_limits(options.timeout_ms));
}

void add_param_option(CLI::App& sub, std::vector<std::string>& params) {
  sub.add_option("-p,--param", params, "A parameter, NAME=VALUE; repeat for several")->type_name("NAME=VALUE");
}

void add_canned_query_options(CLI::App& sub, CannedQueryOptions& options, bool name_required) {
  sub.add_option("name", options.name, "The canned query, e.g. stand-ins (list them with 'factdb queries')")->required(name_required);
  add_param_option(sub, options.params);
  add_read_options(sub, options);
}

ParamValues parse_params(const std::vector<std::string>& params) {
  ParamValues values;
  for (const auto& p : params) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ExitCode::usage, "parameter '" + p + "' must be written NAME=VALUE");
    auto name = p.substr(0, eq);
    if (std::any_of(values.begin(), values.end(), [&](const auto& v) { return v.first == name; }))
      throw Error(ExitCode::usage, "parameter '" + name + "' is given twice; give each parameter once");
    values.emplace_back(std::move(name), p.substr(eq + 1));
  }
  return values;
}

void write_output(const ReadOptions& options, const std::function<void(std::ostream&)>& write) {
  OutputFile out(options.output);
  write(out.stream());
  out.commit();
}

namespace {
// A table on a terminal gets colour; anything written to a file does not.
TableStyle terminal_style(const ReadOptions& options, TableStyle style) {
  style.colour = options.output == "-" && colour_on(STDOUT_FILENO);
  return style;
}
}  // namespace

void print_rows(const ReadOptions& options, const std::function<void(RowSink&)>& produce) {
  write_output(options, [&](std::ostream& out) {
    auto writer = result_writer(out, *parse_format(options.format), terminal_style(options, {}));
    produce(*writer);
  });
}

void print(const ResultSet& result, const ReadOptions& options, const TableStyle& style) {
  write_output(options, [&](std::ostream& out) {
    write_result(out, result, *parse_format(options.format), terminal_style(options, style));
  });
}

}  // namespace factdb::cli
