// factdb export: every format, run as a user runs it, and read back by the
// tool it is for.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factdb/database.h"
#include "factdb/export.h"
#include "factdb/format.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;
using nlohmann::json;

namespace {

struct Exported {
  TempDir dir;
  fs::path db;
  Exported() : db(build_real_db(dir.path())) {}
  RunResult operator()(std::vector<std::string> args) const {
    args.insert(args.begin(), "export");
    args.insert(args.end(), {"--db", db.string()});
    return run_factdb(args, dir.path());
  }
};

std::int64_t count_rows(SQLite::Database& db, const std::string& table) {
  return db.execAndGet("SELECT count(*) FROM \"" + table + "\"").getInt64();
}

}  // namespace

TEST_CASE("export csv, json, jsonl: a file per table with every row, a manifest, and the canned queries", "[export]") {
  Exported ex;
  SQLite::Database db(ex.db.string(), SQLite::OPEN_READONLY);
  Database reader(ex.db);
  auto tables = exported_tables(reader);
  REQUIRE(tables.size() >= 25);
  CHECK(std::find(tables.begin(), tables.end(), "search_index") != tables.end());
  CHECK(std::find(tables.begin(), tables.end(), "search_index_data") == tables.end());  // FTS5's own
  for (const std::string format : {"csv", "json", "jsonl"}) {
    INFO(format);
    auto r = ex({"--format", format, "-o", "out-" + format, "--queries"});
    REQUIRE(r.exit_code == 0);
    auto folder = ex.dir / ("out-" + format);
    auto manifest = json::parse(read_file(folder / "export.json"));
    CHECK(manifest["format"] == format);
    REQUIRE(manifest["tables"].size() == tables.size());
    for (const auto& t : manifest["tables"]) {
      auto name = t["name"].get<std::string>();
      auto text = read_file(folder / t["file"].get<std::string>());
      CHECK(t["rows"].get<std::int64_t>() == count_rows(db, name));
      if (format == "json") CHECK(json::parse(text).size() == static_cast<std::size_t>(count_rows(db, name)));
      if (format == "jsonl") CHECK(std::count(text.begin(), text.end(), '\n') == count_rows(db, name));
    }
    // each canned query's file is what factdb query writes
    REQUIRE(manifest["queries"].size() >= 12);
    for (const auto& q : manifest["queries"]) {
      auto query = run_factdb({"query", q["name"].get<std::string>(), "--db", ex.db.string(), "-f", format});
      CHECK(read_file(folder / q["file"].get<std::string>()) == query.out);
    }
  }
  auto csv = read_file(ex.dir / "out-csv" / "attendance.csv");
  CHECK(csv.rfind("fact_id,event_id,person_id,represents_id,office_id\r\n", 0) == 0);
}

TEST_CASE("export into a folder: never over a folder of other files, and an earlier export is replaced whole", "[export][atomic]") {
  Exported ex;
  fs::create_directories(ex.dir / "mine");
  write_file(ex.dir / "mine" / "notes.txt", "keep me");
  auto refused = ex({"--format", "csv", "-o", "mine"});
  CHECK(refused.exit_code == 2);
  CHECK(read_file(ex.dir / "mine" / "notes.txt") == "keep me");
  REQUIRE(ex({"--format", "csv", "-o", "out", "--queries"}).exit_code == 0);
  REQUIRE(fs::exists(ex.dir / "out" / "queries" / "stand-ins.csv"));
  REQUIRE(ex({"--format", "jsonl", "-o", "out"}).exit_code == 0);
  CHECK_FALSE(fs::exists(ex.dir / "out" / "queries"));      // nothing of the old export is left
  CHECK_FALSE(fs::exists(ex.dir / "out" / "fact.csv"));
  CHECK(fs::exists(ex.dir / "out" / "fact.jsonl"));
  CHECK(temporary_files(ex.dir.path()).empty());
  CHECK(ex({"--format", "csv"}).exit_code == 2);  // a folder format needs -o
  CHECK(ex({"--format", "sql", "--queries"}).exit_code == 2);
}

TEST_CASE("export sql: the sqlite3 shell rebuilds the same database from it", "[export]") {
  Exported ex;
  REQUIRE(ex({"--format", "sql", "-o", "dump.sql"}).exit_code == 0);
  auto load = run({SQLITE3_SHELL, "rebuilt.db"}, ex.dir.path(), read_file(ex.dir / "dump.sql"));
  REQUIRE(load.exit_code == 0);
  CHECK(load.err.empty());
  SQLite::Database db(ex.db.string(), SQLite::OPEN_READONLY);
  db.exec("ATTACH '" + (ex.dir / "rebuilt.db").string() + "' AS rebuilt");
  Database reader(ex.db);
  for (const auto& table : exported_tables(reader)) {
    INFO(table);
    auto quoted = "\"" + table + "\"";
    CHECK(count_rows(db, table) == db.execAndGet("SELECT count(*) FROM rebuilt." + quoted).getInt64());
    CHECK(db.execAndGet("SELECT count(*) FROM (SELECT * FROM main." + quoted + " EXCEPT SELECT * FROM rebuilt." + quoted + ")")
              .getInt64() == 0);
  }
  // the same indexes and views, with the same definitions
  CHECK(db.execAndGet("SELECT count(*) FROM (SELECT type, name, sql FROM main.sqlite_schema EXCEPT "
                      "SELECT type, name, sql FROM rebuilt.sqlite_schema)")
            .getInt64() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM rebuilt.sqlite_schema").getInt64() ==
        db.execAndGet("SELECT count(*) FROM main.sqlite_schema").getInt64());
  CHECK(db.execAndGet("PRAGMA rebuilt.application_id").getInt64() == kApplicationId);
  auto check = run_factdb({"check", "--db", "rebuilt.db"}, ex.dir.path());
  CHECK(check.exit_code == 0);
  auto search = run_factdb({"search", "Kashmir", "--db", "rebuilt.db", "-f", "csv"}, ex.dir.path());
  CHECK(search.out.find("sco-summit-astana-2024 ¶4") != std::string::npos);  // the full-text index came back too
}

TEST_CASE("export datasette: every canned query, documented, answering as Datasette asks it", "[export]") {
  Exported ex;
  REQUIRE(ex({"--format", "datasette", "-o", "metadata.json"}).exit_code == 0);
  auto metadata = json::parse(read_file(ex.dir / "metadata.json"));
  auto& database = metadata["databases"]["facts"];
  Database reader(ex.db);
  auto queries = reader.canned_queries();
  REQUIRE(database["queries"].size() == queries.size());
  CHECK(database["tables"]["attendance"]["description"].get<std::string>().size() > 10);
  CHECK(database["tables"]["stand_ins"]["columns"]["why"].is_string());
  // Datasette binds every parameter as the text of its form field, '' when empty.
  SQLite::Database db(ex.db.string(), SQLite::OPEN_READONLY);
  const std::map<std::string, std::string> required = {{"name", "Sharif"}, {"country", "Pakistan"}, {"q", "Kashmir"},
                                                        {"who", "Sharif"}, {"organization", "SCO"}};
  for (const auto& q : queries) {
    INFO(q.name);
    const auto& entry = database["queries"][q.name];
    CHECK(entry["title"] == q.title);
    CHECK(entry["params"].size() == q.params.size());
    SQLite::Statement stmt(db, entry["sql"].get<std::string>());
    ParamValues given;
    for (const auto& p : q.params) {
      auto value = required.count(p.name) ? required.at(p.name) : std::string();
      stmt.bind(":" + p.name, value);
      if (!value.empty()) given.emplace_back(p.name, value);
    }
    std::size_t rows = 0;
    while (stmt.executeStep()) ++rows;
    auto ours = reader.run_canned(q.name, given);
    CHECK(rows == ours.rows.size());
    if (q.name == "stand-ins") CHECK(rows == 2);
  }
}
