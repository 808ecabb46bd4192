#include "factdb/build.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>

#include "factdb/canned_query.h"
#include "factdb/check.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/output_file.h"
#include "factdb/schema.h"
#include "factdb/schema_doc.h"
#include "factdb/builtin_queries.h"
#include "paths.h"
#include "resources.h"
#include "seed/staging.h"
#include "seed_loader.h"

namespace fs = std::filesystem;

namespace factdb {

namespace {

void store_canned_queries(SQLite::Database& db) {
  SQLite::Statement insert(db,
                           "INSERT INTO canned_query (name, title, description, sql, params, columns, examples) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& q : builtin_canned_queries()) {
    std::vector<std::string> columns;
    try {
      SQLite::Statement compiled(db, q.sql);
      for (int i = 0; i < compiled.getColumnCount(); ++i) columns.emplace_back(compiled.getColumnName(i));
    } catch (const SQLite::Exception& e) {
      throw Error(ExitCode::internal, fmt::format("canned query '{}' does not compile: {}", q.name, e.what()));
    }
    std::vector<std::string> documented;
    for (const auto& c : q.columns) documented.push_back(c.name);
    if (columns != documented)
      throw Error(ExitCode::internal, fmt::format("canned query '{}' documents columns ({}) but returns ({})", q.name,
                                                  fmt::join(documented, ", "), fmt::join(columns, ", ")));
    insert.bind(1, q.name);
    insert.bind(2, q.title);
    insert.bind(3, q.description);
    insert.bind(4, q.sql);
    insert.bind(5, params_to_json(q.params));
    insert.bind(6, columns_to_json(q.columns));
    insert.bind(7, examples_to_json(q.examples));
    insert.exec();
    insert.reset();
    if (q.has_view()) create_canned_view(db, q);
  }
}

// Which factdb wrote the file, for which schema, from which sources. A time
// only when SOURCE_DATE_EPOCH gives one: the same seed must give the same bytes.
void store_metadata(SQLite::Database& db) {
  SQLite::Statement insert(db, "INSERT INTO metadata (key, value) VALUES (?, ?)");
  auto put = [&](const std::string& key, const std::string& value) {
    insert.bind(1, key);
    insert.bind(2, value);
    insert.exec();
    insert.reset();
  };
  put("factdb_version", FACTDB_VERSION);
  put("schema_version", std::to_string(kSchemaVersion));
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    auto seconds = std::strtoll(epoch, &end, 10);
    if (*epoch == '\0' || *end != '\0' || seconds < 0)
      throw Error(ExitCode::usage, fmt::format("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{}'", epoch));
    auto time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    put("built_at", text);
  }
  SQLite::Statement articles(db, "SELECT id, sha256 FROM article ORDER BY id");
  std::vector<std::pair<std::string, std::string>> hashes;
  while (articles.executeStep()) hashes.emplace_back(articles.getColumn(0).getString(), articles.getColumn(1).getString());
  for (const auto& [id, sha] : hashes) put("article_sha256:" + id, sha);
}

// Descriptions of every table, view and column, for schema_doc.
void store_schema_doc(SQLite::Database& db) {
  auto entries = parse_schema_comments(resources::schema_sql());
  for (const auto& q : builtin_canned_queries()) {
    if (!q.has_view()) continue;
    auto view = view_name(q.name);
    entries.push_back({view, "", "view", fmt::format("Canned query {}: {}. {}", q.name, q.title, q.description)});
    for (const auto& c : q.columns) entries.push_back({view, c.name, "column", c.description});
  }
  SQLite::Statement insert(db, "INSERT INTO schema_doc (object, column_name, kind, description) VALUES (?, ?, ?, ?)");
  for (const auto& e : entries) {
    insert.bind(1, e.object);
    insert.bind(2, e.column);
    insert.bind(3, e.kind);
    insert.bind(4, e.description);
    insert.exec();
    insert.reset();
  }
}

BuildSummary summarize(SQLite::Database& db) {
  BuildSummary summary;
  std::vector<std::string> tables;
  SQLite::Statement list(db, fmt::format("SELECT name FROM ({}) WHERE type = 'table' ORDER BY position", kOwnObjectsSql));
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  for (const auto& t : tables)
    summary.table_rows.emplace_back(t, db.execAndGet(fmt::format("SELECT count(*) FROM \"{}\"", t)).getInt64());
  return summary;
}

// A build never writes over what it reads: sources.toml, or anything inside
// an article folder (facts.toml, the article's text), however the output is
// spelled or linked.
void refuse_output_in_seed(const fs::path& seed_dir, const fs::path& output) {
  auto below = path_within(seed_dir, output);
  if (!below || below->empty()) return;  // not inside the seed folder (or no seed folder: the loader says so)
  auto first = below->begin()->string();
  bool article = std::next(below->begin()) != below->end() && first[0] != '.';
  if (article || *below == "sources.toml")
    throw Error(ExitCode::usage, fmt::format("{}: is {} of the seed folder {}; the build would write over what it reads",
                                             output.string(), article ? "inside the article folder " + first : "sources.toml",
                                             seed_dir.string()));
}

BuildSummary build_once(const fs::path& seed_dir, const fs::path& output, const BuildProgress& progress,
                        seed::RowOrder order, const seed::SharedIds& shared) {
  TemporaryFile temp(output);
  BuildSummary summary;
  auto phase_start = std::chrono::steady_clock::now();
  const char* const phases[] = {"read, check and stage the articles", "sort the staged rows into their tables", "create the indexes",
                                "index every name, store queries and metadata", "check the file written",
                                "count, flush to disk and rename"};
  auto phase_done = [&] {
    auto now = std::chrono::steady_clock::now();
    summary.phase_seconds.emplace_back(phases[summary.phase_seconds.size()],
                                       std::chrono::duration<double>(now - phase_start).count());
    phase_start = now;
    auto next = summary.phase_seconds.size();
    if (progress.phase && next < std::size(phases)) progress.phase(phases[next]);
  };
  try {
    // One thread at a time uses the connection (the writer, then this one):
    // SQLite's own locking around every call would only cost time.
    auto db = std::make_unique<SQLite::Database>(temp.path().string(),
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    // The temporary file is thrown away on failure, so it needs no journal.
    // The loader resolves every reference itself; SQLite's foreign-key check
    // runs once over the finished file instead of at every insert. A 32 MB
    // page cache serves the copies of the staged tables, the indexes and the
    // checks. Staged rows wait in the temporary database: on disk, whatever
    // SQLite was compiled to prefer, as they can outgrow memory.
    db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768;"
             "PRAGMA temp_store = FILE;");
    db->exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId, kSchemaVersion));
    db->exec(std::string(resources::schema_sql()));
    {
      SQLite::Transaction transaction(*db);
      seed::load_seed(*db, seed_dir, order, shared, {progress.articles, phase_done});
      phase_done();
      db->exec(std::string(resources::indexes_sql()));
      phase_done();
      db->exec(std::string(resources::derived_sql()));
      store_canned_queries(*db);
      store_metadata(*db);
      store_schema_doc(*db);
      transaction.commit();
      phase_done();
    }
    // The file SQLite has just written needs no integrity scan (factdb check
    // runs one); what the build must prove is the contract of its content.
    for (const auto& result : check_content(*db))
      if (!result.ok)
        throw Error(ExitCode::internal, fmt::format("the database written fails its check '{}': {}", result.name, result.detail));
    phase_done();
    summary.table_rows = summarize(*db).table_rows;
    // A single self-contained file: rollback journal, no free pages. A build
    // only appends, so there are none to reclaim unless SQLite left some.
    db->exec("PRAGMA journal_mode = DELETE");
    if (db->execAndGet("PRAGMA freelist_count").getInt64() > 0) db->exec("VACUUM");
    db.reset();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_FULL)
      throw Error(ExitCode::missing_file,
                  fmt::format("cannot write {}: {} (a build also needs room in the temporary folder, SQLITE_TMPDIR or "
                              "TMPDIR, about the size of the database)",
                              output.string(), e.what()));
    if (e.getErrorCode() == SQLITE_CANTOPEN || e.getErrorCode() == SQLITE_READONLY || e.getErrorCode() == SQLITE_IOERR)
      throw Error(ExitCode::missing_file, fmt::format("cannot write {}: {}", output.string(), e.what()));
    throw Error(ExitCode::internal, fmt::format("writing {} failed: {}", output.string(), e.what()));
  }
  temp.commit();
  phase_done();
  return summary;
}

}  // namespace

BuildSummary build_database(const fs::path& seed_dir, const fs::path& output, const BuildProgress& progress) {
  check_output_path(output);
  refuse_output_in_seed(seed_dir, output);
  // Two contents share an id one time in 2^53 per pair (about once in 200
  // builds of ten million rows): the staged build finds them and runs again
  // remembering those ids, which moves the second on (ContentIds). Each
  // attempt finds ids no earlier one did; a few are the most ever needed.
  constexpr int kStagedAttempts = 4;
  seed::SharedIds shared;
  for (int attempt = 0; attempt < kStagedAttempts; ++attempt) {
    try {
      return build_once(seed_dir, output, progress, seed::RowOrder::staged, shared);
    } catch (const seed::IdsShared& e) {
      shared.insert(e.ids.begin(), e.ids.end());
    } catch (const seed::StagedRowRejected&) {
      break;
    }
  }
  // Rare (the loader checks what the schema does, nearly all of it): the
  // slower load that can name the entry SQLite rejected, and remembers every id.
  return build_once(seed_dir, output, progress, seed::RowOrder::as_read, {});
}

}  // namespace factdb
