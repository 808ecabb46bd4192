// Ad hoc SQL is read-only whatever it tries, and bad database files are refused cleanly.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include <chrono>

#include "factdb/database.h"
#include "factdb/error.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

// The error a call throws (code and message), or ok.
template <typename F>
std::pair<ExitCode, std::string> outcome(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  return {ExitCode::ok, {}};
}

}  // namespace

TEST_CASE("sql refuses every write and says what it refused, leaving the file unchanged", "[sandbox]") {
  TempDir dir;
  auto path = build_real_db(dir.path());
  auto before = read_file(path);
  Database db(path);
  const std::vector<std::pair<std::string, std::string>> attempts = {
      {"DELETE FROM fact", "DELETE on table fact"},
      {"UPDATE entity SET name = 'x'", "UPDATE on table entity"},
      {"INSERT INTO annotation_source VALUES ('a', 'b', NULL)", "INSERT on table annotation_source"},
      {"DROP TABLE evidence", "changing the schema"},
      {"CREATE TABLE t (x)", "changing the schema"},
      {"CREATE TEMP VIEW v AS SELECT 1", "changing the schema"},
      {"ATTACH DATABASE 'other.db' AS other", "ATTACH"},
      {"PRAGMA journal_mode = WAL", "PRAGMA journal_mode"},
      {"PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys"},
      {"PRAGMA writable_schema = ON", "PRAGMA writable_schema"},
      {"SELECT load_extension('/tmp/evil.so')", "load_extension()"},
      {"BEGIN", "a transaction"},
      {"VACUUM", "read-only"},
      {"SELECT 1; DELETE FROM fact", "more than one statement"},
  };
  for (const auto& [sql, refused] : attempts) {
    INFO(sql);
    auto [code, message] = outcome([&] { db.run_sql(sql); });
    CHECK(code == ExitCode::sql);
    CHECK(message.find(refused) != std::string::npos);
    CHECK(message.find("refused") != std::string::npos);
  }
  CHECK(read_file(path) == before);
  CHECK_FALSE(fs::exists(dir / "other.db"));
}

TEST_CASE("sql allows reads: joins, recursive CTEs, table-valued and reading pragmas", "[sandbox]") {
  TempDir dir;
  Database db(build_real_db(dir.path()));
  CHECK(db.run_sql("SELECT count(*) FROM stand_ins").rows.at(0).at(0) == Value{std::int64_t{2}});
  CHECK(db.run_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n")
            .rows.at(0)
            .at(0) == Value{std::int64_t{15}});
  CHECK(db.run_sql("SELECT name FROM pragma_table_info('evidence')").rows.size() == 5);
  CHECK(db.run_sql("PRAGMA user_version").rows.at(0).at(0) == Value{std::int64_t{kSchemaVersion}});
  CHECK(db.run_sql("PRAGMA integrity_check").rows.at(0).at(0) == Value{std::string("ok")});
}

TEST_CASE("sql parameters are bound by name, typed by their look, never pasted", "[sandbox]") {
  TempDir dir;
  Database db(build_real_db(dir.path()));
  auto r = db.run_sql("SELECT count(*) FROM entity WHERE name = :name", {{"name", "Iran' OR '1'='1"}});
  CHECK(r.rows.at(0).at(0) == Value{std::int64_t{0}});
  CHECK(db.run_sql("SELECT year FROM organization_founding WHERE year = :y", {{"y", "2001"}}).rows.size() == 1);
  CHECK(db.run_sql("SELECT typeof(:a), typeof(:b), typeof(:c)", {{"a", "12"}, {"b", "1.5"}, {"c", "007x"}}).rows.at(0) ==
        std::vector<Value>{std::string("integer"), std::string("real"), std::string("text")});
  CHECK(outcome([&] { db.run_sql("SELECT :missing"); }).first == ExitCode::usage);
  CHECK(outcome([&] { db.run_sql("SELECT 1", {{"unused", "1"}}); }).first == ExitCode::usage);
  CHECK(outcome([&] { db.run_sql("SELECT ?"); }).first == ExitCode::usage);
}

TEST_CASE("a missing, empty, foreign or newer database is refused and never created", "[sandbox]") {
  TempDir dir;
  auto [missing, missing_message] = outcome([&] { Database db(dir / "none.db"); });
  CHECK(missing == ExitCode::missing_file);
  CHECK(missing_message.find("none.db") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "none.db"));

  write_file(dir / "empty.db", "");
  CHECK(outcome([&] { Database db(dir / "empty.db"); }).first == ExitCode::bad_data);

  write_file(dir / "text.db", "this is not a database, just words\n");
  auto [text, text_message] = outcome([&] { Database db(dir / "text.db"); });
  CHECK(text == ExitCode::bad_data);
  CHECK(text_message.find("not a SQLite database") != std::string::npos);

  {
    SQLite::Database other((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x)");
  }
  CHECK(outcome([&] { Database db(dir / "other.db"); }).second.find("not one written by factdb") != std::string::npos);

  auto newer = build_real_db(dir.path());
  {
    SQLite::Database writable(newer.string(), SQLite::OPEN_READWRITE);
    writable.exec("PRAGMA user_version = 99");
  }
  auto [code, message] = outcome([&] { Database db(newer); });
  CHECK(code == ExitCode::bad_data);
  CHECK(message.find("schema version 99") != std::string::npos);
  CHECK(message.find("upgrade factdb") != std::string::npos);
}

TEST_CASE("an endless query stops near its time limit with exit code 6", "[sandbox][limits]") {
  TempDir dir;
  auto db = build_real_db(dir.path());
  auto started = std::chrono::steady_clock::now();
  auto r = run_factdb({"sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
                       "--timeout-ms", "300", "--db", db.string()});
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("query stopped after its time limit of 300 ms") != std::string::npos);
  // A behaviour, not a benchmark: the bound is loose, the process start included.
  CHECK(elapsed < 300 + 2000);
}

TEST_CASE("a query that needs too much memory stops with exit code 7, and one too big a value is refused", "[sandbox][limits]") {
  TempDir dir;
  auto db = build_real_db(dir.path());
  auto r = run_factdb({"sql",
                       "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5000000) "
                       "SELECT length(group_concat(x)) FROM c",
                       "--max-memory-mb", "16", "--db", db.string()});
  CHECK(r.exit_code == 7);
  CHECK(r.err.find("memory limit of 16 MB") != std::string::npos);
  auto big = run_factdb({"sql", "SELECT length(randomblob(200000000))", "--db", db.string()});
  CHECK(big.exit_code == 5);
  CHECK(big.err.find("string or blob too big") != std::string::npos);
}

TEST_CASE("values that try to inject SQL are bound as values, through the command line too", "[sandbox]") {
  TempDir dir;
  auto db = build_real_db(dir.path());
  auto before = read_file(db);
  for (const char* attack : {"x'; DROP TABLE fact; --", "' OR 1=1 --", "\"); ATTACH 'evil.db' AS e; --"}) {
    INFO(attack);
    auto canned = run_factdb({"query", "person", "-p", std::string("name=") + attack, "-f", "json", "--db", db.string()});
    CHECK(canned.exit_code == 2);  // no one has that name
    CHECK(canned.out.empty());
    CHECK(canned.err.find("no person named") != std::string::npos);
    auto adhoc = run_factdb({"sql", "SELECT count(*) AS n FROM entity WHERE name = :v", "-p", std::string("v=") + attack, "-f",
                             "csv", "--db", db.string()});
    CHECK(adhoc.out == "n\r\n0\r\n");
  }
  CHECK(read_file(db) == before);
  CHECK_FALSE(fs::exists(dir / "evil.db"));
}

TEST_CASE("control characters in data reach the terminal escaped", "[sandbox]") {
  TempDir dir;
  auto db = build_real_db(dir.path());
  auto r = run_factdb({"sql", "SELECT char(27) || '[2J' || char(7) || 'bell' AS x", "--db", db.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find("\\x1b[2J\\x07bell") != std::string::npos);
}

TEST_CASE("a truncated or tampered database gets a clear message, never a crash, never a write", "[sandbox][files]") {
  TempDir dir;
  auto good = build_real_db(dir.path());
  auto bytes = read_file(good);

  SECTION("truncated") {
    write_file(dir / "half.db", bytes.substr(0, bytes.size() / 2));
    auto before = read_file(dir / "half.db");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"query", "stand-ins"}, {"sql", "SELECT count(*) FROM evidence"}, {"check"}, {"search", "Kashmir"}}) {
      auto full = args;
      full.insert(full.end(), {"--db", (dir / "half.db").string()});
      auto r = run_factdb(full);
      INFO(args[0] << ": " << r.err);
      CHECK((r.exit_code == 3 || r.exit_code == 5));
      CHECK(r.err.rfind("factdb: ", 0) == 0);
    }
    CHECK(read_file(dir / "half.db") == before);
  }

  SECTION("a canned query rewritten to write, or to load an extension") {
    {
      SQLite::Database db(good.string(), SQLite::OPEN_READWRITE);
      db.exec("UPDATE canned_query SET sql = 'DELETE FROM fact' WHERE name = 'stand-ins'");
      db.exec("UPDATE canned_query SET sql = 'SELECT load_extension(''/tmp/x.so'')' WHERE name = 'members'");
      db.exec("PRAGMA ignore_check_constraints = ON");  // as a hostile editor of the file would
      db.exec("UPDATE canned_query SET params = 'not json' WHERE name = 'tensions'");
    }
    auto before = read_file(good);
    // The command line refuses the file outright: its canned queries are not factdb's.
    for (const char* name : {"stand-ins", "members", "tensions"}) {
      auto r = run_factdb({"query", name, "--db", good.string()});
      CHECK(r.exit_code == 3);
      CHECK(r.err.find("not as factdb writes it (canned query") != std::string::npos);
    }
    // A program that opens it anyway to inspect it still runs nothing harmful.
    Database reader(good, {}, SchemaPolicy::inspect);
    auto refused = [&](const char* name) {
      try {
        reader.run_canned(name);
      } catch (const Error& e) {
        return std::make_pair(e.code(), std::string(e.what()));
      }
      return std::make_pair(ExitCode::ok, std::string());
    };
    auto writes = refused("stand-ins");
    CHECK(writes.first == ExitCode::sql);
    CHECK(writes.second.find("refused: DELETE on table fact") != std::string::npos);
    auto loads = refused("members");
    CHECK(loads.first == ExitCode::sql);
    CHECK(loads.second.find("load_extension") != std::string::npos);
    auto params = refused("tensions");
    CHECK(params.first == ExitCode::bad_data);
    CHECK(params.second.find("canned_query.params is not a valid parameter list") != std::string::npos);
    CHECK(read_file(good) == before);
    CHECK(run_factdb({"check", "--db", good.string()}).exit_code == 3);
  }
}
