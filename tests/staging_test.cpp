// The two ways a build's rows reach their tables (seed_loader.h): staged and
// copied in key order, or inserted as read. A staged build keeps nothing per
// fact in memory and falls back to the load as read when SQLite rejects a
// staged row or two contents share an id; both must write the same database.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fact_kinds.h"
#include "factdb/error.h"
#include "helpers.h"
#include "resources.h"
#include "seed/content_ids.h"
#include "seed/identities.h"
#include "seed/staging.h"
#include "seed_loader.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

// Every row of every table `db` holds, in key order, as one text.
std::string every_row(SQLite::Database& db) {
  std::vector<std::string> tables;
  SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                             "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  std::string rows;
  for (const auto& table : tables) {
    rows += "== " + table + "\n";
    auto columns = SQLite::Statement(db, "SELECT * FROM \"" + table + "\"").getColumnCount();
    std::string order;
    for (int i = 1; i <= columns; ++i) order += (i > 1 ? ", " : "") + std::to_string(i);
    SQLite::Statement select(db, "SELECT * FROM \"" + table + "\" ORDER BY " + order);
    while (select.executeStep()) {
      for (int i = 0; i < select.getColumnCount(); ++i) rows += select.getColumn(i).getString() + "|";
      rows += "\n";
    }
  }
  return rows;
}

std::string load(const fs::path& seed, const fs::path& db_path, seed::RowOrder order) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(std::string(resources::schema_sql()));
  SQLite::Transaction transaction(db);
  seed::load_seed(db, seed, order);
  transaction.commit();
  return every_row(db);
}

// A table like fact's: an id, and a first article that a later statement
// with a smaller one replaces.
void make_table(SQLite::Database& db) { db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, first TEXT NOT NULL)"); }
constexpr const char* kUpsert = "ON CONFLICT (id) DO UPDATE SET first = min(excluded.first, first)";

void insert(SQLite::Database& db, seed::Staging& staging, std::int64_t id, const std::string& first, std::uint32_t check) {
  SQLite::Statement row(db, staging.insert_sql("INSERT", "t", {"id", "first"}, kUpsert));
  row.bind(1, static_cast<int64_t>(id));
  row.bind(2, first);
  row.exec();
  SQLite::Statement content(db, staging.content_sql());
  content.bind(1, 0);
  content.bind(2, static_cast<int64_t>(id));
  content.bind(3, static_cast<int64_t>(check));
  content.exec();
}

using SharedIds = std::vector<std::pair<int, std::int64_t>>;

// The ids merge() says two contents share; none when it succeeds.
SharedIds shared_ids(seed::Staging& staging) {
  try {
    staging.merge();
  } catch (const seed::IdsShared& e) {
    return e.ids;
  }
  return {};
}

}  // namespace

TEST_CASE("staging: staged rows reach their table through the upsert they were inserted with, in key order", "[staging]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  make_table(db);
  seed::Staging staging(db, true);
  insert(db, staging, 7, "c", 1);
  insert(db, staging, 3, "b", 2);
  insert(db, staging, 7, "a", 1);
  insert(db, staging, 7, "b", 1);
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 0);
  staging.merge();
  CHECK(every_row(db) == "== t\n3|b|\n7|a|\n");
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_temp_schema").getInt() == 0);  // the stage tables are gone
}

TEST_CASE("staging: two contents given one id make the merge refuse and name the id, so that the build runs again "
          "remembering it",
          "[staging]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  make_table(db);
  seed::Staging staging(db, true);
  insert(db, staging, 7, "a", 1);
  insert(db, staging, 3, "b", 2);
  insert(db, staging, 7, "b", 5);  // the same id, another content
  insert(db, staging, 3, "c", 2);  // the same content again
  CHECK(shared_ids(staging) == SharedIds{{0, 7}});
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 0);
}

TEST_CASE("staging: in a table of one row per content, two rows with one key are two contents given one id", "[staging]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  make_table(db);
  seed::Staging staging(db, true);
  staging.keyed_by_content("t", 1);
  auto row = [&](std::int64_t id, const char* first) {
    SQLite::Statement insert(db, staging.insert_sql("INSERT", "t", {"id", "first"}));
    insert.bind(1, static_cast<int64_t>(id));
    insert.bind(2, first);
    insert.exec();
  };
  row(5, "a");
  row(9, "b");
  row(5, "c");
  CHECK(shared_ids(staging) == SharedIds{{1, 5}});
}

TEST_CASE("content ids: remembering only the ids found shared, attempt after attempt, gives the ids remembering all would",
          "[staging]") {
  // 10-bit ids, so that 300 contents share dozens; each attempt is what a
  // staged build does: give ids, find those given to two contents.
  std::vector<std::string> contents;
  for (int i = 0; i < 300; ++i) contents.push_back("content " + std::to_string(i * 7919 % 1000));
  seed::ContentIds all(10);
  std::vector<std::int64_t> expected;
  for (const auto& c : contents) expected.push_back(all.id(c).id);
  std::set<std::int64_t> shared;
  int attempts = 0;
  for (;; ++attempts) {
    REQUIRE(attempts < 20);
    seed::ContentIds some(shared, 10);
    std::map<std::int64_t, std::set<std::uint32_t>> checks;
    std::vector<std::int64_t> given;
    for (const auto& c : contents) {
      auto id = some.id(c);
      given.push_back(id.id);
      checks[id.id].insert(id.check);
    }
    auto before = shared.size();
    for (const auto& [id, of] : checks)
      if (of.size() > 1) shared.insert(id);
    if (shared.size() == before) {
      CHECK(given == expected);
      break;
    }
  }
  CHECK(attempts > 1);  // the case is one where remembering nothing is not enough
}

TEST_CASE("staging: a table that is not staged takes rows and updates directly, and records no contents", "[staging]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  make_table(db);
  seed::Staging staging(db, false);
  CHECK(staging.content_sql().empty());
  CHECK(staging.insert_sql("INSERT", "t", {"id", "first"}, kUpsert) ==
        std::string("INSERT INTO t (id, first) VALUES (?, ?) ") + kUpsert);
  CHECK(staging.update_sql("t", "first", "id") == "UPDATE t SET first = ?1 WHERE id = ?2");
  seed::Staging staged(db, true);
  CHECK_THROWS_AS(staged.update_sql("t", "first", "id"), Error);
}

TEST_CASE("staging: a seed loaded staged and loaded as read gives the same rows in every table", "[staging]") {
  TempDir dir;
  auto count = [&](const std::string& sql) { return SQLite::Database((dir / "staged.db").string()).execAndGet(sql).getInt(); };
  SECTION("a generated corpus: facts restated by later articles, articles disagreeing") {
    generate_corpus(dir / "seed", 240);
    CHECK(load(dir / "seed", dir / "staged.db", seed::RowOrder::staged) ==
          load(dir / "seed", dir / "as-read.db", seed::RowOrder::as_read));
    CHECK(count("SELECT count(*) FROM (SELECT fact_id FROM statement GROUP BY fact_id HAVING count(*) > 1)") > 100);
    CHECK(count("SELECT count(*) FROM disagreement") > 0);
  }
  SECTION("the news: a second outlet agreeing and disagreeing, a fact first stated by annotation, then in words") {
    auto seed = copy_real_seed(dir.path());
    fs::copy(real_seed().parent_path() / "tests" / "data" / "astana-wire-2024", seed / "astana-wire-2024",
             fs::copy_options::recursive);
    const std::string text = "River council note\n\nFinland joined the river council.\n";
    auto report = [&](const std::string& folder, const std::string& id, const std::string& membership) {
      write_file(seed / folder / "article.txt", text);
      write_file(seed / folder / "facts.toml",
                 "[article]\nid = \"" + id + "\"\ntext = \"article.txt\"\n"
                 "sections = [{ role = \"headline\", quote = \"River council note\" }]\n\n"
                 "[[country]]\nid = \"finland\"\nname = \"Finland\"\n\n"
                 "[[organization]]\nid = \"river-council\"\nname = \"river council\"\n\n"
                 "[[membership]]\norganization = \"river-council\"\nmember = \"finland\"\nstatus = \"member\"\n" +
                     membership);
    };
    // Read first (its folder sorts first), though its id sorts last.
    report("a-folder", "zz-river-note", "annotation = { source = \"wikidata\", note = \"member since 2001\" }\n");
    report("b-folder", "aa-river-note", "quote = \"Finland joined the river council\"\n");
    CHECK(load(seed, dir / "staged.db", seed::RowOrder::staged) == load(seed, dir / "as-read.db", seed::RowOrder::as_read));
    CHECK(count("SELECT count(*) FROM fact f JOIN statement s ON s.fact_id = f.id AND s.annotation_source_id IS NOT NULL "
                "WHERE f.is_annotation = 0 AND f.first_article_id = 'aa-river-note'") == 1);
    CHECK(count("SELECT count(*) FROM disagreement") > 0);
  }
}

TEST_CASE("identities: a statement's values read back as written, whatever the text holds", "[staging]") {
  const auto& kind = *seed::find_kind("attendance");
  REQUIRE(kind.fields.size() >= 3);
  seed::FieldValues values;
  values.fields.emplace_back(&kind.fields[0], std::string("3s5:x;1i2;-"));
  values.fields.emplace_back(&kind.fields[2], std::int64_t{-42});
  values.fields.emplace_back(&kind.fields[1], std::monostate{});
  values.fields.emplace_back(&kind.fields[0], std::string(""));
  auto text = values.encode(kind);
  auto back = seed::FieldValues::decode(kind, text);
  CHECK(back.fields == values.fields);
  CHECK_THROWS_AS(seed::FieldValues::decode(kind, text.substr(0, text.size() - 2)), Error);
  CHECK_THROWS_AS(seed::FieldValues::decode(kind, "999-"), Error);
}
