// Any client: the .db alone gives every SQLite client the same answers as
// factdb: the sqlite3 shell, Python's sqlite3 module, Node.js with
// better-sqlite3. Each runs every canned query's SQL as stored in the file,
// and every view.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "factdb/database.h"
#include "factdb/format.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;
using nlohmann::json;

namespace {

// A typical value for each required parameter; the rest are left out.
const json kTypicalParams = {
    {"person", {{"name", "Mokhber"}}}, {"country", {{"country", "Pakistan"}}}, {"search", {{"q", "Kashmir"}}},
    {"attended", {{"who", "Sharif"}}}, {"organization", {{"organization", "SCO"}}}};

json as_json(const ResultSet& r) {
  std::ostringstream out;
  write_result(out, r, Format::json);
  return json::parse(out.str());
}

// What factdb itself answers, keyed as the client scripts key their output.
json factdb_answers(const fs::path& db_path) {
  Database db(db_path);
  json answers = json::object();
  for (const auto& q : db.canned_queries()) {
    ParamValues params;
    if (kTypicalParams.contains(q.name))
      for (const auto& [k, v] : kTypicalParams[q.name].items()) params.emplace_back(k, v.get<std::string>());
    answers["query:" + q.name] = as_json(db.run_canned(q.name, params));
  }
  auto views = db.run_sql("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name");
  for (const auto& row : views.rows) {
    const auto& view = std::get<std::string>(row[0]);
    answers["view:" + view] = as_json(db.run_sql("SELECT * FROM \"" + view + "\""));
  }
  return answers;
}

// A client reads a column of ids as the text SQL returns ("[1,2]"); factdb's
// JSON gives the array itself. The client's rows, with that text parsed.
json typed(json rows) {
  for (auto& row : rows)
    for (auto& [key, value] : row.items())
      if (key.size() >= 4 && key.compare(key.size() - 4, 4, "_ids") == 0 && value.is_string())
        value = json::parse(value.get<std::string>());
  return rows;
}

void compare(const json& expected, const json& got) {
  REQUIRE(got.is_object());
  CHECK(got.size() == expected.size());
  for (const auto& [key, rows] : expected.items()) {
    INFO(key);
    REQUIRE(got.contains(key));
    CHECK(typed(got[key]) == rows);
  }
}

struct Built {
  TempDir dir;
  fs::path db = build_real_db(dir.path());
};

}  // namespace

TEST_CASE("any client: Python's sqlite3 gets factdb's answers for every canned query and view", "[clients]") {
  Built b;
  auto r = run({"python3", FACTDB_TEST_DATA_DIR "/../clients/query_all.py", b.db.string(), kTypicalParams.dump()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  compare(factdb_answers(b.db), json::parse(r.out));
}

TEST_CASE("any client: the sqlite3 shell gets factdb's answers for every canned query and view", "[clients]") {
  Built b;
  Database db(b.db);
  auto expected = factdb_answers(b.db);
  for (const auto& q : db.canned_queries()) {
    // The shell binds parameters with .parameter set; those not set are NULL.
    std::string script = ".mode json\n.parameter init\n";
    for (const auto& p : q.params) {
      std::optional<std::string> value = p.default_value;
      if (kTypicalParams.contains(q.name) && kTypicalParams[q.name].contains(p.name))
        value = kTypicalParams[q.name][p.name].get<std::string>();
      if (!value) continue;
      std::string literal = p.type == "text" ? "'" + *value + "'" : *value;
      script += ".parameter set :" + p.name + " \"" + literal + "\"\n";
    }
    script += q.sql + ";\n";
    write_file(b.dir / "script.sql", script);
    auto r = run({"sh", "-c", std::string(SQLITE3_SHELL) + " -readonly " + b.db.string() + " < script.sql"}, b.dir.path());
    INFO(q.name << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(typed(r.out.empty() ? json::array() : json::parse(r.out)) == expected["query:" + q.name]);
  }
  auto views = db.run_sql("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name");
  for (const auto& row : views.rows) {
    const auto& view = std::get<std::string>(row[0]);
    auto r = run({SQLITE3_SHELL, "-readonly", "-json", b.db.string(), "SELECT * FROM \"" + view + "\""});
    INFO(view);
    REQUIRE(r.exit_code == 0);
    CHECK(typed(r.out.empty() ? json::array() : json::parse(r.out)) == expected["view:" + view]);
  }
}

// Registered as its own CTest test, after the fixture that installs better-sqlite3.
TEST_CASE("any client: Node.js with better-sqlite3 gets factdb's answers for every canned query and view", "[clients][node]") {
  Built b;
  auto r = run({"env", "NODE_PATH=" NODE_CLIENT_DIR "/node_modules", "node", FACTDB_TEST_DATA_DIR "/../clients/query_all.cjs",
                b.db.string(), kTypicalParams.dump()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  compare(factdb_answers(b.db), json::parse(r.out));
}
