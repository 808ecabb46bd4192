// What a factdb database must hold to be trusted: exactly the tables,
// indexes, views and triggers this factdb writes for its schema version, and
// exactly its canned queries.
#pragma once

#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace factdb {

// One row of sqlite_schema, without its root page.
struct SchemaObject {
  std::string type;   // "table", "index", "view" or "trigger"
  std::string name;
  std::string table;  // tbl_name
  std::string sql;    // NULL in sqlite_schema (automatic indexes) reads as ""
};

// SQL whose rows are the tables (virtual ones included) and views of a
// database's main schema that are its own, not SQLite's and not the shadow
// tables an FTS5 index keeps: columns name, type ('table' or 'view') and
// position (creation order). Select from it as a subquery.
extern const char* const kOwnObjectsSql;

// The schema a build writes, in creation order: schema.sql, the indexes and
// the view of every canned query without required parameters. Built once per
// process in an in-memory database by the same code the build runs.
const std::vector<SchemaObject>& reference_schema();

// Creates the view of canned query `q` (which must have one) on `db`: the
// build and reference_schema() both call this, so their SQL is the same.
struct CannedQuery;
void create_canned_view(SQLite::Database& db, const CannedQuery& q);

// How `db`'s schema differs from reference_schema(): one line per object
// that is missing, added or changed (its SQL differs), in a stable order.
// Empty when they are the same. Throws SQLite::Exception when sqlite_schema
// cannot be read.
std::vector<std::string> schema_differences(SQLite::Database& db);

// How `db`'s canned_query rows differ from the queries compiled into this
// factdb: one line per query missing, added or changed (title, description,
// SQL, parameters, columns or examples). Empty when they are the same.
// Throws SQLite::Exception when canned_query cannot be read.
std::vector<std::string> canned_query_differences(SQLite::Database& db);

// Throws Error(bad_data) naming `file_name` and the first difference when
// schema_differences or canned_query_differences finds any.
void require_factdb_schema(SQLite::Database& db, const std::string& file_name);

}  // namespace factdb
