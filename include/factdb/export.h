// Exporting a factdb database to the formats other tools read.
#pragma once

#include <filesystem>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "factdb/database.h"

namespace factdb {

enum class ExportFormat {
  csv,        // a folder: one RFC 4180 file per table (and per canned query)
  json,       // a folder: one array of objects per table
  jsonl,      // a folder: one object per line per table
  sql,        // one file of SQL that rebuilds the database in the sqlite3 shell
  postgres,   // one file for psql: tables, data, keys, indexes, the canned queries as functions and views
  datasette,  // one Datasette metadata file: titles, descriptions, canned queries
  web,        // a folder: a page that reads the .db in the browser (SQLite in WebAssembly), and the .db
  html,       // one self-contained page: the same, script, WebAssembly and database inlined
};

// The names --format accepts, in the order help lists them.
const std::vector<std::string_view>& export_format_names();
std::optional<ExportFormat> parse_export_format(std::string_view name);

// True for the formats written as a folder of files rather than one file
// (csv, json, jsonl, web).
bool exports_to_folder(ExportFormat format);

// The file every export folder holds: what was written, with row counts.
constexpr const char* kExportManifest = "export.json";

// The tables an export covers, in the order the schema creates them: every
// table of the file, the full-text index included, but not SQLite's own nor
// the full-text index's internal tables.
std::vector<std::string> exported_tables(Database& db);

// Writes one file per table into the folder `target` (and with `queries`, one
// per canned query that needs no parameter, under queries/), and the manifest.
// The folder is written beside `target` and put in its place once complete.
// Throws Error(usage) for a `format` that is not csv, json or jsonl, or a
// target that is a file or a folder of other files; Error(missing_file) when
// it cannot be written.
void export_tables(Database& db, const std::filesystem::path& target, ExportFormat format, bool queries);

// SQL that rebuilds `db` in the sqlite3 shell (sqlite3 new.db < dump.sql):
// its application id and version, every table with its rows, the full-text
// index, indexes and views, in one transaction.
void export_sqlite_sql(Database& db, std::ostream& out);

// A script for psql that loads `db` into PostgreSQL: every table with its
// keys, rows (COPY) and indexes, and each canned query as a function of its
// parameters, plus a view for those that need none. See postgres_sql for how
// the queries are translated; search is PostgreSQL full-text search.
void export_postgres(Database& db, std::ostream& out);

// A canned query's SQLite SQL as PostgreSQL reads it: NOT INDEXED dropped,
// CROSS JOIN ... ON as JOIN ... ON, LIKE as ILIKE (SQLite's LIKE ignores
// case), and an alias for every subquery in FROM. group_concat is defined by
// the export itself. Strings and comments are left as they are.
std::string postgres_sql(std::string_view sqlite_sql);

// A Datasette metadata document (datasette FILE.db -m metadata.json) that
// describes every table and column and carries every canned query, its SQL
// adapted to how Datasette passes parameters (an empty field is text '',
// which the queries read as "left out"). `database_name` is the name
// Datasette gives the file: its name without .db.
void export_datasette(Database& db, std::ostream& out, const std::string& database_name);

// A folder any static web server (or python3 -m http.server) serves as a
// page that answers from `db` with no server of its own: index.html, its
// script and style, SQLite compiled to WebAssembly (npm's
// @sqlite.org/sqlite-wasm, compiled into factdb) and the database, opened
// read-only in the browser. The page opens with the canned query `headline`
// (default: stand-ins, else the first). Written beside `target` and put in
// its place once complete, as export_tables does; no file of it is fetched
// from anywhere else.
void export_web(Database& db, const std::filesystem::path& target, const std::string& headline = {});

// The largest database a single-file page holds: base64 makes it a third
// larger, and the browser holds it twice while it opens.
constexpr std::uintmax_t kHtmlMaxDatabaseBytes = 50'000'000;

// The same page as one self-contained HTML file that opens from disk
// (file://): script, WebAssembly and database inlined. Throws Error(usage)
// for a database larger than kHtmlMaxDatabaseBytes.
void export_html(Database& db, std::ostream& out, const std::string& headline = {});

// The SQL of a canned query as Datasette should run it: each optional
// parameter read as NULL when empty, defaults applied, integers cast.
std::string datasette_sql(const CannedQuery& query);

}  // namespace factdb
