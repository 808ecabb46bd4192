#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "factdb/build.h"
#include "factdb/check.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include "helpers.h"

#include <algorithm>
#include <fstream>

using namespace factdb;
using namespace factdb::testing;

namespace {
std::int64_t scalar(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }
}  // namespace

TEST_CASE("every evidence row is a verbatim span of its article, by SQLite's own substr", "[build]") {
  TempDir dir;
  SQLite::Database db(build_real_db(dir.path()).string());
  auto rows = scalar(db, "SELECT count(*) FROM evidence");
  CHECK(rows > 50);
  CHECK(scalar(db, "SELECT count(*) FROM evidence e JOIN article a ON a.id = e.article_id "
                   "WHERE substr(a.text, e.start, e.length) = e.quote") == rows);
  // Spans after the article's 3-byte curly apostrophes are among them: offsets count characters, not bytes.
  CHECK(scalar(db, "SELECT count(*) FROM evidence e JOIN article a ON a.id = e.article_id "
                   "WHERE instr(substr(a.text, 1, e.start), '’') > 0") > 10);
}

TEST_CASE("the article is stored byte for byte with its SHA-256 and its parts", "[build]") {
  TempDir dir;
  SQLite::Database db(build_real_db(dir.path()).string());
  auto file = read_file(real_seed() / "sco-summit-astana-2024" / "article.txt");
  SQLite::Statement a(db, "SELECT text, sha256, title, source_site FROM article WHERE id = 'sco-summit-astana-2024'");
  REQUIRE(a.executeStep());
  CHECK(a.getColumn(0).getString() == file);
  CHECK(a.getColumn(1).getString() == "931a1f5cbde6009114cc9e0ce7ab4c65471f22e8e911287272fb716409e8c7c9");
  CHECK(a.getColumn(2).getString() ==
        "The Heads of Russia and China Unite at Central Asia Summit to Demonstrate Strengthening Collaboration");
  CHECK(a.getColumn(3).isNull());  // the text does not name its site
  SQLite::Statement parts(db, "SELECT s.role, e.quote FROM article_section s JOIN evidence e ON e.id = s.evidence_id ORDER BY e.start");
  std::vector<std::string> roles;
  while (parts.executeStep()) {
    roles.push_back(parts.getColumn(0).getString());
    if (roles.back() == "body") {
      auto body = parts.getColumn(1).getString();
      CHECK(body.rfind("Russian President Vladimir Putin", 0) == 0);
      CHECK(body.find("Exit mobile version") == std::string::npos);
    }
  }
  CHECK(roles == std::vector<std::string>{"navigation", "headline", "body", "footer"});
}

TEST_CASE("every fact rests on a citation or on an annotation with its source, never both", "[build]") {
  TempDir dir;
  SQLite::Database db(build_real_db(dir.path()).string());
  CHECK(scalar(db, "SELECT count(*) FROM statement s WHERE (annotation_source_id IS NULL) = "
                   "(NOT EXISTS (SELECT 1 FROM citation c WHERE c.fact_id = s.fact_id AND c.article_id = s.article_id))") == 0);
  // Knowledge the article does not give is marked: the head-of-state roles and usual spellings.
  CHECK(scalar(db, "SELECT count(*) FROM office_role r JOIN fact f ON f.id = r.fact_id WHERE f.is_annotation = 0") == 0);
  CHECK(scalar(db, "SELECT f.is_annotation FROM alias a JOIN fact f ON f.id = a.fact_id WHERE a.name = 'Mohammad Mokhber'") == 1);
  CHECK(scalar(db, "SELECT f.is_annotation FROM alias a JOIN fact f ON f.id = a.fact_id WHERE a.name = 'SCO'") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM entity WHERE name = 'Mohammad Mokhbar'") == 1);  // as printed
}

TEST_CASE("the written database passes every check, with a rollback journal and factdb's ids", "[build]") {
  TempDir dir;
  auto path = build_real_db(dir.path());
  for (const auto& r : check_database(path)) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }
  SQLite::Database db(path.string());
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
  CHECK(scalar(db, "PRAGMA application_id") == 0x66616374);
  CHECK(scalar(db, "PRAGMA user_version") == kSchemaVersion);
}

TEST_CASE("check finds a statement without support and a fact whose summary is wrong", "[build][check]") {
  TempDir dir;
  auto path = build_real_db(dir.path());
  auto fact_support_after = [&](const std::string& tamper) {
    auto copy = dir.path() / "tampered.db";
    fs::copy_file(path, copy, fs::copy_options::overwrite_existing);
    {
      SQLite::Database db(copy.string(), SQLite::OPEN_READWRITE);
      db.exec(tamper);
    }
    for (const auto& r : check_database(copy))
      if (r.name == "fact support") return r;
    FAIL("no fact support check");
    return CheckResult{};
  };
  const std::string quoted = "(SELECT id FROM fact WHERE NOT is_annotation AND kind = 'attendance' ORDER BY id LIMIT 1)";
  auto r = fact_support_after("DELETE FROM citation WHERE fact_id = " + quoted);
  CHECK_FALSE(r.ok);
  CHECK(r.detail.find("1 statement(s) with neither citation nor annotation") != std::string::npos);
  r = fact_support_after("UPDATE statement SET annotation_source_id = (SELECT id FROM annotation_source LIMIT 1), "
                         "annotation_note = 'x' WHERE fact_id = " + quoted);
  CHECK(r.detail.find("1 with both") != std::string::npos);
  r = fact_support_after("UPDATE fact SET is_annotation = 1 WHERE id = " + quoted);
  CHECK(r.detail.find("1 fact(s) no article states or whose first article or annotation flag is wrong") != std::string::npos);
  r = fact_support_after("UPDATE fact SET first_seq = first_seq + 1 WHERE id = " + quoted);
  CHECK(r.detail.find("1 fact(s) no article states") != std::string::npos);
  r = fact_support_after("UPDATE fact SET is_annotation = 0 WHERE id = (SELECT id FROM fact WHERE is_annotation LIMIT 1)");
  CHECK(r.detail.find("1 fact(s) no article states") != std::string::npos);
  r = fact_support_after("UPDATE fact SET first_article_id = 'a-' || first_article_id WHERE id = " + quoted);
  CHECK(r.detail.find("1 fact(s) no article states") != std::string::npos);
  r = fact_support_after("INSERT INTO fact (id, kind, first_article_id, first_seq, is_annotation) "
                         "VALUES (1, 'attendance', 'sco-summit-astana-2024', 1, 0)");
  CHECK(r.detail.find("1 fact(s) no article states") != std::string::npos);
}

TEST_CASE("a failed build leaves the previous database untouched and no temporary file", "[build][atomic]") {
  TempDir dir;
  auto db = build_real_db(dir.path());
  auto before = read_file(db);
  auto seed = copy_real_seed(dir.path());
  replace_once(seed / "sco-summit-astana-2024" / "facts.toml", "member = \"india\"", "member = \"indya\"");
  CHECK_THROWS_AS(build_database(seed, db), SeedError);
  CHECK(read_file(db) == before);
  CHECK(temporary_files(dir.path()).empty());
}

TEST_CASE("a tampered article fails the build at the quote it no longer contains", "[build][atomic]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto article = seed / "sco-summit-astana-2024" / "article.txt";
  replace_once(article, "Mokhbar", "Mokhber");
  try {
    build_database(seed, dir / "facts.db");
    FAIL("the build should have failed");
  } catch (const SeedError& e) {
    REQUIRE(!e.diagnostics().empty());
    const auto& d = e.diagnostics().front();
    CHECK(d.where.file == (seed / "sco-summit-astana-2024" / "facts.toml").string());
    CHECK(d.where.line > 0);
    CHECK(d.message.find("quote not found") != std::string::npos);
    CHECK(d.message.find("Mokhbar") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "facts.db"));
  CHECK(temporary_files(dir.path()).empty());
}

TEST_CASE("missing seed or output folders are reported as missing files", "[build]") {
  TempDir dir;
  try {
    build_database(dir / "no-such-seed", dir / "facts.db");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::missing_file);
  }
  try {
    build_database(real_seed(), dir / "no-such-folder" / "facts.db");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::missing_file);
  }
}

TEST_CASE("a second article needs data files only, and what both name is one row, linked to both", "[build][articles]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::copy(second_article(), seed / "steppe-dialogue-test", fs::copy_options::recursive);
  build_database(seed, dir / "facts.db");
  SQLite::Database db((dir / "facts.db").string());
  CHECK(scalar(db, "SELECT count(*) FROM article") == 2);
  // One person, named by both articles.
  CHECK(scalar(db, "SELECT count(*) FROM entity WHERE id = 'alexander-lukashenko'") == 1);
  CHECK(scalar(db, "SELECT count(DISTINCT article_id) FROM mention WHERE entity_id = 'alexander-lukashenko'") == 2);
  // One fact that both state, with a citation from each.
  CHECK(scalar(db, "SELECT count(*) FROM office_holding WHERE person_id = 'alexander-lukashenko'") == 1);
  CHECK(scalar(db, "SELECT count(DISTINCT e.article_id) FROM office_holding h JOIN citation c ON c.fact_id = h.fact_id "
                   "JOIN evidence e ON e.id = c.evidence_id WHERE h.person_id = 'alexander-lukashenko'") == 2);
  CHECK(scalar(db, "SELECT count(*) FROM statement s JOIN office_holding h ON h.fact_id = s.fact_id "
                   "WHERE h.person_id = 'alexander-lukashenko'") == 2);
  // The views cover every article; the article parameter narrows.
  CHECK(scalar(db, "SELECT count(*) FROM stand_ins") == 4);
  Database reader(dir / "facts.db");
  auto second = reader.run_canned("stand-ins", {{"article", "steppe-dialogue-test"}});
  REQUIRE(second.rows.size() == 2);
  CHECK(second.rows[0][0] == Value{std::string("Sergey Lavrov")});
  CHECK(second.rows[1][0] == Value{std::string("Roman Sklyar")});
  CHECK(reader.run_canned("stand-ins", {{"event", "steppe-dialogue"}}).rows.size() == 2);
  CHECK(reader.run_canned("attendees", {{"article", "sco-summit-astana-2024"}}).rows.size() == 9);
  for (const auto& r : check_database(dir / "facts.db")) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }
}

// Every id the seed article's rows carry: its facts, evidence spans and entities.
std::string seed_ids(const fs::path& db_path) {
  SQLite::Database db(db_path.string());
  return db.execAndGet(
               "SELECT group_concat(x, ' ') FROM ("
               "SELECT s.fact_id || ' ' || f.kind AS x FROM statement s JOIN fact f ON f.id = s.fact_id "
               " WHERE s.article_id = 'sco-summit-astana-2024' "
               "UNION ALL SELECT 'evidence ' || id FROM evidence WHERE article_id = 'sco-summit-astana-2024' "
               "UNION ALL SELECT 'entity ' || entity_id FROM mention WHERE article_id = 'sco-summit-astana-2024' ORDER BY 1)")
      .getString();
}

TEST_CASE("adding an article, before or after the first in folder order, changes no id the first one had", "[build][articles]") {
  TempDir dir;
  auto alone = build_real_db(dir.path());
  auto expected = seed_ids(alone);
  REQUIRE(expected.size() > 1000);
  // "steppe-dialogue-test" sorts after the seed's folder, "a-steppe-dialogue" before it.
  for (const char* folder : {"steppe-dialogue-test", "a-steppe-dialogue"}) {
    INFO(folder);
    TempDir other;
    auto seed = copy_real_seed(other.path());
    fs::copy(second_article(), seed / folder, fs::copy_options::recursive);
    build_database(seed, other / "both.db");
    CHECK(seed_ids(other / "both.db") == expected);
    // The article's own answers are as they were.
    Database before(alone), after(other / "both.db");
    for (const char* query : {"stand-ins", "attendees", "offices", "annotations"}) {
      INFO(query);
      CHECK(before.run_canned(query, {{"article", "sco-summit-astana-2024"}}).rows ==
            after.run_canned(query, {{"article", "sco-summit-astana-2024"}}).rows);
    }
  }
}

TEST_CASE("two articles that disagree on a shared fact are both kept, and disagreements shows them side by side",
          "[build][articles]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::copy(second_article(), seed / "steppe-dialogue-test", fs::copy_options::recursive);
  replace_once(seed / "steppe-dialogue-test" / "facts.toml",
               "person = \"alexander-lukashenko\"\noffice = \"president-of-belarus\"\nquote",
               "person = \"alexander-lukashenko\"\noffice = \"president-of-belarus\"\nacting = true\nquote");
  build_database(seed, dir / "facts.db");
  SQLite::Database db((dir / "facts.db").string());
  CHECK(scalar(db, "SELECT count(*) FROM office_holding WHERE person_id = 'alexander-lukashenko'") == 2);
  CHECK(scalar(db, "SELECT count(*) FROM disagreement") == 1);
  Database reader(dir / "facts.db");
  auto d = reader.run_canned("disagreements");
  REQUIRE(d.rows.size() == 1);
  auto cell = [&](const char* column) {
    auto i = static_cast<std::size_t>(std::find(d.columns.begin(), d.columns.end(), column) - d.columns.begin());
    return std::get<std::string>(d.rows[0].at(i));
  };
  CHECK(cell("field") == "acting");
  CHECK(cell("about") == "Alexander Lukashenko as President");
  CHECK(cell("articles") != cell("other_articles"));
  CHECK((cell("evidence").find("steppe-dialogue-test: ") != std::string::npos ||
         cell("other_evidence").find("steppe-dialogue-test: ") != std::string::npos));
  CHECK(reader.run_canned("disagreements", {{"article", "steppe-dialogue-test"}}).rows.size() == 1);
  for (const auto& r : check_database(dir / "facts.db")) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }
}

TEST_CASE("an article may refer to an entity that only another article defines, whichever folder sorts first",
          "[build][articles]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  // Sorts before the seed's folder, and names Russia without defining it.
  auto folder = seed / "a-steppe-dialogue";
  fs::copy(second_article(), folder, fs::copy_options::recursive);
  replace_once(folder / "facts.toml", "[[country]]\nid = \"russia\"\nname = \"Russia\"\n", "");
  build_database(seed, dir / "facts.db");
  SQLite::Database db((dir / "facts.db").string());
  CHECK(scalar(db, "SELECT count(*) FROM mention WHERE entity_id = 'russia'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM statement s JOIN office ON office.id = 'foreign-minister-of-russia' "
                   "JOIN mention m ON m.fact_id = s.fact_id AND m.entity_id = office.id WHERE s.article_id = 'a-steppe-dialogue'") == 1);
  // An id no article defines is still an error, named where it is used.
  replace_once(folder / "facts.toml", "of = \"russia\"", "of = \"ruritania\"");
  try {
    build_database(seed, dir / "again.db");
    FAIL("expected SeedError");
  } catch (const SeedError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].where.file.find("a-steppe-dialogue") != std::string::npos);
    CHECK(e.diagnostics()[0].message.find("no article defines id = \"ruritania\"") != std::string::npos);
  }
}

TEST_CASE("within one article, a fact stated twice with different values is an error", "[build]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto facts = seed / "sco-summit-astana-2024" / "facts.toml";
  std::ofstream(facts, std::ios::app) << "\n[[holding]]\nperson = \"shehbaz-sharif\"\noffice = \"prime-minister-of-pakistan\"\n"
                                         "acting = true\nquote = \"Prime Minister Shehbaz Sharif of Pakistan\"\n";
  try {
    build_database(seed, dir / "facts.db");
    FAIL("expected SeedError");
  } catch (const SeedError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].message.find("[[holding]] contradicts ('acting' is 0 there) the one at") != std::string::npos);
  }
}

TEST_CASE("a quote written { text, occurrence = N } cites the Nth place the words occur", "[build]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  replace_once(seed / "sco-summit-astana-2024" / "facts.toml", "quote = \"a platform for Putin to emphasize\"",
               "quote = { text = \"Putin\", occurrence = 2 }");
  auto db_path = dir / "facts.db";
  build_database(seed, db_path);
  auto text = read_file(seed / "sco-summit-astana-2024" / "article.txt");
  auto first = text.find("Putin");
  auto second = text.find("Putin", first + 1);
  REQUIRE(second != std::string::npos);
  std::int64_t chars_before = 0;  // SQLite counts characters, not bytes
  for (std::size_t i = 0; i < second; ++i) chars_before += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  SQLite::Database db(db_path.string());
  SQLite::Statement stmt(db,
                         "SELECT e.start, e.quote FROM alias a JOIN citation c ON c.fact_id = a.fact_id "
                         "JOIN evidence e ON e.id = c.evidence_id WHERE a.entity_id = 'vladimir-putin' AND a.name = 'Putin'");
  REQUIRE(stmt.executeStep());
  CHECK(stmt.getColumn(0).getInt64() == chars_before + 1);
  CHECK(stmt.getColumn(1).getString() == "Putin");
}
