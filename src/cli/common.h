// Options and output shared by the subcommands that read a database.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "factdb/database.h"
#include "factdb/format.h"
#include "factdb/result.h"

namespace factdb::cli {

// CLI11's own validators word their errors for programmers ("Value abc not in
// range 0.000000 to 1797..."); these say what a value must be, and CLI11
// prefixes the option's name.
// A whole number from `min` up: "must be a whole number ≥ 0, not 'abc'".
CLI::Validator whole_number(int min);
// One of `choices`: "must be one of a, b or c, not 'x'; did you mean ...?".
// Its description keeps CLI11's "{a,b,c}", which completion reads.
CLI::Validator one_of(const std::vector<std::string>& choices);

// --db and --format, as every reading subcommand takes them.
struct ReadOptions {
  std::string db = "facts.db";
  std::string format = "table";
  std::string output = "-";  // "-": standard output
  int timeout_ms = Limits{}.timeout_ms;
  int max_memory_mb = 512;
  // How a table reads on a terminal: fitted to its width unless wide; picked
  // columns; one record per block; NULL apart from the empty string.
  bool wide = false;
  int width = -1;  // -1: the terminal's width on a terminal, else none
  bool expanded = false;
  std::vector<std::string> columns;
  std::string null_text;
  bool null_given = false;
};
void add_read_options(CLI::App& sub, ReadOptions& options);

// --db and the limits alone, for a subcommand with a format and output of its own.
void add_database_options(CLI::App& sub, ReadOptions& options);

// Puts the command under the options' limits (see apply_limits) and refuses
// an output that would overwrite the database: what every reading command
// does first.
void start_reading(const ReadOptions& options);

// The database the options name, opened after start_reading.
Database open_database(const ReadOptions& options);

// -p NAME=VALUE, repeatable.
void add_param_option(CLI::App& sub, std::vector<std::string>& params);

// A canned query by name with its parameters, and the read options: what
// query and why take.
// --limit and --offset: which page of an answer to show.
struct PageOptions {
  std::int64_t limit = -1;  // -1: every row
  std::int64_t offset = 0;
  Page page() const { return {static_cast<std::uint64_t>(offset), limit < 0 ? std::nullopt : std::optional<std::uint64_t>(limit)}; }
};
void add_page_options(CLI::App& sub, PageOptions& options);

struct CannedQueryOptions : ReadOptions, PageOptions {
  std::string name;
  std::vector<std::string> params;
};
// `name_required`: false where leaving the name out lists the queries.
void add_canned_query_options(CLI::App& sub, CannedQueryOptions& options, bool name_required = true);

// factdb queries: the canned queries with their titles and parameters.
void list_queries(const ReadOptions& options);

// Splits each NAME=VALUE at its first '='. Throws Error(usage) for one without '='.
ParamValues parse_params(const std::vector<std::string>& params);

// Writes `result` in the format the options name to their output: standard
// output, or a file replaced whole once written.
void print(const ResultSet& result, const ReadOptions& options, const TableStyle& style = {});

// Runs `produce` with a sink that writes each row to the options' output as
// it comes (a table is written once all rows are in), then completes it.
void print_rows(const ReadOptions& options, const std::function<void(RowSink&)>& produce);

// Runs `write` on the options' output stream, then completes the output.
void write_output(const ReadOptions& options, const std::function<void(std::ostream&)>& write);

}  // namespace factdb::cli
