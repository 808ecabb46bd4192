// Verifying a factdb database: what `factdb check` reports.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "factdb/database.h"

namespace SQLite {
class Database;
}

namespace factdb {

struct CheckResult {
  std::string name;    // e.g. "evidence"
  bool ok = false;
  std::string detail;  // what was checked, or what is wrong
};

// Runs every check on an open connection: schema version, SQLite's integrity
// and foreign-key checks, the evidence contract (substr(article.text, start,
// length) = quote for every evidence row), each article's SHA-256, that every
// fact rests on a citation or an annotation, that the schema (tables,
// indexes, views, triggers) is exactly the one this factdb writes, and that
// every canned query is one read-only SELECT and the one it ships. Never
// throws for a failed check; only for a connection that cannot be read at
// all (SQLite::Exception).
std::vector<CheckResult> check_connection(SQLite::Database& db);

// The checks of check_connection that concern what the file holds, not the
// file itself: all but SQLite's integrity check. What a build runs.
std::vector<CheckResult> check_content(SQLite::Database& db);

// Opens `path` read-only, whatever its schema or journal mode, and runs
// check_connection on it under `limits`, adding whether the file is in
// rollback-journal mode. Throws like factdb::Database's constructor for a
// file that is missing, not a regular file, not factdb's, or of a schema
// version this factdb does not read.
std::vector<CheckResult> check_database(const std::filesystem::path& path, Limits limits = {});

}  // namespace factdb
