#include "factdb/check.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <future>

#include "factdb/canned_query.h"
#include "factdb/database.h"
#include "factdb/schema.h"
#include <fmt/ranges.h>
#include "factdb/sha256.h"

namespace factdb {

namespace {

std::int64_t count(SQLite::Database& db, const char* sql) { return db.execAndGet(sql).getInt64(); }

CheckResult schema_version(SQLite::Database& db) {
  auto version = db.execAndGet("PRAGMA user_version").getInt();
  auto app = db.execAndGet("PRAGMA application_id").getInt();
  bool ok = version == kSchemaVersion && app == kApplicationId;
  return {"schema version", ok,
          ok ? fmt::format("version {}", version)
             : fmt::format("version {} with application_id {}; this factdb reads version {} with application_id {}", version,
                           app, kSchemaVersion, kApplicationId)};
}

CheckResult integrity(SQLite::Database& db) {
  SQLite::Statement stmt(db, "PRAGMA integrity_check");
  std::string problems;
  while (stmt.executeStep()) {
    std::string line = stmt.getColumn(0).getString();
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
  }
  return {"integrity", problems.empty(), problems.empty() ? "PRAGMA integrity_check: ok" : problems};
}

CheckResult foreign_keys(SQLite::Database& db) {
  SQLite::Statement stmt(db, "PRAGMA foreign_key_check");
  std::int64_t n = 0;
  std::string first;
  while (stmt.executeStep()) {
    if (n++ == 0)
      first = fmt::format("{} row {} refers to a missing {}", stmt.getColumn(0).getString(), stmt.getColumn(1).getString(),
                          stmt.getColumn(2).getString());
  }
  return {"foreign keys", n == 0, n == 0 ? "every reference resolves" : fmt::format("{} dangling reference(s); first: {}", n, first)};
}

CheckResult evidence(SQLite::Database& db) {
  auto total = count(db, "SELECT count(*) FROM evidence");
  SQLite::Statement bad(db,
                        "SELECT e.id, e.article_id, e.start FROM evidence e LEFT JOIN article a ON a.id = e.article_id "
                        "WHERE a.text IS NULL OR substr(a.text, e.start, e.length) IS NOT e.quote ORDER BY e.id");
  std::int64_t n = 0;
  std::string first;
  while (bad.executeStep())
    if (n++ == 0)
      first = fmt::format("evidence {} ({} at {})", bad.getColumn(0).getInt64(), bad.getColumn(1).getString(),
                          bad.getColumn(2).getInt64());
  return {"evidence", n == 0,
          n == 0 ? fmt::format("all {} spans match their article verbatim", total)
                 : fmt::format("{} of {} spans do not match their article; first: {}", n, total, first)};
}

CheckResult article_hashes(SQLite::Database& db) {
  SQLite::Statement stmt(db, "SELECT id, sha256, text FROM article ORDER BY id");
  std::int64_t n = 0;
  std::string bad;
  while (stmt.executeStep()) {
    ++n;
    if (sha256_hex(stmt.getColumn(2).getString()) != stmt.getColumn(1).getString())
      bad += (bad.empty() ? "" : ", ") + stmt.getColumn(0).getString();
  }
  return {"article hashes", bad.empty(),
          bad.empty() ? fmt::format("{} article(s) match their SHA-256", n) : "text does not match its SHA-256: " + bad};
}

CheckResult fact_support(SQLite::Database& db) {
  auto unsupported = count(db,
                           "SELECT count(*) FROM fact f WHERE f.annotation_source_id IS NULL "
                           "AND NOT EXISTS (SELECT 1 FROM citation c WHERE c.fact_id = f.id)");
  auto both = count(db,
                    "SELECT count(*) FROM fact f WHERE f.annotation_source_id IS NOT NULL "
                    "AND EXISTS (SELECT 1 FROM citation c WHERE c.fact_id = f.id)");
  auto total = count(db, "SELECT count(*) FROM fact");
  bool ok = unsupported == 0 && both == 0;
  return {"fact support", ok,
          ok ? fmt::format("all {} facts cite the article or an annotation source", total)
             : fmt::format("{} fact(s) with neither citation nor annotation, {} with both", unsupported, both)};
}

CheckResult schema(SQLite::Database& db) {
  auto differences = schema_differences(db);
  return {"schema", differences.empty(),
          differences.empty() ? fmt::format("every table, index, view and trigger is as factdb {} writes it", FACTDB_VERSION)
                              : fmt::format("{}", fmt::join(differences, "; "))};
}

CheckResult canned_queries(SQLite::Database& db) {
  std::vector<CannedQuery> queries;
  try {
    queries = read_canned_queries(db);
  } catch (const std::exception& e) {
    return {"canned queries", false, e.what()};
  }
  std::vector<std::string> problems;
  for (const auto& q : queries)
    if (auto problem = select_problem(db, q.sql); !problem.empty()) problems.push_back(fmt::format("{}: {}", q.name, problem));
  auto differences = canned_query_differences(db);
  problems.insert(problems.end(), differences.begin(), differences.end());
  return {"canned queries", problems.empty(),
          problems.empty() ? fmt::format("{} queries, each one read-only SELECT, as factdb {} ships them", queries.size(), FACTDB_VERSION)
                           : fmt::format("{}", fmt::join(problems, "; "))};
}

CheckResult documentation(SQLite::Database& db) {
  // Every table, view and column must have a description; FTS5's own shadow tables are internal.
  auto missing = db.execAndGet(
                       "SELECT count(*) FROM sqlite_schema o JOIN pragma_table_info(o.name) c "
                       "WHERE o.type IN ('table', 'view') AND o.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                       "AND o.name NOT LIKE 'search\\_index\\_%' ESCAPE '\\' "
                       "AND NOT EXISTS (SELECT 1 FROM schema_doc d WHERE d.object = o.name AND d.column_name = c.name "
                       "AND d.description <> '')")
                     .getInt64();
  auto objects = db.execAndGet(
                       "SELECT count(*) FROM sqlite_schema o WHERE o.type IN ('table', 'view') "
                       "AND o.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND o.name NOT LIKE 'search\\_index\\_%' ESCAPE '\\' "
                       "AND NOT EXISTS (SELECT 1 FROM schema_doc d WHERE d.object = o.name AND d.column_name = '' "
                       "AND d.description <> '')")
                     .getInt64();
  bool ok = missing == 0 && objects == 0;
  return {"documentation", ok,
          ok ? "every table, view and column is described in schema_doc"
             : fmt::format("{} table(s) or view(s) and {} column(s) lack a description in schema_doc", objects, missing)};
}

}  // namespace

namespace {

using Check = CheckResult (*)(SQLite::Database&);

template <std::size_t N>
std::vector<CheckResult> run_checks(SQLite::Database& db, const std::pair<const char*, Check> (&checks)[N]) {
  std::vector<CheckResult> results;
  for (const auto& [name, check] : checks) {
    try {
      results.push_back(check(db));
    } catch (const SQLite::Exception& e) {  // a table missing or damaged: that check fails, the others still run
      results.push_back({name, false, e.what()});
    }
  }
  return results;
}

}  // namespace

std::vector<CheckResult> check_connection(SQLite::Database& db) {
  static constexpr std::pair<const char*, Check> checks[] = {
      {"schema version", schema_version}, {"integrity", integrity},         {"foreign keys", foreign_keys},
      {"evidence", evidence},             {"article hashes", article_hashes}, {"fact support", fact_support},
      {"schema", schema},                 {"canned queries", canned_queries}, {"documentation", documentation}};
  return run_checks(db, checks);
}

std::vector<CheckResult> check_content(SQLite::Database& db) {
  static constexpr std::pair<const char*, Check> checks[] = {
      {"schema version", schema_version}, {"evidence", evidence},           {"article hashes", article_hashes},
      {"fact support", fact_support},     {"schema", schema},                 {"canned queries", canned_queries},
      {"documentation", documentation}};
  // The foreign-key check takes as long as all the others together: it runs
  // on a connection of its own, on the other core, when the file has a name.
  static constexpr std::pair<const char*, Check> fk_check[] = {{"foreign keys", foreign_keys}};
  const std::string path = db.getFilename();
  auto fk = std::async(path.empty() ? std::launch::deferred : std::launch::async, [&db, &path] {
    if (path.empty()) return run_checks(db, fk_check).front();
    try {
      SQLite::Database reader(path, SQLite::OPEN_READONLY);
      return run_checks(reader, fk_check).front();
    } catch (const SQLite::Exception& e) {
      return CheckResult{"foreign keys", false, e.what()};
    }
  });
  auto results = run_checks(db, checks);
  results.insert(results.begin() + 1, fk.get());
  return results;
}

std::vector<CheckResult> check_database(const std::filesystem::path& path, Limits limits) {
  // A version this factdb does not read is refused, not half-checked; any
  // other schema is opened, so that what differs can be reported.
  Database reader(path, limits, SchemaPolicy::inspect);
  auto results = check_connection(reader.sqlite());
  results.insert(results.begin() + 1,
                 CheckResult{"journal mode", !reader.wal_mode(),
                             reader.wal_mode() ? "WAL: factdb writes and reads rollback-journal files only; "
                                                 "convert it with PRAGMA journal_mode=DELETE (its -wal file was not read)"
                                               : "rollback journal"});
  return results;
}

}  // namespace factdb
