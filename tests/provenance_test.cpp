// Provenance a reader can follow: why, search, and the database describing itself.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "factdb/build.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/evidence.h"
#include "factdb/schema.h"
#include "factdb/schema_doc.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;
using nlohmann::json;

namespace {

struct Built {
  TempDir dir;
  fs::path db = build_real_db(dir.path());
};

bool quoted(const ExplainedRow& row, const std::string& quote) {
  return std::any_of(row.support.begin(), row.support.end(),
                     [&](const Support& s) { return !s.is_annotation && s.quote == quote; });
}

}  // namespace

TEST_CASE("why stand-ins quotes Sharif's and Iran's acting President's passages, and marks the annotations", "[why]") {
  Built b;
  Database db(b.db);
  auto e = explain(db, "stand-ins");
  REQUIRE(e.rows.size() == 2);
  CHECK(quoted(e.rows[0], "Prime Minister Shehbaz Sharif of Pakistan"));
  CHECK(quoted(e.rows[1], "Iran sent acting President Mohammad Mokhbar"));
  for (const auto& row : e.rows) {
    auto annotation = std::find_if(row.support.begin(), row.support.end(), [](const Support& s) { return s.is_annotation; });
    REQUIRE(annotation != row.support.end());
    CHECK(annotation->kind == "office_role");
    CHECK(annotation->source == "Wikidata");
    for (const auto& s : row.support) {
      if (s.is_annotation) continue;
      // The position given is where the quote really is.
      auto check = db.run_sql("SELECT substr(text, :start, :length) FROM article WHERE id = :id",
                              {{"start", std::to_string(*s.start)}, {"length", std::to_string(*s.length)}, {"id", s.article_id}});
      CHECK(check.rows.at(0).at(0) == Value{s.quote});
      // And the line and column of its first and last character are where a
      // reader finds them: counted in characters, not bytes.
      auto text = read_file(real_seed() / "sco-summit-astana-2024" / "article.txt");
      std::vector<std::u32string> lines{U""};
      for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (text[i] == '\n') lines.emplace_back();
        else lines.back() += static_cast<char32_t>(c);  // one character; its value does not matter here
        i += n;
      }
      REQUIRE(s.line);
      REQUIRE(s.end_line);
      CHECK(*s.line == *s.end_line);  // a quote within one paragraph line
      CHECK(static_cast<std::int64_t>(lines.at(static_cast<std::size_t>(*s.line - 1)).size()) >= *s.end_column);
      CHECK(*s.end_column - *s.column + 1 == *s.length);
    }
  }
  // Sharif's words: the 87th to 127th characters of the ninth line.
  const auto& sharif = *std::find_if(e.rows[0].support.begin(), e.rows[0].support.end(),
                                     [](const Support& s) { return s.quote == "Prime Minister Shehbaz Sharif of Pakistan"; });
  CHECK(*sharif.line == 9);
  CHECK(*sharif.column == 87);
  CHECK(*sharif.end_column == 127);
  CHECK(*sharif.start == 728);
}

TEST_CASE("why works for every query that lists its facts, and refuses one that does not", "[why]") {
  Built b;
  Database db(b.db);
  for (const auto& q : db.canned_queries()) {
    if (!q.has_view()) continue;
    bool lists_facts = std::any_of(q.columns.begin(), q.columns.end(), [](const QueryColumn& c) { return c.name == "fact_ids"; });
    INFO(q.name);
    REQUIRE(lists_facts);
    for (const auto& row : explain(db, q.name).rows) CHECK_FALSE(row.support.empty());
  }
  CHECK_THROWS_AS(explain(db, "search", {{"q", "Kashmir"}}), Error);
}

TEST_CASE("cli: why in table and json formats", "[why][cli]") {
  Built b;
  auto table = run_factdb({"why", "stand-ins", "--db", b.db.string()});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("\"Prime Minister Shehbaz Sharif of Pakistan\"") != std::string::npos);
  CHECK(table.out.find("\"Iran sent acting President Mohammad Mokhbar\"") != std::string::npos);
  CHECK(table.out.find("annotation, Wikidata") != std::string::npos);
  auto j = json::parse(run_factdb({"why", "stand-ins", "--db", b.db.string(), "-f", "json"}).out);
  REQUIRE(j.size() == 2);
  CHECK(j[0]["row"]["person"] == "Shehbaz Sharif");
  bool has_annotation = false;
  for (const auto& ev : j[1]["evidence"]) has_annotation = has_annotation || ev["basis"] == "annotation";
  CHECK(has_annotation);
  auto csv = run_factdb({"why", "stand-ins", "--db", b.db.string(), "-f", "csv"});
  CHECK(csv.out.rfind("row,person,office,country,why,evidence,role_basis,fact_ids,fact_id,fact_kind,basis", 0) == 0);
}

TEST_CASE("search shows the whole sentence around a passage's match, and --full the whole passage", "[search]") {
  Built b;
  auto kashmir = run_factdb({"search", "Kashmir", "--db", b.db.string(), "-f", "json"});
  REQUIRE(kashmir.exit_code == 0);
  auto hits = json::parse(kashmir.out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["snippet"] ==
        "Although tensions exist within the SCO, particularly regarding political differences like the [Kashmir] conflict "
        "between India and Pakistan, the meeting showcased efforts to balance relations with both Russia and China while "
        "engaging with Western nations.");
  // A match in a paragraph's last sentence: from the sentence end before it.
  auto ambivalence = json::parse(run_factdb({"search", "ambivalence", "--db", b.db.string(), "-f", "json"}).out);
  CHECK(ambivalence[0]["snippet"] == "Putin aimed to demonstrate global [ambivalence] toward the war in Ukraine.");
  auto full = json::parse(run_factdb({"search", "Kashmir", "--full", "--db", b.db.string(), "-f", "json"}).out);
  auto snippet = full[0]["snippet"].get<std::string>();
  CHECK(snippet.rfind("Although tensions exist", 0) == 0);
  CHECK(snippet.find("toward the war in Ukraine.") == snippet.size() - std::string("toward the war in Ukraine.").size());
}

TEST_CASE("search finds people under every spelling and passages by their words", "[search]") {
  Built b;
  Database db(b.db);
  auto mokhber = db.run_canned("search", {{"q", "Mokhber"}});
  REQUIRE_FALSE(mokhber.rows.empty());
  CHECK(mokhber.rows[0][0] == Value{std::string("person")});
  CHECK(mokhber.rows[0][1] == Value{std::string("Mohammad Mokhbar")});

  auto kashmir = run_factdb({"search", "Kashmir", "--db", b.db.string(), "-f", "json"});
  REQUIRE(kashmir.exit_code == 0);
  auto hits = json::parse(kashmir.out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["kind"] == "passage");
  CHECK(hits[0]["article"] == "sco-summit-astana-2024");
  CHECK(hits[0]["snippet"].get<std::string>().find("[Kashmir] conflict between India") != std::string::npos);
  auto passage = db.run_sql("SELECT quote FROM evidence WHERE id = :id", {{"id", std::to_string(hits[0]["ref"].get<std::int64_t>())}});
  CHECK(std::get<std::string>(passage.rows.at(0).at(0)).find("the Kashmir conflict between India and Pakistan") != std::string::npos);

  for (const char* spelling : {"Japarov", "Rahmon", "United Nations", "U.N.", "Antonio"}) {
    INFO(spelling);
    auto any = json::parse(run_factdb({"search", spelling, "--db", b.db.string(), "-f", "json"}).out);
    CHECK_FALSE(any.empty());
  }
  // Words are words, not query syntax; --raw gives the syntax, and its errors are SQL errors.
  CHECK(run_factdb({"search", "Xi's", "--db", b.db.string()}).exit_code == 0);
  CHECK(run_factdb({"search", "--raw", "Kashmir OR", "--db", b.db.string()}).exit_code == 5);
}

TEST_CASE("the full-text index is in the file, for any client", "[search]") {
  Built b;
  auto shell = run({SQLITE3_SHELL, b.db.string(), "SELECT label FROM search_index WHERE search_index MATCH 'Kashmir'"});
  CHECK(shell.exit_code == 0);
  CHECK(shell.out == "sco-summit-astana-2024 ¶4\n");
}

TEST_CASE("info prints the versions and each source's SHA-256", "[info]") {
  Built b;
  auto r = run_factdb({"info", "--db", b.db.string(), "-f", "json"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> meta;
  for (const auto& row : json::parse(r.out)) meta[row["key"]] = row["value"];
  CHECK(meta["schema_version"] == std::to_string(kSchemaVersion));
  CHECK(meta["factdb_version"] == FACTDB_VERSION);
  CHECK(meta["article_sha256:sco-summit-astana-2024"] == "931a1f5cbde6009114cc9e0ce7ab4c65471f22e8e911287272fb716409e8c7c9");
  CHECK(meta.count("built_at") == 0);  // no time unless SOURCE_DATE_EPOCH gives one
}

TEST_CASE("every table, view and column is described, and docs/schema.md is current", "[info]") {
  Built b;
  Database db(b.db);
  auto undescribed = db.run_sql(
      "SELECT o.name || '.' || c.name FROM (" + std::string(kOwnObjectsSql) + ") o JOIN pragma_table_info(o.name) c "
      "WHERE NOT EXISTS (SELECT 1 FROM schema_doc d WHERE d.object = o.name AND d.column_name = c.name AND d.description <> '')");
  for (const auto& row : undescribed.rows) FAIL_CHECK("no description: " << std::get<std::string>(row[0]));
  INFO("regenerate with: factdb info --schema-markdown > docs/schema.md");
  CHECK(read_file(fs::path(FACTDB_SEED_DIR).parent_path() / "docs" / "schema.md") == schema_markdown(db));
}

TEST_CASE("the same seed gives a byte-identical database, whatever the time zone or locale", "[build][reproducible]") {
  TempDir dir;
  auto first = run({"env", "TZ=Pacific/Kiritimati", "LC_ALL=C", FACTDB_BINARY, "build", "--seed", real_seed().string(), "-o", "a.db"},
                   dir.path());
  auto second = run({"env", "TZ=America/Adak", "LC_ALL=C.UTF-8", FACTDB_BINARY, "build", "--seed", real_seed().string(), "-o", "b.db"},
                    dir.path());
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  CHECK(read_file(dir / "a.db") == read_file(dir / "b.db"));
  auto stamped = run({"env", "SOURCE_DATE_EPOCH=1720051200", FACTDB_BINARY, "build", "--seed", real_seed().string(), "-o", "c.db"},
                     dir.path());
  REQUIRE(stamped.exit_code == 0);
  SQLite::Database c((dir / "c.db").string());
  CHECK(c.execAndGet("SELECT value FROM metadata WHERE key = 'built_at'").getString() == "2024-07-04T00:00:00Z");
  CHECK(c.execAndGet("PRAGMA journal_mode").getString() == "delete");
}
