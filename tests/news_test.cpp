// The seed with two more articles of other shapes: a second outlet's report
// of the same summit, whose folder sorts first and which agrees, adds and
// disagrees (tests/data/astana-wire-2024), and a report of another body's
// summit that states an absence, a host, outcomes, dates, statuses told apart
// and a group represented (tests/data/riga-river-council-test).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "factdb/build.h"
#include "factdb/check.h"
#include "factdb/graph.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

fs::path test_article(const std::string& name) { return real_seed().parent_path() / "tests" / "data" / name; }

// The seed, the second outlet and the Riga article, built once.
struct News {
  TempDir dir;
  fs::path db_path;
  News() {
    auto seed = copy_real_seed(dir.path());
    for (const char* name : {"astana-wire-2024", "riga-river-council-test"})
      fs::copy(test_article(name), seed / name, fs::copy_options::recursive);
    db_path = dir / "news.db";
    build_database(seed, db_path);
  }
};

News& news() {
  static News built;
  return built;
}

Database& news_db() {
  static Database db(news().db_path);
  return db;
}

std::vector<std::string> column(const ResultSet& r, const std::string& name) {
  auto at = static_cast<std::size_t>(std::find(r.columns.begin(), r.columns.end(), name) - r.columns.begin());
  REQUIRE(at < r.columns.size());
  std::vector<std::string> values;
  for (const auto& row : r.rows)
    values.push_back(std::holds_alternative<std::string>(row[at]) ? std::get<std::string>(row[at]) : std::string("NULL"));
  return values;
}

std::multiset<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

// The problems a build reports when the Riga article, beside the seed, has
// `from` replaced by `to` in its facts.toml.
std::vector<Diagnostic> riga_errors(const std::string& from, const std::string& to) {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::copy(test_article("riga-river-council-test"), seed / "riga", fs::copy_options::recursive);
  replace_once(seed / "riga" / "facts.toml", from, to);
  try {
    build_database(seed, dir / "facts.db");
  } catch (const SeedError& e) {
    return e.diagnostics();
  }
  FAIL("expected SeedError");
  return {};
}

}  // namespace

TEST_CASE("news: the seed's own answers are as they were, with a second outlet sorting first and another article beside it",
          "[news]") {
  auto& alone = shared_seed_db();
  for (const auto& q : alone.canned_queries()) {
    bool by_article = std::any_of(q.params.begin(), q.params.end(), [](const QueryParam& p) { return p.name == "article"; });
    bool needs_more = std::any_of(q.params.begin(), q.params.end(), [](const QueryParam& p) { return p.required; });
    // disagreements: the seed is now one side of some.
    if (!by_article || needs_more || q.name == "disagreements") continue;
    INFO(q.name);
    auto before = alone.run_canned(q.name, {{"article", "sco-summit-astana-2024"}});
    auto after = news_db().run_canned(q.name, {{"article", "sco-summit-astana-2024"}});
    CHECK(before.columns == after.columns);
    CHECK(before.rows == after.rows);
  }
  for (const auto& [query, param, value] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"person", "name", "Mokhbar"}, {"country", "country", "Iran"}}) {
    INFO(query);
    CHECK(alone.run_canned(query, {{param, value}, {"article", "sco-summit-astana-2024"}}).rows ==
          news_db().run_canned(query, {{param, value}, {"article", "sco-summit-astana-2024"}}).rows);
  }
}

TEST_CASE("news: check passes, and every fact of every article rests on its words or an annotation", "[news]") {
  for (const auto& r : check_database(news().db_path)) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }
}

TEST_CASE("news: disagreements lists the founding members the outlets count differently, and nothing else", "[news]") {
  auto d = news_db().run_canned("disagreements");
  CHECK(as_set(column(d, "about")) == std::multiset<std::string>{"Kazakhstan in Shanghai Cooperation Organization",
                                                                  "Kyrgyzstan in Shanghai Cooperation Organization",
                                                                  "Tajikistan in Shanghai Cooperation Organization",
                                                                  "Uzbekistan in Shanghai Cooperation Organization"});
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    std::set<std::string> values{column(d, "value")[i], column(d, "other_value")[i]};
    CHECK(values == std::set<std::string>{"member", "founding member"});
    std::set<std::string> articles{column(d, "articles")[i], column(d, "other_articles")[i]};
    CHECK(articles == std::set<std::string>{"astana-wire-2024", "sco-summit-astana-2024"});
  }
  // Belarus acceding in one and a member as of 4 July in the other is a change;
  // "observer or dialogue partner" lumps what "dialogue partner" names; "Xi
  // Jinping attended" says less than the seed, not otherwise.
  auto members = news_db().run_canned("members", {{"article", "astana-wire-2024"}});
  auto member = column(members, "member");
  auto belarus = static_cast<std::size_t>(std::find(member.begin(), member.end(), "Belarus") - member.begin());
  REQUIRE(belarus < member.size());
  CHECK(column(members, "status")[belarus] == "member");
  CHECK(column(members, "as_of")[belarus] == "2024-07-04");
  CHECK(news_db().run_canned("disagreements", {{"article", "riga-river-council-test"}}).rows.empty());
}

TEST_CASE("news: stand-ins are decided per article, from every office held and who else attended", "[news]") {
  auto corpus = news_db().run_canned("stand-ins");
  // The corpus names Mokhbar as most articles print him (a tie: the first article by id).
  CHECK(as_set(column(corpus, "person")) == std::multiset<std::string>{"Mohammad Mokhber", "Anna Kask", "Shehbaz Sharif"});
  // Lavrov attended beside his president; Jaishankar's standing is unknown
  // (neither his office's role nor India's head of state is recorded); Berg
  // came for a group.
  auto attendees = as_set(column(news_db().run_canned("attendees"), "person"));
  for (const char* present : {"Sergey Lavrov", "S. Jaishankar", "Lars Berg"}) CHECK(attendees.count(present) == 1);
  auto heads = as_set(column(news_db().run_canned("heads-of-state"), "person"));
  CHECK(heads.count("Recep Tayyip Erdogan") == 1);
  CHECK(heads.count("Andrzej Duda") == 1);
  CHECK(heads.count("S. Jaishankar") == 0);
  auto wire = news_db().run_canned("stand-ins", {{"article", "astana-wire-2024"}});
  CHECK(column(wire, "person") == std::vector<std::string>{"Mohammad Mokhber"});
  CHECK(column(wire, "evidence") == std::vector<std::string>{"Iran was represented by acting President Mohammad Mokhber"});
}

TEST_CASE("news: stated absences, with their reasons, apart from members nobody names", "[news]") {
  auto absent = news_db().run_canned("absent");
  CHECK(column(absent, "who") == std::vector<std::string>{"Narendra Modi", "the president", "Finland"});
  CHECK(column(absent, "reason") ==
        std::vector<std::string>{"as the new parliament was in session", "fell ill", "citing a national election"});
  auto riga = news_db().run_canned("unrepresented-members", {{"article", "riga-river-council-test"}});
  CHECK(column(riga, "member") == std::vector<std::string>{"Finland", "Lithuania"});
  CHECK(column(riga, "absence") == std::vector<std::string>{"stated absent: citing a national election", "not named"});
  // India sent its foreign minister: represented, whatever its prime minister
  // did; Kazakhstan's president hosted the summit. The wire names nobody for
  // three founders and for Belarus.
  CHECK(as_set(column(news_db().run_canned("unrepresented-members", {{"article", "astana-wire-2024"}}), "member")) ==
        std::multiset<std::string>{"Belarus", "Kyrgyzstan", "Tajikistan", "Uzbekistan"});
}

TEST_CASE("news: an office whose holder the article does not name", "[news]") {
  auto offices = news_db().run_canned("offices", {{"article", "riga-river-council-test"}});
  auto person = column(offices, "person");
  auto at = static_cast<std::size_t>(std::find(person.begin(), person.end(), "(not named)") - person.begin());
  REQUIRE(at < person.size());
  CHECK(column(offices, "office")[at] == "president");
  CHECK(column(offices, "of")[at] == "Estonia");
  CHECK(column(offices, "role")[at] == "head of state");
}

TEST_CASE("news: hosts, outcomes, meeting subjects and dates as printed and in ISO 8601", "[news]") {
  CHECK(column(news_db().run_canned("hosts"), "country") == std::vector<std::string>{"Kazakhstan", "Latvia"});
  CHECK(column(news_db().run_canned("outcomes", {{"event", "baltic-rivers-summit-2025"}}), "what") ==
        std::vector<std::string>{"a plan to cut farm runoff", "a joint statement on river shipping"});
  CHECK(as_set(column(news_db().run_canned("meetings"), "subject")) ==
        std::multiset<std::string>{"the war in Ukraine", "a planned rail link", "NULL"});
  auto dates = news_db().run_canned("dates", {{"article", "riga-river-council-test"}});
  CHECK(column(dates, "iso") == std::vector<std::string>{"2025-09-12", "2025-09-11", "2026"});
  CHECK(column(dates, "precision") == std::vector<std::string>{"day", "day", "year"});
  CHECK(column(dates, "resolved") == std::vector<std::string>{"as printed", "against the article's date", "as printed"});
}

TEST_CASE("news: one person printed two ways is one entity, found by either spelling", "[news]") {
  SQLite::Database db(news().db_path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement names(db, "SELECT group_concat(name, '|') FROM (SELECT name FROM mention WHERE entity_id = 'mohammad-mokhbar' ORDER BY name)");
  REQUIRE(names.executeStep());
  CHECK(names.getColumn(0).getString() == "Mohammad Mokhbar|Mohammad Mokhber");
  for (const char* spelling : {"Mokhbar", "Mokhber"}) {
    INFO(spelling);
    auto found = news_db().run_canned("search", {{"q", spelling}, {"kind", "person"}});
    CHECK(column(found, "ref") == std::vector<std::string>{"mohammad-mokhbar"});
  }
}

TEST_CASE("news: printed words that do not give the ISO date are an error naming the place", "[news]") {
  auto errors = riga_errors("printed = \"on Thursday\"\niso = 2025-09-11", "printed = \"on Thursday\"\niso = 2025-09-12");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where.file.find("riga") != std::string::npos);
  CHECK(errors[0].message.find("2025-09-12 is a friday, not a thursday") != std::string::npos);
}

TEST_CASE("news: a year is written bare or quoted, and a number that is no year is an error", "[news]") {
  auto errors = riga_errors("iso = 2026", "iso = 20260");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("'iso' must be a date in ISO 8601 to the precision known: 2024") != std::string::npos);
}

TEST_CASE("news: a wire report: an attendee or a speaker named only by office, a member count its words must give", "[news]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::copy(test_article("danube-council-vienna-test"), seed / "danube", fs::copy_options::recursive);
  build_database(seed, dir / "facts.db");
  Database db(dir / "facts.db");
  const ParamValues danube{{"article", "danube-council-vienna-test"}};
  auto attendees = db.run_canned("attendees", danube);
  CHECK(column(attendees, "person").back() == "(not named)");
  CHECK(column(attendees, "office").back() == "ambassador to Austria");
  CHECK(column(attendees, "represents").back() == "Ukraine");
  CHECK(column(db.run_canned("stand-ins", danube), "person") == std::vector<std::string>{"Vesna Jović", "Ioana Petrescu"});
  CHECK(column(db.run_canned("absent", danube), "who") ==
        std::vector<std::string>{"Dragan Milić", "Mihai Dobre", "Croatia"});
  CHECK(column(db.run_canned("heads-of-state", danube), "country") ==
        std::vector<std::string>{"Hungary", "Slovakia", "Bulgaria"});
  auto said = db.run_canned("quotations", danube);
  CHECK(column(said, "speaker") == std::vector<std::string>{"Karl Brandner"});
  CHECK(column(said, "words") == std::vector<std::string>{"The river does not stop at borders, and neither do floods"});
  CHECK(column(said, "speech") == std::vector<std::string>{"direct"});
  CHECK(column(news_db().run_canned("quotations", {{"article", "riga-river-council-test"}}), "speech") ==
        std::vector<std::string>{"reported"});
  CHECK(column(db.run_canned("person", {{"name", "Brandner"}}), "aspect").back() == "said");
  auto counts = db.run_canned("member-counts", danube);
  REQUIRE(counts.rows.size() == 1);
  CHECK(counts.rows[0][1] == Value{std::int64_t{9}});  // members
  CHECK(counts.rows[0][4] == Value{std::int64_t{4}});  // named: three founders and Moldova; the rest go unnamed
  // Names are found by their words, accents and case folded, the last word a prefix.
  for (const char* typed : {"Milic", "dragan milić", "Mil", "DRAGAN"}) {
    INFO(typed);
    CHECK(column(db.run_canned("person", {{"name", typed}}), "person").front() == "Dragan Milić");
  }
  // A name no entity has is an error that offers the closest, not an empty answer.
  try {
    db.run_canned("person", {{"name", "Milicz"}});
    FAIL("no error for a name no one has");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == "no person named 'Milicz' in the database; the closest: Milić");
  }
  CHECK_THROWS_AS(db.run_canned("person", {{"name", "\") OR 1 --"}}), Error);  // words, never query syntax
  // Words that fit several people give them all, and say so.
  auto mi = column(db.run_canned("person", {{"name", "Mi"}}), "person");
  CHECK(std::set<std::string>(mi.begin(), mi.end()) == std::set<std::string>{"Dragan Milić", "Mihai Dobre", "Shavkat Mirziyoyev"});
  REQUIRE(db.notes().size() == 1);
  CHECK(db.notes().front() == "'Mi' fits 3 names (person): Dragan Milić, Mihai Dobre, Shavkat Mirziyoyev; the answer holds them all");
  CHECK(column(db.run_canned("country", {{"country", "bulgaria"}}), "country").front() == "Bulgaria");
  // Austria's chancellor hosted the summit: Austria was there, though no attendance names him.
  CHECK(db.run_canned("unrepresented-members", danube).rows.empty());
  for (const auto& r : check_database(dir / "facts.db")) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }

  CHECK(graph_dot(db, GraphPart::attendance, std::string("danube-council-vienna-test"))
            .find("[label=\"(not named) ambassador to Austria\"") != std::string::npos);

  // A speaker named only by office ("a spokesman said"), as the Danube report could have put it.
  replace_once(seed / "danube" / "facts.toml", "[[quotation]]\nspeaker = \"karl-brandner\"", "[[quotation]]\noffice = \"chancellor-of-austria\"");
  build_database(seed, dir / "unnamed.db");
  auto unnamed = Database(dir / "unnamed.db").run_canned("quotations", danube);
  CHECK(column(unnamed, "speaker") == std::vector<std::string>{"(not named)"});
  CHECK(column(unnamed, "office") == std::vector<std::string>{"Chancellor"});

  replace_once(seed / "danube" / "facts.toml", "represents = \"ukraine\"\noffice = \"ambassador-of-ukraine-to-austria\"\n",
               "represents = \"ukraine\"\n");
  replace_once(seed / "danube" / "facts.toml", "[[quotation]]\noffice = \"chancellor-of-austria\"\n", "[[quotation]]\n");
  replace_once(seed / "danube" / "facts.toml", "count = 9\n", "count = 10\n");
  try {
    build_database(seed, dir / "again.db");
    FAIL("expected SeedError");
  } catch (const SeedError& e) {
    REQUIRE(e.diagnostics().size() == 3);
    CHECK(e.diagnostics()[0].message.find("[[attendance]] needs who attended") != std::string::npos);
    CHECK(e.diagnostics()[1].message.find("[[quotation]] needs who said it") != std::string::npos);
    CHECK(e.diagnostics()[2].message.find("'printed' \"nine members\" gives 9, not 'count' 10") != std::string::npos);
  }
}

TEST_CASE("seed format: docs/seed-format.md is what factdb seed-format prints, and names every kind", "[docs]") {
  TempDir dir;
  auto r = run_factdb({"seed-format"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == read_file(real_seed().parent_path() / "docs" / "seed-format.md"));
  for (const char* kind : {"[[absence]]", "[[host]]", "[[outcome]]", "[[date]]", "[[membership]]", "[[attendance]]"})
    CHECK(r.out.find(std::string("### ") + kind) != std::string::npos);
  auto schema = run_factdb({"seed-format", "--json-schema"}, dir.path());
  REQUIRE(schema.exit_code == 0);
  CHECK(schema.out.find("\"enum\": [\n              \"founding member\"") != std::string::npos);
}

TEST_CASE("new: an article's folder with its text byte for byte and a facts.toml that builds as it is", "[new][cli]") {
  TempDir dir;
  fs::create_directories(dir / "seed");
  fs::copy(real_seed() / "sources.toml", dir / "seed" / "sources.toml");
  for (const auto& text : {real_seed() / "sco-summit-astana-2024" / "article.txt", test_article("astana-wire-2024") / "article.txt",
                           test_article("riga-river-council-test") / "article.txt", second_article() / "article.txt",
                           test_article("danube-council-vienna-test") / "article.txt"}) {
    INFO(text.string());
    fs::remove_all(dir / "seed" / "started");
    auto r = run_factdb({"new", text.string(), "--seed", "seed", "--id", "started"}, dir.path());
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(dir / "seed" / "started" / "article.txt") == read_file(text));
    auto facts = read_file(dir / "seed" / "started" / "facts.toml");
    CHECK(facts.find("{ role = \"headline\", quote = ") != std::string::npos);
    CHECK(facts.find("{ role = \"body\", from = ") != std::string::npos);
    auto build = run_factdb({"build", "--seed", "seed", "-o", "started.db", "-q"}, dir.path());
    CHECK(build.exit_code == 0);
    CHECK(build.err.empty());
  }
  // The seed's headline, body and footer are found as its curator marked them.
  REQUIRE(run_factdb({"new", (real_seed() / "sco-summit-astana-2024" / "article.txt").string(), "--seed", "seed"}, dir.path())
              .exit_code == 0);
  auto seed_facts = read_file(dir / "seed" / "article" / "facts.toml");  // the id comes from the file's name
  CHECK(seed_facts.find("{ role = \"headline\", quote = \"The Heads of Russia and China Unite at Central Asia Summit to "
                        "Demonstrate Strengthening Collaboration\" }") != std::string::npos);
  CHECK(seed_facts.find("{ role = \"footer\", quote = \"Exit mobile version\" }") != std::string::npos);
  CHECK(seed_facts.find("President Kassym-Jomart Tokayev;") != std::string::npos);
  // A wire report: its byline, its dateline's date as the article's own, the
  // dates it prints, and names that only open sentences listed apart.
  auto wire = read_file(dir / "seed" / "started" / "facts.toml");  // the last text started: the Danube report
  CHECK(wire.find("{ role = \"byline\", quote = \"By Anna Weiss\" }") != std::string::npos);
  CHECK(wire.find("[[date]]\nrole = \"published\"\nprinted = \"March 14, 2025\"\niso = 2025-03-14\n") != std::string::npos);
  CHECK(wire.find("# March 14, 2025; on Thursday; on Wednesday; in 2023; last year; on Friday;") != std::string::npos);
  CHECK(wire.find("# Perhaps names too (they only open sentences):\n# VIENNA; Romania; Moldova; Ukraine;") != std::string::npos);
  CHECK(wire.find(" Serbia;") != std::string::npos);  // a possessive opening a sentence: "Serbia's President"
  CHECK(wire.find("Thursday;") == wire.find("on Thursday;") + 3);  // a day is a date, not a name
}

TEST_CASE("new: never overwrites, refuses a bad id or text, and leaves nothing half made", "[new][cli]") {
  TempDir dir;
  fs::create_directories(dir / "seed" / "taken");
  write_file(dir / "text.txt", "A headline of some words\n\nA body paragraph that says something, at some length.\n");
  write_file(dir / "latin1.txt", "A headline\n\ncaf\xe9 au lait.\n");
  auto taken = run_factdb({"new", "text.txt", "--seed", "seed", "--id", "taken"}, dir.path());
  CHECK(taken.exit_code == 2);
  CHECK(taken.err.find("exists already") != std::string::npos);
  CHECK(run_factdb({"new", "text.txt", "--seed", "seed", "--id", "Bad Id"}, dir.path()).exit_code == 2);
  CHECK(run_factdb({"new", "text.txt", "--seed", "seed", "--id", "../escape"}, dir.path()).exit_code == 2);
  auto latin1 = run_factdb({"new", "latin1.txt", "--seed", "seed"}, dir.path());
  CHECK(latin1.exit_code == 3);
  CHECK(latin1.err.find("latin1.txt:3:4: invalid UTF-8") != std::string::npos);
  CHECK(run_factdb({"new", "missing.txt", "--seed", "seed"}, dir.path()).exit_code == 4);
  CHECK(run_factdb({"new", "text.txt", "--seed", "no-such-seed"}, dir.path()).exit_code == 4);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir / "seed")) left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"taken"});
  CHECK(fs::is_empty(dir / "seed" / "taken"));
}

TEST_CASE("news: a head of state attending without the office named is still one, and dated holdings change while their dates disagree",
          "[news]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto riga = seed / "riga-river-council-test";
  auto wire = seed / "astana-wire-2024";
  fs::copy(test_article("riga-river-council-test"), riga, fs::copy_options::recursive);
  fs::copy(test_article("astana-wire-2024"), wire, fs::copy_options::recursive);
  // Duda attends with no office named; he holds Poland's head-of-state office.
  replace_once(riga / "facts.toml", "represents = \"poland\"\noffice = \"president-of-poland\"\n", "represents = \"poland\"\n");
  // The wire (5 July 2024) calls Mokhber's holding not acting, and gives its start; the seed (undated) gives none.
  replace_once(wire / "facts.toml", "office = \"president-of-iran\"\nacting = true\n",
               "office = \"president-of-iran\"\nsince = \"2024-05\"\n");
  build_database(seed, dir / "facts.db");
  Database db(dir / "facts.db");
  auto heads = db.run_canned("heads-of-state", {{"article", "riga-river-council-test"}});
  CHECK(column(heads, "person") == std::vector<std::string>{"Edgars Rinkevics", "Andrzej Duda"});
  CHECK(column(heads, "office") == std::vector<std::string>{"President", "President"});
  // The seed has no date: 'acting' given otherwise is a disagreement, not a change.
  auto d = db.run_canned("disagreements", {{"article", "astana-wire-2024"}});
  CHECK(as_set(column(d, "field")).count("acting") == 1);
  auto offices = db.run_canned("offices", {{"article", "astana-wire-2024"}});
  auto person = column(offices, "person");
  auto at = static_cast<std::size_t>(std::find(person.begin(), person.end(), "Mohammad Mokhber") - person.begin());
  REQUIRE(at < person.size());
  CHECK(column(offices, "as_of")[at] == "2024-05");
  CHECK(column(offices, "office")[at] == "President");
  // Once the seed is dated too, the same difference is a change over time.
  std::ofstream(seed / "sco-summit-astana-2024" / "facts.toml", std::ios::app)
      << "\n[[date]]\nrole = \"published\"\niso = 2024-07-04\nannotation = { source = \"wikidata\", note = \"the summit's second day\" }\n";
  build_database(seed, dir / "dated.db");
  Database dated(dir / "dated.db");
  CHECK(as_set(column(dated.run_canned("disagreements", {{"article", "astana-wire-2024"}}), "field")).count("acting") == 0);
  // A term stated to end before the event (the Riga summit of 11 September
  // 2025) makes nobody head of state at it.
  replace_once(riga / "facts.toml", "person = \"edgars-rinkevics\"\noffice = \"president-of-latvia\"\n",
               "person = \"edgars-rinkevics\"\noffice = \"president-of-latvia\"\nuntil = \"2025-01\"\n");
  build_database(seed, dir / "ended.db");
  Database ended(dir / "ended.db");
  CHECK(column(ended.run_canned("heads-of-state", {{"article", "riga-river-council-test"}}), "person") ==
        std::vector<std::string>{"Andrzej Duda"});
  CHECK(as_set(column(ended.run_canned("stand-ins", {{"article", "riga-river-council-test"}}), "person")).count("Edgars Rinkevics") == 1);
}

TEST_CASE("news: check fails a standing, a disagreement, an article date or a first mention that does not follow from the statements",
          "[news]") {
  for (const char* tamper : {"DELETE FROM attendance_standing WHERE fact_id = (SELECT min(fact_id) FROM attendance_standing)",
                             "UPDATE article SET published = '1999' WHERE id = 'astana-wire-2024'",
                             "INSERT INTO disagreement SELECT min(fact_id), max(fact_id), 'status', 'a', 'b' FROM statement "
                             "WHERE article_id = 'riga-river-council-test'",
                             // an entity's first mention moved to the last article naming it
                             "UPDATE first_mention SET (article_id, seq, fact_id) = (SELECT m.article_id, s.seq, m.fact_id FROM mention m "
                             "JOIN statement s ON s.fact_id = m.fact_id WHERE m.entity_id = first_mention.entity_id "
                             "ORDER BY m.article_id DESC LIMIT 1) "
                             "WHERE entity_id = (SELECT entity_id FROM mention GROUP BY entity_id HAVING count(*) > 1 LIMIT 1)",
                             "UPDATE first_mention SET seq = seq + 1 WHERE entity_id = (SELECT min(entity_id) FROM first_mention)",
                             "DELETE FROM first_mention WHERE entity_id = (SELECT min(entity_id) FROM first_mention)"}) {
    INFO(tamper);
    TempDir dir;
    fs::copy_file(news().db_path, dir / "tampered.db");
    {
      SQLite::Database db((dir / "tampered.db").string(), SQLite::OPEN_READWRITE);
      db.exec(tamper);
    }
    auto results = check_database(dir / "tampered.db");
    auto derived = std::find_if(results.begin(), results.end(), [](const CheckResult& r) { return r.name == "derived"; });
    REQUIRE(derived != results.end());
    CHECK_FALSE(derived->ok);
  }
}

TEST_CASE("news: one outlet says a leader attended, another that he stayed away: a disagreement across kinds", "[news]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto wire = seed / "astana-wire-2024";
  fs::copy(test_article("astana-wire-2024"), wire, fs::copy_options::recursive);
  replace_once(wire / "facts.toml",
               "[[attendance]]\nevent = \"sco-summit-astana-2024\"\nperson = \"xi-jinping\"\nrepresents = \"china\"\n",
               "[[absence]]\nevent = \"sco-summit-astana-2024\"\nperson = \"xi-jinping\"\ncountry = \"china\"\n");
  build_database(seed, dir / "facts.db");
  Database db(dir / "facts.db");
  auto d = db.run_canned("disagreements", {{"article", "astana-wire-2024"}});
  auto field = column(d, "field");
  auto at = static_cast<std::size_t>(std::find(field.begin(), field.end(), "attended") - field.begin());
  REQUIRE(at < field.size());
  CHECK(std::set<std::string>{column(d, "value")[at], column(d, "other_value")[at]} == std::set<std::string>{"yes", "no"});
  CHECK(column(d, "about")[at].rfind("Xi Jinping at ", 0) == 0);
  for (const auto& r : check_database(dir / "facts.db")) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }
}

TEST_CASE("news: a member that left, as of a date, is a change from the member it was", "[news]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto riga = seed / "riga-river-council-test";
  fs::copy(test_article("riga-river-council-test"), riga, fs::copy_options::recursive);
  // A later report, dated, says Finland left.
  write_file(seed / "later" / "article.txt", "Finland leaves river council\n\nFinland left the Council of Baltic Rivers on 1 March 2026.\n");
  write_file(seed / "later" / "facts.toml",
             "[article]\ntext = \"article.txt\"\nsections = [{ role = \"headline\", quote = \"Finland leaves river council\" }]\n\n"
             "[[country]]\nid = \"finland\"\nname = \"Finland\"\n\n"
             "[[membership]]\norganization = \"council-of-baltic-rivers\"\nmember = \"finland\"\nstatus = \"former member\"\n"
             "as_of = 2026-03-01\nquote = \"Finland left the Council of Baltic Rivers on 1 March 2026\"\n");
  build_database(seed, dir / "facts.db");
  Database db(dir / "facts.db");
  auto members = db.run_canned("members");
  auto member = column(members, "member");
  auto status = column(members, "status");
  std::multiset<std::string> finland;
  for (std::size_t i = 0; i < member.size(); ++i)
    if (member[i] == "Finland") finland.insert(status[i] + " " + column(members, "as_of")[i]);
  CHECK(finland == std::multiset<std::string>{"member 2025-09-12", "former member 2026-03-01"});
  CHECK(db.run_canned("disagreements").rows.empty());
}

TEST_CASE("news: a fact restated after another article contradicted it is one disagreement, not two", "[news]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::copy(test_article("riga-river-council-test"), seed / "riga-river-council-test", fs::copy_options::recursive);
  // Riga says Finland is a member; the next report says observer; the one
  // after it says member again, the fact Riga stated.
  auto report = [&](const std::string& id, const std::string& status, const std::string& sentence) {
    write_file(seed / id / "article.txt", "River council roll call\n\n" + sentence + "\n");
    write_file(seed / id / "facts.toml",
               "[article]\ntext = \"article.txt\"\nsections = [{ role = \"headline\", quote = \"River council roll call\" }]\n\n"
               "[[country]]\nid = \"finland\"\nname = \"Finland\"\n\n"
               "[[membership]]\norganization = \"council-of-baltic-rivers\"\nmember = \"finland\"\nstatus = \"" + status +
               "\"\nquote = \"" + sentence + "\"\n");
  };
  report("roll-call-1", "observer", "Finland is an observer of the Council of Baltic Rivers");
  report("roll-call-2", "member", "Finland is a member of the Council of Baltic Rivers");
  build_database(seed, dir / "facts.db");
  Database db(dir / "facts.db");
  auto d = db.run_canned("disagreements");
  CHECK(as_set(column(d, "field")) == std::multiset<std::string>{"status"});
  for (const auto& r : check_database(dir / "facts.db")) {
    INFO(r.name << ": " << r.detail);
    CHECK(r.ok);
  }
}

TEST_CASE("news: a fact first stated by annotation, then in words by an article whose id sorts first, is that article's",
          "[news]") {
  // The build sorts the rows of most tables by key before writing them; what
  // a later article changes of a fact, or of an event, must still hold.
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  const std::string text = "River council note\n\nFinland joined the river council at the river summit.\n";
  auto report = [&](const std::string& folder, const std::string& id, const std::string& facts) {
    write_file(seed / folder / "article.txt", text);
    write_file(seed / folder / "facts.toml",
               "[article]\nid = \"" + id + "\"\ntext = \"article.txt\"\n"
               "sections = [{ role = \"headline\", quote = \"River council note\" }]\n\n"
               "[[country]]\nid = \"finland\"\nname = \"Finland\"\n\n"
               "[[organization]]\nid = \"river-council\"\nname = \"river council\"\n\n" + facts);
  };
  // Read first (its folder sorts first), though its id sorts last.
  report("a-folder", "zz-river-note",
         "[[event]]\nid = \"river-summit\"\nname = \"river summit\"\n\n"
         "[[membership]]\norganization = \"river-council\"\nmember = \"finland\"\nstatus = \"member\"\n"
         "annotation = { source = \"wikidata\", note = \"member since 2001\" }\n");
  report("b-folder", "aa-river-note",
         "[[event]]\nid = \"river-summit\"\nname = \"river summit\"\norganization = \"river-council\"\n\n"
         "[[membership]]\norganization = \"river-council\"\nmember = \"finland\"\nstatus = \"member\"\n"
         "quote = \"Finland joined the river council\"\n");
  build_database(seed, dir / "facts.db");  // its own check proves each fact's first article, place and flag
  SQLite::Database db((dir / "facts.db").string());
  SQLite::Statement fact(db,
                         "SELECT f.first_article_id, f.first_seq = s.seq, f.is_annotation FROM membership m "
                         "JOIN fact f ON f.id = m.fact_id JOIN statement s ON s.fact_id = f.id AND s.article_id = 'aa-river-note' "
                         "WHERE m.member_id = 'finland'");
  REQUIRE(fact.executeStep());
  CHECK(fact.getColumn(0).getString() == "aa-river-note");
  CHECK(fact.getColumn(1).getInt() == 1);
  CHECK(fact.getColumn(2).getInt() == 0);
  CHECK(db.execAndGet("SELECT organization_id FROM event WHERE id = 'river-summit'").getString() == "river-council");
}
