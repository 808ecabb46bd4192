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

#include <sys/ioctl.h>
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
  sub.add_option("--columns", options.columns, "Only these columns, in this order: --columns person,office")->delimiter(',');
  sub.add_flag("--wide", options.wide, "On a terminal, do not fit the table to its width");
  sub.add_option("--width", options.width, "Fit the table in this many columns (0: no limit); default: the terminal's width")
      ->check(whole_number(0));
  sub.add_flag("-x,--expanded", options.expanded, "Write a table one record per block");
  sub.add_option("--null", options.null_text, "How NULL reads in a table (default on a terminal: \u2205; elsewhere empty)")
      ->each([&options](const std::string&) { options.null_given = true; });
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

void add_page_options(CLI::App& sub, PageOptions& options) {
  sub.add_option("--limit", options.limit, "At most this many rows (default: all)")->check(whole_number(0));
  sub.add_option("--offset", options.offset, "Skip this many rows first: with --limit, the next page")
      ->capture_default_str()
      ->check(whole_number(0));
}

void add_canned_query_options(CLI::App& sub, CannedQueryOptions& options, bool name_required) {
  sub.add_option("name", options.name, "The canned query, e.g. stand-ins (list them with 'factdb queries')")->required(name_required);
  add_param_option(sub, options.params);
  add_page_options(sub, options);
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
// The terminal's width in columns, or 0 when standard output is not one.
std::size_t terminal_width() {
  if (!isatty(STDOUT_FILENO)) return 0;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* columns = std::getenv("COLUMNS");
  return columns && std::atoi(columns) > 0 ? static_cast<std::size_t>(std::atoi(columns)) : 80;
}

// A table on a terminal gets colour and fits its width, and NULL reads apart
// from the empty string; anything written to a pipe or a file is as it was.
TableStyle terminal_style(const ReadOptions& options, TableStyle style) {
  bool terminal = options.output == "-" && isatty(STDOUT_FILENO);
  style.colour = options.output == "-" && colour_on(STDOUT_FILENO);
  style.width = options.wide ? 0 : options.width >= 0 ? static_cast<std::size_t>(options.width) : terminal ? terminal_width() : 0;
  style.expanded = options.expanded;
  style.null_text = options.null_given ? options.null_text : terminal ? "\u2205" : "";
  return style;
}

// Passes on only the columns asked for, in the order asked.
class ColumnPicker : public RowSink {
 public:
  ColumnPicker(RowSink& next, const std::vector<std::string>& wanted) : next_(next), wanted_(wanted) {}
  void begin(const std::vector<std::string>& columns) override {
    for (const auto& want : wanted_) {
      auto at = std::find(columns.begin(), columns.end(), want);
      if (at == columns.end()) {
        throw Error(ExitCode::usage,
                    fmt::format("--columns: no column '{}'{}", want, did_you_mean_or_list(columns, want, "the columns are")));
      }
      picked_.push_back(static_cast<std::size_t>(at - columns.begin()));
    }
    next_.begin(wanted_);
  }
  void row(const std::vector<Value>& row) override {
    std::vector<Value> kept;
    for (auto i : picked_) kept.push_back(row[i]);
    next_.row(kept);
  }
  void end() override { next_.end(); }

 private:
  RowSink& next_;
  std::vector<std::string> wanted_;
  std::vector<std::size_t> picked_;
};
}  // namespace

void print_rows(const ReadOptions& options, const std::function<void(RowSink&)>& produce) {
  write_output(options, [&](std::ostream& out) {
    auto writer = result_writer(out, *parse_format(options.format), terminal_style(options, {}));
    if (options.columns.empty()) return produce(*writer);
    ColumnPicker picker(*writer, options.columns);
    produce(picker);
  });
}

void print(const ResultSet& result, const ReadOptions& options, const TableStyle& style) {
  if (!options.columns.empty())
    return print_rows(options, [&](RowSink& sink) {
      sink.begin(result.columns);
      for (const auto& row : result.rows) sink.row(row);
      sink.end();
    });
  write_output(options, [&](std::ostream& out) {
    write_result(out, result, *parse_format(options.format), terminal_style(options, style));
  });
}

}  // namespace factdb::cli
