#include "factdb/check.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <sqlite3.h>
#include <xxhash.h>

#include <algorithm>
#include <future>
#include <optional>
#include <set>
#include <string_view>

#include "factdb/canned_query.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/schema.h"
#include <fmt/ranges.h>
#include "factdb/sha256.h"
#include "sql_text.h"

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

// Every reference resolves, as PRAGMA foreign_key_check would find, but read
// otherwise: the pragma probes the parent of each row in the order of the
// child's key, which for references to ids derived from content is random, a
// page read per row once the tables outgrow the cache. Here each reference
// reads the child's values in their own order (from an index that starts
// with them, or sorted), so that the parent's pages are read in order, once.
CheckResult foreign_keys(SQLite::Database& db) {
  struct Reference {
    std::string child, parent;
    std::vector<std::string> from, to;
    std::set<std::string> not_null;  // the child's columns declared NOT NULL
  };
  std::vector<Reference> references;
  {
    SQLite::Statement tables(db, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name");
    SQLite::Statement keys(db, "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq");
    while (tables.executeStep()) {
      keys.reset();
      keys.bind(1, tables.getColumn(0).getString());
      for (std::int64_t id = -1; keys.executeStep();) {
        if (keys.getColumn(0).getInt64() != id) {
          id = keys.getColumn(0).getInt64();
          references.push_back({tables.getColumn(0).getString(), keys.getColumn(1).getString(), {}, {}, {}});
        }
        references.back().from.push_back(keys.getColumn(2).getString());
        if (!keys.getColumn(3).isNull()) references.back().to.push_back(keys.getColumn(3).getString());
      }
    }
    // REFERENCES parent, without columns: the parent's primary key.
    SQLite::Statement primary(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
    for (auto& r : references) {
      if (!r.to.empty()) continue;
      primary.reset();
      primary.bind(1, r.parent);
      while (primary.executeStep()) r.to.push_back(primary.getColumn(0).getString());
    }
    SQLite::Statement not_null(db, "SELECT name FROM pragma_table_info(?) WHERE \"notnull\"");
    for (auto& r : references) {
      not_null.reset();
      not_null.bind(1, r.child);
      while (not_null.executeStep()) r.not_null.insert(not_null.getColumn(0).getString());
    }
  }
  // A reference that two others imply is not read: citation (article_id) ->
  // article holds when citation (fact_id, article_id) -> statement does, none
  // of those columns null, and statement (article_id) -> article does. The
  // two must be read themselves: only references no other implies are used.
  auto implied_by = [&](const Reference& r, const Reference& wider) -> const Reference* {
    if (&wider == &r || wider.child != r.child || wider.to.size() != wider.from.size()) return nullptr;
    std::vector<std::string> through;  // r's columns, as the wider reference's parent names them
    for (const auto& column : r.from) {
      auto at = std::find(wider.from.begin(), wider.from.end(), column);
      if (at == wider.from.end()) return nullptr;
      through.push_back(wider.to[static_cast<std::size_t>(at - wider.from.begin())]);
    }
    for (const auto& column : wider.from)
      if (!r.not_null.count(column)) return nullptr;
    for (const auto& next : references)
      if (next.child == wider.parent && next.from == through && next.parent == r.parent && next.to == r.to) return &next;
    return nullptr;
  };
  auto implied = [&](const Reference& r) {
    for (const auto& wider : references)
      if (const auto* next = implied_by(r, wider))
        if (std::none_of(references.begin(), references.end(), [&](const Reference& w) { return implied_by(wider, w); }) &&
            std::none_of(references.begin(), references.end(), [&](const Reference& w) { return implied_by(*next, w); }))
          return true;
    return false;
  };
  std::int64_t n = 0;
  std::string first;
  for (const auto& r : references) {
    if (implied(r)) continue;
    std::vector<std::string> from, not_null, match;
    for (std::size_t i = 0; i < r.from.size(); ++i) {
      from.push_back(quoted_identifier(r.from[i]));
      not_null.push_back(from.back() + " IS NOT NULL");
      if (i < r.to.size()) match.push_back(fmt::format("p.{} = c.{}", quoted_identifier(r.to[i]), from.back()));
    }
    if (r.to.size() != r.from.size()) match.assign(1, "false");  // a parent without that many key columns: nothing matches
    SQLite::Statement dangling(db, fmt::format("SELECT count(*), {0} FROM (SELECT {0} FROM main.{1} WHERE {2} ORDER BY {0}) c "
                                               "WHERE NOT EXISTS (SELECT 1 FROM main.{3} p WHERE {4})",
                                               fmt::join(from, ", "), quoted_identifier(r.child), fmt::join(not_null, " AND "),
                                               quoted_identifier(r.parent), fmt::join(match, " AND ")));
    dangling.executeStep();
    auto found = dangling.getColumn(0).getInt64();
    if (found > 0 && n == 0) {
      std::vector<std::string> values;
      for (int i = 1; i < dangling.getColumnCount(); ++i) values.push_back(dangling.getColumn(i).getString());
      first = fmt::format("{} ({}) = ({}) refers to a missing {}", r.child, fmt::join(r.from, ", "), fmt::join(values, ", "), r.parent);
    }
    n += found;
  }
  return {"foreign keys", n == 0, n == 0 ? "every reference resolves" : fmt::format("{} dangling reference(s); for one: {}", n, first)};
}

// SQLite's substr() counts characters as it skips them: a byte of 0xC0 or
// more, and the continuation bytes after it, are one. The byte offset of
// character `to` (0-based), walking on from (`chars`, `byte`).
std::size_t skip_chars(std::string_view text, std::size_t& chars, std::size_t byte, std::int64_t to) {
  while (static_cast<std::int64_t>(chars) < to && byte < text.size()) {
    if (static_cast<unsigned char>(text[byte++]) >= 0xC0)
      while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    ++chars;
  }
  return byte;
}

// Each span of the articles read in order of its start, one walk through
// each text (see skip_chars), calling `span(id, article, start, text)` with
// the span's text as the article gives it, or with nullopt when it cannot:
// no such article, or a start before the text's first character. Reads the
// index evidence_span only, not the rows: sequentially, not a row at random
// per span. Returns how many spans there are.
template <class Span>
std::int64_t walk_spans(SQLite::Database& db, Span span) {
  SQLite::Statement spans(db, "SELECT id, article_id, start, length FROM evidence ORDER BY article_id, start");
  SQLite::Statement article_text(db, "SELECT text FROM article WHERE id = ?");
  std::int64_t total = 0;
  std::string article, text;
  bool has_text = false;
  std::size_t chars = 0, byte = 0;  // where the walk through the current article is
  while (spans.executeStep()) {
    auto id = spans.getColumn(1).getString();
    if (total++ == 0 || id != article) {  // each text is read once: it may be megabytes
      article = id;
      chars = byte = 0;
      article_text.reset();
      article_text.bind(1, id);
      has_text = article_text.executeStep() && article_text.getColumn(0).getType() == SQLITE_TEXT;
      text = has_text ? article_text.getColumn(0).getString() : std::string();
    }
    std::int64_t start = spans.getColumn(2).getInt64(), length = spans.getColumn(3).getInt64();
    std::optional<std::string_view> given;
    if (has_text && start >= 1 && length >= 0) {
      byte = skip_chars(text, chars, byte, start - 1);
      std::size_t end_chars = chars;
      auto end = skip_chars(text, end_chars, byte, start - 1 + length);
      given = std::string_view(text).substr(byte, end - byte);
    }
    span(spans.getColumn(0).getInt64(), id, start, given);
  }
  return total;
}

std::string_view text_of(const SQLite::Column& column) {
  return {static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes())};
}

// substr(article.text, start, length) = quote for every row, without
// substr(): it counts characters from the start of the text at every call,
// which made the check quadratic in an article's length. Reading each span's
// quote beside its place, in article order, would read the rows at random
// (their ids are hashes). So both sides are hashed with the span's id and
// summed (XXH3, 128 bits): the texts the articles give, read in article
// order from the index, and the quotes, read in the table's order. A
// different span makes the sums differ but one time in 2^128; only then are
// the quotes read in article order, to count and name the spans that differ.
CheckResult evidence(SQLite::Database& db) {
  struct Sum {
    std::uint64_t high = 0, low = 0;
    bool ok = true;
    void add(std::int64_t id, std::string_view text) {
      auto h = XXH3_128bits_withSeed(text.data(), text.size(), static_cast<XXH64_hash_t>(id));
      high += h.high64;
      low += h.low64;
    }
  } given, quoted;
  auto total = walk_spans(db, [&](std::int64_t id, const std::string&, std::int64_t, std::optional<std::string_view> text) {
    if (text) given.add(id, *text);
    else given.ok = false;
  });
  {
    SQLite::Statement quotes(db, "SELECT id, quote FROM evidence");
    while (quotes.executeStep()) {
      if (quotes.getColumn(1).getType() == SQLITE_TEXT) quoted.add(quotes.getColumn(0).getInt64(), text_of(quotes.getColumn(1)));
      else quoted.ok = false;
    }
  }
  if (given.ok && quoted.ok && given.high == quoted.high && given.low == quoted.low)
    return {"evidence", true, fmt::format("all {} spans match their article verbatim", total)};
  SQLite::Statement quote(db, "SELECT quote FROM evidence WHERE id = ?");
  std::int64_t n = 0;
  std::string first;
  walk_spans(db, [&](std::int64_t id, const std::string& article, std::int64_t start, std::optional<std::string_view> text) {
    quote.reset();
    quote.bind(1, id);
    bool ok = text && quote.executeStep() && quote.getColumn(0).getType() == SQLITE_TEXT && text_of(quote.getColumn(0)) == *text;
    if (!ok && n++ == 0) first = fmt::format("evidence {} ({} at {})", id, article, start);
  });
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
  // Each article's statement of a fact rests on its own words or on an
  // annotation. Counted, not sought statement by statement (a seek into the
  // citation key per statement, in random order, took most of the check):
  // the statements cited are the cited (fact, article) pairs that have one,
  // found in key order; of them, the annotations are few. A citation outside
  // any statement is a dangling foreign key, which the foreign-key check reports.
  auto worded = count(db, "SELECT count(*) FROM statement WHERE annotation_source_id IS NULL");
  auto cited = count(db,
                     "SELECT count(*) FROM (SELECT DISTINCT fact_id, article_id FROM citation) c "
                     " WHERE EXISTS (SELECT 1 FROM statement s WHERE s.fact_id = c.fact_id AND s.article_id = c.article_id)");
  auto both = count(db,
                    "SELECT count(*) FROM statement s WHERE s.annotation_source_id IS NOT NULL "
                    "   AND EXISTS (SELECT 1 FROM citation c WHERE c.fact_id = s.fact_id AND c.article_id = s.article_id)");
  auto unsupported = worded - (cited - both);
  auto stray = count(db, "SELECT count(*) FROM citation c JOIN evidence e ON e.id = c.evidence_id WHERE e.article_id <> c.article_id");
  // Every fact is stated, and what fact says of its statements is what they
  // are: its first article is the smallest id among the articles stating it,
  // its place that article's statement of it, and it is an annotation only
  // if all of its statements are. Read fact by fact from the index of
  // statements by fact, whose entries hold article and place, and the fact
  // rows in the same order: nothing at random. The annotations are few, and
  // read from their own index.
  auto wrong = count(db,
                     "WITH annotation (fact_id) AS MATERIALIZED "
                     "       (SELECT fact_id FROM statement WHERE annotation_source_id IS NOT NULL), "
                     "     annotated (fact_id, n) AS (SELECT fact_id, count(*) FROM annotation GROUP BY fact_id) "
                     "SELECT (SELECT count(*) FROM fact) - "
                     "       (SELECT count(*) FROM (SELECT fact_id, min(article_id) AS first_article_id, seq, count(*) AS n "
                     "                                FROM statement GROUP BY fact_id) g "
                     "          JOIN fact f ON f.id = g.fact_id LEFT JOIN annotated a ON a.fact_id = g.fact_id "
                     "         WHERE f.first_article_id = g.first_article_id AND f.first_seq = g.seq "
                     "           AND f.is_annotation = (coalesce(a.n, 0) = g.n))");
  auto total = count(db, "SELECT count(*) FROM fact");
  bool ok = unsupported == 0 && both == 0 && stray == 0 && wrong == 0;
  return {"fact support", ok,
          ok ? fmt::format("all {} facts are stated by an article, each statement citing its words or an annotation source", total)
             : fmt::format("{} statement(s) with neither citation nor annotation, {} with both, {} citation(s) of another "
                           "article's words, {} fact(s) no article states or whose first article or annotation flag is wrong",
                           unsupported, both, stray, wrong)};
}

// What the build derives from the statements, derived as it says: one
// standing per attendance statement, disagreements between facts of one kind
// that no single article states both of, each article's date from its own.
CheckResult derived(SQLite::Database& db) {
  auto standings = count(db,
                         "SELECT (SELECT count(*) FROM statement s JOIN attendance a ON a.fact_id = s.fact_id) <> "
                         "       (SELECT count(*) FROM attendance_standing st JOIN statement s "
                         "          ON s.fact_id = st.fact_id AND s.article_id = st.article_id) "
                         "    OR (SELECT count(*) FROM attendance_standing) <> "
                         "       (SELECT count(*) FROM statement s JOIN attendance a ON a.fact_id = s.fact_id)");
  auto disagreements = count(db,
                             "SELECT count(*) FROM disagreement d JOIN fact f ON f.id = d.fact_id JOIN fact g ON g.id = d.other_fact_id "
                             "WHERE (f.kind <> g.kind AND NOT (d.field = 'attended' AND f.kind || g.kind IN ('attendanceabsence', 'absenceattendance'))) "
                             "OR EXISTS (SELECT 1 FROM statement a JOIN statement b ON b.article_id = a.article_id "
                             "                                   WHERE a.fact_id = d.fact_id AND b.fact_id = d.other_fact_id)");
  auto dates = count(db,
                     "SELECT count(*) FROM article a WHERE a.published IS NOT (SELECT d.iso FROM date_statement d "
                     "  JOIN statement s ON s.fact_id = d.fact_id WHERE d.role = 'published' AND s.article_id = a.id)");
  // Every entity once, with the mention of the first article naming it and that statement's place.
  auto first_mentions = count(db,
                              "SELECT (SELECT count(*) FROM entity) <> (SELECT count(*) FROM first_mention) "
                              "    OR EXISTS (SELECT 1 FROM first_mention fm LEFT JOIN entity e ON e.id = fm.entity_id "
                              "                 LEFT JOIN mention m ON m.fact_id = fm.fact_id "
                              "                 LEFT JOIN statement s ON s.fact_id = fm.fact_id AND s.article_id = fm.article_id "
                              "                WHERE e.kind IS NOT fm.kind OR m.entity_id IS NOT fm.entity_id "
                              "                   OR m.article_id IS NOT fm.article_id OR s.seq IS NOT fm.seq "
                              "                   OR EXISTS (SELECT 1 FROM mention o WHERE o.entity_id = fm.entity_id "
                              "                                 AND o.article_id < fm.article_id))");
  bool ok = standings == 0 && disagreements == 0 && dates == 0 && first_mentions == 0;
  return {"derived", ok,
          ok ? std::string("standings, disagreements, article dates and first mentions follow from the statements")
             : fmt::format("{}{}{} disagreement(s) within one article or across kinds, {} article date(s) not their own",
                           standings ? "attendance standings do not match the attendance statements; " : "",
                           first_mentions ? "first mentions do not match the mentions; " : "", disagreements, dates)};
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
  } catch (const Error& e) {  // a malformed parameter or column list; SQLite's own errors go to run_checks
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
  auto missing = db.execAndGet(fmt::format("SELECT count(*) FROM ({}) o JOIN pragma_table_info(o.name) c "
                                           "WHERE NOT EXISTS (SELECT 1 FROM schema_doc d WHERE d.object = o.name "
                                           "AND d.column_name = c.name AND d.description <> '')",
                                           kOwnObjectsSql))
                     .getInt64();
  auto objects = db.execAndGet(fmt::format("SELECT count(*) FROM ({}) o "
                                           "WHERE NOT EXISTS (SELECT 1 FROM schema_doc d WHERE d.object = o.name "
                                           "AND d.column_name = '' AND d.description <> '')",
                                           kOwnObjectsSql))
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
      if (e.getErrorCode() == SQLITE_INTERRUPT)  // the time limit: a verdict would be a guess
        throw Error(ExitCode::time_limit, fmt::format("check stopped at its time limit, during '{}' (--timeout-ms)", name));
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
      {"derived", derived},               {"schema", schema},                 {"canned queries", canned_queries},
      {"documentation", documentation}};
  return run_checks(db, checks);
}

std::vector<CheckResult> check_content(SQLite::Database& db) {
  static constexpr std::pair<const char*, Check> checks[] = {
      {"schema version", schema_version}, {"evidence", evidence},           {"article hashes", article_hashes},
      {"fact support", fact_support},     {"derived", derived},               {"schema", schema},
      {"canned queries", canned_queries}, {"documentation", documentation}};
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
  // other schema is opened, so that what differs can be reported. The
  // checks together are one command: timeout_ms bounds them all.
  if (limits.timeout_ms > 0)
    limits.deadline = std::min(limits.deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeout_ms));
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
