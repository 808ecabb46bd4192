// Reading a factdb .db: opened read-only, with every query sandboxed.
#pragma once

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "factdb/canned_query.h"
#include "factdb/error.h"
#include "factdb/result.h"

namespace factdb {

// PRAGMA user_version of the databases this factdb writes and reads.
constexpr int kSchemaVersion = 5;
// PRAGMA application_id of every factdb database: "fact" in ASCII.
constexpr std::int32_t kApplicationId = 0x66616374;

// The longest SQL statement a Database compiles (SQLITE_LIMIT_SQL_LENGTH).
constexpr std::size_t kMaxSqlBytes = 1'000'000;

// What a query may use before it is stopped. Memory is not limited here:
// SQLite's only memory limit is process-wide, which is the program's policy
// to set (sqlite3_hard_heap_limit64), not a library's.
struct Limits {
  int timeout_ms = 10000;  // wall-clock time per statement; 0: none
  // When every statement together must have ended, whatever timeout_ms says:
  // one budget for a command that runs many statements.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// What opening a database demands of its schema.
enum class SchemaPolicy {
  // Exactly the tables, indexes, views, triggers and canned queries this
  // factdb writes for its schema version, in rollback-journal mode: anything
  // else is refused, so no query reads a view or a canned query someone
  // rewrote. What every reading command uses.
  require_factdb,
  // Opened whatever its schema or journal mode, for `factdb check` to report
  // what differs. A WAL file is opened immutable, so no -wal or -shm file is
  // ever created beside it.
  inspect,
};

// NAME=VALUE pairs as the user typed them, in order.
using ParamValues = std::vector<std::pair<std::string, std::string>>;

// An open factdb database, hardened as SQLite's guidance for untrusted SQL
// and untrusted files asks: opened read-only (a missing file is never
// created), defensive mode, trusted_schema off, cell_size_check on, no
// extension loading, tightened sqlite3_limit values, and an authorizer that
// lets through reads only: writes, ATTACH, state-changing pragmas,
// transactions and functions that reach outside the file are refused with a
// message saying what and why. Every statement runs under `limits`.
// Empty when `sql` is exactly one read-only SELECT (WITH and VALUES
// included), with nothing after it but blanks and comments; otherwise what
// it is instead: SQL that does not compile, several statements, a write, or
// a statement of another kind (PRAGMA, VACUUM, ...).
std::string select_problem(SQLite::Database& db, const std::string& sql);

// Which rows of an answer to keep: `offset` rows are skipped, then at most
// `limit` kept (all when unset). SQLite stops as soon as the page is full.
// Every canned query orders its rows completely, so page k+1 continues page
// k; ad hoc SQL pages as its own ORDER BY does.
struct Page {
  std::uint64_t offset = 0;
  std::optional<std::uint64_t> limit;
};

class Database {
 public:
  // `path` is a file name, never a URI. Throws Error(missing_file) when it
  // does not exist, cannot be read, or is not a regular file (a folder, FIFO
  // or device is refused before it is opened, so nothing blocks);
  // Error(bad_data) when it is not a SQLite database, not a factdb database,
  // of a schema version this factdb does not read, or (with
  // SchemaPolicy::require_factdb) in WAL mode or with a schema or canned
  // queries other than this factdb's.
  explicit Database(const std::filesystem::path& path, Limits limits = {},
                    SchemaPolicy policy = SchemaPolicy::require_factdb);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs exactly one read-only SQL statement. Throws Error(time_limit) when
  // it exceeds the time limit, Error(memory_limit) when SQLite runs out of
  // memory (its heap limit, when the program set one). Named parameters (:name, @name,
  // $name) are bound from `params`: a value that is a whole number binds as
  // INTEGER, one that is a decimal number as REAL, anything else as TEXT.
  // Throws Error(usage) for a missing or unknown parameter, Error(sql) for SQL
  // that does not compile, fails, or is refused by the sandbox.
  ResultSet run_sql(const std::string& sql, const ParamValues& params = {}, const Page& page = {});
  // The same, handing each row to `sink` as it comes instead of keeping them.
  void run_sql(const std::string& sql, const ParamValues& params, RowSink& sink, const Page& page = {});

  // Runs the canned query `name` stored in the database, converting each
  // parameter to its declared type and filling in defaults; only the rows of
  // `page`. Throws Error(usage) for an unknown query, a missing, unknown or
  // mistyped parameter, Error(sql) when its SQL fails.
  ResultSet run_canned(const std::string& name, const ParamValues& params = {}, const Page& page = {});
  // The same, handing each row to `sink` as it comes.
  void run_canned(const std::string& name, const ParamValues& params, RowSink& sink, const Page& page = {});
  // What the last run_canned tells its reader beside the rows: words of a
  // name that fit several entities, all of which the answer holds.
  const std::vector<std::string>& notes() const { return notes_; }

  // The canned queries stored in the database, sorted by name.
  std::vector<CannedQuery> canned_queries();

  int schema_version() const { return schema_version_; }
  // True for a file in WAL mode (opened only with SchemaPolicy::inspect).
  bool wal_mode() const { return wal_mode_; }
  std::int32_t application_id() const { return application_id_; }
  const std::filesystem::path& path() const { return path_; }

  // The underlying connection, sandbox included.
  SQLite::Database& sqlite() { return *db_; }

  struct Sandbox;  // the authorizer's state; opaque

 private:
  // One statement's time: the sooner of timeout_ms from now and the
  // deadline, for as long as it lives.
  class Budget {
   public:
    explicit Budget(Database& db);
    ~Budget();
    Budget(const Budget&) = delete;
    Budget& operator=(const Budget&) = delete;

   private:
    Sandbox& sandbox_;
    std::chrono::steady_clock::time_point after_;
  };

  Error time_limit_error() const;
  Error canned_query_error(const SQLite::Exception& e) const;
  void run(const std::string& sql, const std::vector<std::pair<std::string, Value>>& bound, RowSink& sink, const Page& page = {});
  // Throws Error(usage) when `param` names an article or event id, or an
  // entity kind, that `value` is not.
  void refuse_unknown_id(const std::string& param, const Value& value);
  // For each parameter `q` looks up in the index of names: throws
  // Error(usage) naming the closest names when the words fit no entity,
  // and adds a note when they fit several.
  void check_names(const CannedQuery& q, const std::vector<std::pair<std::string, Value>>& bound);
  std::vector<std::string> notes_;

  std::filesystem::path path_;
  Limits limits_;
  std::unique_ptr<Sandbox> sandbox_;  // outlives db_, whose authorizer and progress handler point at it
  std::unique_ptr<SQLite::Database> db_;
  int schema_version_ = 0;
  std::int32_t application_id_ = 0;
  bool wal_mode_ = false;
};

}  // namespace factdb
