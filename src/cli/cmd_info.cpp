// factdb info: what a database is: versions, sources, and its documented schema.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/schema_doc.h"

namespace factdb::cli {

namespace {

struct InfoOptions : ReadOptions {
  bool schema = false;
  bool schema_markdown = false;
};

void run_info(const InfoOptions& options) {
  auto db = open_database(options);
  if (options.schema_markdown) {
    write_output(options, [&](std::ostream& out) { out << schema_markdown(db); });
    return;
  }
  if (options.schema) {
    print(db.run_sql("SELECT object, column_name AS column, kind, description FROM schema_doc "
                     "ORDER BY object, column_name <> '', rowid"),
          options);
    return;
  }
  print(db.run_sql("SELECT key, value FROM metadata ORDER BY key"), options);
}

}  // namespace

void setup_info(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  auto* sub = app.add_subcommand("info", "Which factdb wrote the database, its schema version and its sources' SHA-256");
  auto* schema = sub->add_flag("--schema", options->schema, "Describe every table, view and column instead");
  sub->add_flag("--schema-markdown", options->schema_markdown, "The same, as the Markdown document docs/schema.md")
      ->excludes(schema);
  add_read_options(*sub, *options);
  sub->callback([options] { run_info(*options); });
}

}  // namespace factdb::cli
