// No canned query scans a large table where an index serves: checked on
// SQLite's own plans (EXPLAIN QUERY PLAN), which do not depend on how much
// data there is, so the seed article's database stands for a corpus of any size.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "factdb/database.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

struct PlanStep {
  int id = 0;
  int parent = 0;
  std::string detail;
};

std::vector<PlanStep> plan_of(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement stmt(db, "EXPLAIN QUERY PLAN " + sql);
  std::vector<PlanStep> steps;
  while (stmt.executeStep()) steps.push_back({stmt.getColumn(0).getInt(), stmt.getColumn(1).getInt(), stmt.getColumn(3).getString()});
  return steps;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// A step that loops over rows of a table, by scan or by index.
bool is_loop(const std::string& detail) { return starts_with(detail, "SCAN ") || starts_with(detail, "SEARCH "); }

// Whether any step above `step` in the plan's tree satisfies `test`.
template <class Test>
bool any_ancestor(const std::vector<PlanStep>& plan, const PlanStep& step, Test test) {
  for (auto parent = step.parent; parent != 0;) {
    auto up = std::find_if(plan.begin(), plan.end(), [&](const PlanStep& s) { return s.id == parent; });
    if (up == plan.end()) return false;
    if (test(up->detail)) return true;
    parent = up->parent;
  }
  return false;
}

// The problems in a plan: a full scan of a table that runs once per row of an
// outer loop (inside a correlated subquery, or as the inner side of a join),
// and an index SQLite must build on the fly for a table, because none serves.
// A scan as the outermost loop of a listing is what a listing is.
std::vector<std::string> plan_problems(const std::vector<PlanStep>& plan) {
  std::set<std::string> materialized;  // CTEs and views SQLite materializes: built once, small
  for (const auto& step : plan) {
    for (const char* prefix : {"MATERIALIZE ", "CO-ROUTINE "})
      if (starts_with(step.detail, prefix)) materialized.insert(step.detail.substr(std::string(prefix).size()));
  }
  auto table_of = [](const std::string& detail) {
    auto rest = detail.substr(detail.find(' ') + 1);
    return rest.substr(0, rest.find(' '));
  };
  std::vector<std::string> problems;
  for (const auto& step : plan) {
    const auto& d = step.detail;
    if (d.find("AUTOMATIC") != std::string::npos && !materialized.count(table_of(d)))
      problems.push_back("no index serves: " + d);
    if (!starts_with(d, "SCAN ")) continue;
    auto table = table_of(d);
    bool full_scan = d.find(" USING ") == std::string::npos && d.find("VIRTUAL TABLE") == std::string::npos;
    if (!full_scan || table == "CONSTANT" || starts_with(table, "(") || materialized.count(table)) continue;
    bool inner = false;
    for (const auto& other : plan)  // an earlier loop at the same level: this scan runs once per its rows
      if (other.parent == step.parent && other.id < step.id && is_loop(other.detail)) inner = true;
    if (any_ancestor(plan, step, [](const std::string& d) { return starts_with(d, "CORRELATED"); })) inner = true;
    if (inner) problems.push_back("scans " + table + " once per outer row: " + d);
  }
  return problems;
}

// The steps that read the whole answer before giving its first row: a sort or
// grouping of the query's own rows (not one cell's, inside a subquery; not the
// article's few rows, the left arm of a merge, which every query puts first;
// not the rows of one group of an ordered index, SQLite's "RIGHT PART").
std::vector<std::string> whole_answer_steps(const std::vector<PlanStep>& plan) {
  std::vector<std::string> found;
  for (const auto& step : plan) {
    const auto& d = step.detail;
    bool blocking = (starts_with(d, "USE TEMP B-TREE FOR ") && d.find("RIGHT PART") == std::string::npos) ||
                    starts_with(d, "MATERIALIZE ");
    if (blocking && !any_ancestor(plan, step, [](const std::string& up) {
          return up.find("SUBQUERY") != std::string::npos || up == "LEFT";
        }))
      found.push_back(d);
  }
  return found;
}

fs::path seed_db_path() {
  static TempDir dir;
  static fs::path path = build_real_db(dir.path());
  return path;
}

}  // namespace

TEST_CASE("no canned query scans a table once per row, nor needs an index SQLite must build", "[queries][plan]") {
  Database reader(seed_db_path());
  SQLite::Database db(seed_db_path().string(), SQLite::OPEN_READONLY);
  auto queries = reader.canned_queries();
  REQUIRE(queries.size() >= 12);
  for (const auto& q : queries) {
    INFO("canned query " << q.name);
    auto plan = plan_of(db, q.sql);
    REQUIRE_FALSE(plan.empty());
    CHECK(plan_problems(plan).empty());
  }
  for (const auto& view : {"fact_evidence", "fact_support", "office_holding_title"}) {
    INFO("view " << view);
    CHECK(plan_problems(plan_of(db, std::string("SELECT * FROM ") + view)).empty());
  }
}

TEST_CASE("one article's answer is found through the article's index, not by reading every fact", "[queries][plan]") {
  Database reader(seed_db_path());
  SQLite::Database db(seed_db_path().string(), SQLite::OPEN_READONLY);
  // person, country, organization and attended start from the names a
  // required parameter gives (found in the index of names), then keep the
  // article's facts about them: few rows, not served by the article's index.
  auto starts_from_names = [](const CannedQuery& q) {
    return q.sql.find("name_index MATCH 'text : \"'") != std::string::npos &&
           std::any_of(q.params.begin(), q.params.end(), [](const QueryParam& p) { return p.required; });
  };
  int checked = 0;
  for (const auto& q : reader.canned_queries()) {
    bool by_article = false;
    for (const auto& p : q.params) by_article = by_article || p.name == "article";
    if (!by_article || starts_from_names(q)) continue;
    INFO("canned query " << q.name);
    std::string plan;
    for (const auto& step : plan_of(db, q.sql)) plan += step.detail + "\n";
    // statement's primary key is the only one to begin with article_id, whatever the query calls it
    static const std::regex article_key(R"(SEARCH \w+ USING (PRIMARY KEY|INDEX statement_annotations) \(article_id=\?\))");
    CHECK(std::regex_search(plan, article_key));
    ++checked;
  }
  CHECK(checked >= 14);
}

TEST_CASE("the plan check catches what it is for: a join no index serves, a scan per row", "[queries][plan]") {
  SQLite::Database db(seed_db_path().string(), SQLite::OPEN_READONLY);
  // neither stance.statement nor mention.name has an index: SQLite builds one on the fly for each run
  auto join = plan_problems(plan_of(db, "SELECT * FROM stance s JOIN mention m ON m.name = s.statement"));
  CHECK_FALSE(join.empty());
  // a correlated subquery that reads all of evidence for every fact
  auto per_row = plan_problems(
      plan_of(db, "SELECT f.id, (SELECT count(*) FROM evidence e WHERE e.quote LIKE '%' || f.kind || '%') FROM fact f"));
  REQUIRE(per_row.size() == 1);
  CHECK(per_row.front().find("scans e once per outer row") != std::string::npos);
  // a listing's own outer scan is fine
  CHECK(plan_problems(plan_of(db, "SELECT * FROM attendance ORDER BY fact_id")).empty());
}

TEST_CASE("every canned query gives its first rows without reading its whole answer first", "[queries][plan]") {
  Database reader(seed_db_path());
  SQLite::Database db(seed_db_path().string(), SQLite::OPEN_READONLY);
  // These still sort or group their whole answer before its first row, as
  // docs/performance.md lists with their times at a million facts.
  const std::set<std::string> reads_whole_answer = {"attended", "country", "disagreements", "founding",
                                                    "organization", "person", "search"};
  for (const auto& q : reader.canned_queries()) {
    INFO("canned query " << q.name);
    CHECK(whole_answer_steps(plan_of(db, q.sql)).empty() != reads_whole_answer.count(q.name));
  }
  // what the check is for: a corpus-wide listing sorted by a column no index orders
  CHECK_FALSE(whole_answer_steps(plan_of(db, "SELECT * FROM attendance ORDER BY represents_id || ''")).empty());
  CHECK(whole_answer_steps(plan_of(db, "SELECT * FROM fact WHERE kind = 'attendance' ORDER BY first_article_id, first_seq")).empty());
}
