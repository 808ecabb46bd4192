// factdb export: the database as files other tools read.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/error.h"
#include "factdb/export.h"
#include "factdb/output_file.h"

namespace factdb::cli {

namespace {

namespace fs = std::filesystem;

struct ExportOptions : ReadOptions {
  std::string export_format;
  bool queries = false;
  bool quiet = false;
  std::string headline;
};

void run_export(const ExportOptions& options) {
  auto format = *parse_export_format(options.export_format);
  if (exports_to_folder(format) && options.output == "-")
    throw Error(ExitCode::usage, fmt::format("--format {} writes a folder of files: give it with -o FOLDER", options.export_format));
  bool tables = format == ExportFormat::csv || format == ExportFormat::json || format == ExportFormat::jsonl;
  if (!tables && options.queries)
    throw Error(ExitCode::usage, "--queries adds a file per canned query to a csv, json or jsonl export");
  if (format != ExportFormat::web && format != ExportFormat::html && !options.headline.empty())
    throw Error(ExitCode::usage, "--headline chooses the question a web or html export opens with");
  auto db = open_database(options);
  switch (format) {
    case ExportFormat::csv:
    case ExportFormat::json:
    case ExportFormat::jsonl: {
      export_tables(db, options.output, format, options.queries);
      auto manifest = fs::path(options.output) / kExportManifest;
      if (!options.quiet)
        std::cout << fmt::format("wrote {}: a file per table{}; what each holds is in {}\n", options.output,
                               options.queries ? " and per canned query" : "", manifest.string());
      break;
    }
    case ExportFormat::sql: write_output(options, [&](std::ostream& out) { export_sqlite_sql(db, out); }); break;
    case ExportFormat::postgres: write_output(options, [&](std::ostream& out) { export_postgres(db, out); }); break;
    case ExportFormat::datasette:
      write_output(options, [&](std::ostream& out) { export_datasette(db, out, db.path().stem().string()); });
      break;
    case ExportFormat::web:
      export_web(db, options.output, options.headline);
      if (!options.quiet)
        std::cout << fmt::format("wrote {}: open {} from any static web server (python3 -m http.server -d {})\n", options.output,
                                 (fs::path(options.output) / "index.html").string(), options.output);
      break;
    case ExportFormat::html: write_output(options, [&](std::ostream& out) { export_html(db, out, options.headline); }); break;
  }
}

}  // namespace

void setup_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  options->timeout_ms = 0;  // an export reads everything: no time limit unless one is asked for
  auto* sub = app.add_subcommand("export", "Write the database as files other tools read: CSV, JSON, SQL for SQLite or PostgreSQL, Datasette metadata, a web page");
  std::vector<std::string> names(export_format_names().begin(), export_format_names().end());
  sub->add_option("--format", options->export_format,
                  "csv, json or jsonl: a folder with a file per table; sql: a script that rebuilds the database in the "
                  "sqlite3 shell; postgres: a script for psql; datasette: metadata for datasette -m; web: a folder holding a "
                  "page that answers in the browser; html: the same page as one file that opens from disk")
      ->required()
      ->check(one_of(names));
  sub->add_flag("--queries", options->queries, "Also a file per canned query that needs no parameter, under queries/");
  sub->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
  sub->add_option("--headline", options->headline, "web, html: the canned query the page answers when it opens (default: stand-ins)");
  sub->add_option("-o,--output", options->output,
                  "The folder (csv, json, jsonl, web) or the file (sql, postgres, datasette, html) to write; - for standard output")
      ->capture_default_str();
  add_database_options(*sub, *options);
  sub->callback([options] { run_export(*options); });
}

}  // namespace factdb::cli
