// Bad seed data: each case asserts the file, line, column and message the
// user sees, and that nothing is written.
#include <catch2/catch.hpp>

#include "factdb/build.h"
#include "factdb/error.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

constexpr const char* kArticle =
    "A test headline\n\nPresident Ann Example of Freedonia met Prime Minister Bo Sample of Sylvania.\n"
    "Freedonia and Sylvania are members of the League. Freedonia hosted the meeting.\n";

// Lines 1-4 of every facts.toml below; a case's own lines start at line 5.
constexpr const char* kHeader =
    "[article]\n"
    "text = \"article.txt\"\n"
    "sections = [{ role = \"headline\", quote = \"A test headline\" }]\n"
    "\n";

constexpr const char* kPeople =
    "[[person]]\n"            // 5
    "id = \"ann\"\n"          // 6
    "name = \"Ann Example\"\n"  // 7
    "\n"                      // 8
    "[[country]]\n"           // 9
    "id = \"freedonia\"\n"    // 10
    "name = \"Freedonia\"\n"  // 11
    "\n";                     // 12; a case's own lines start at 13

constexpr const char* kSources = "[[source]]\nid = \"ref\"\ntitle = \"A reference work\"\n";

struct Seed {
  TempDir dir;
  fs::path seed = dir / "seed";
  fs::path facts = seed / "mini" / "facts.toml";

  // `facts` is the whole of facts.toml.
  explicit Seed(const std::string& facts_toml, const std::string& article = kArticle, const std::string& sources = kSources) {
    write_file(seed / "sources.toml", sources);
    write_file(seed / "mini" / "article.txt", article);
    write_file(facts, facts_toml);
  }

  // The problems the build reports. A database already at the output path
  // must be exactly as it was unless the build succeeds.
  std::vector<Diagnostic> problems() {
    auto out = dir / "facts.db";
    const std::string previous = "the previous database, byte for byte";
    write_file(out, previous);
    std::vector<Diagnostic> found;
    try {
      build_database(seed, out);
    } catch (const SeedError& e) {
      found = e.diagnostics();
    }
    CHECK((read_file(out) == previous) == !found.empty());
    CHECK(temporary_files(dir.path()).empty());
    return found;
  }
};

struct Case {
  const char* what;
  std::string body;  // facts.toml after kHeader, unless `whole` is set
  int line;
  int column;
  const char* message;
  const char* file = "facts.toml";
  bool whole = false;                 // body is the whole of facts.toml
  std::string sources = kSources;
};

}  // namespace

TEST_CASE("the minimal seed of these cases builds", "[seed]") {
  Seed s(std::string(kHeader) + kPeople);
  CHECK(s.problems().empty());
}

TEST_CASE("bad seed data names the file, line, column and what was expected", "[seed]") {
  const std::string p = kPeople;
  const std::vector<Case> cases = {
      {"TOML syntax error", p + "[[person]]\nid = \"bo\nname = \"Bo\"\n", 14, 9, "TOML syntax error"},
      {"missing required field", p + "[[person]]\nid = \"bo\"\n", 13, 1, "[[person]] needs 'name'"},
      {"unknown key", p + "[[person]]\nid = \"bo\"\nname = \"Bo Sample\"\nnmae = \"Bo\"\n", 16, 1,
       "unknown key 'nmae' in [[person]]; expected one of: id, name, quote, annotation, label"},
      {"reference to the wrong kind",
       p + "[[organization_founding]]\norganization = \"freedonia\"\nyear = 1900\nquote = \"Freedonia\"\n", 14, 16,
       "'freedonia' is a country (defined at"},
      {"integer expected",
       p + "[[organization]]\nid = \"league\"\nname = \"League\"\n\n[[organization_founding]]\norganization = \"league\"\n"
           "year = \"1900\"\nquote = \"the League\"\n",
       19, 8, "'year' must be an integer, not a string"},
      {"unknown reference", p + "[[holding]]\nperson = \"bo\"\noffice = \"x\"\nquote = \"Bo Sample\"\n", 14, 10,
       "unknown person 'bo' in 'person'"},
      {"unknown office", p + "[[holding]]\nperson = \"ann\"\noffice = \"president\"\nquote = \"Ann Example\"\n", 15, 10,
       "unknown office 'president'"},
      {"unknown entity", p + "[[alias]]\nentity = \"nobody\"\nname = \"Ann\"\nquote = \"Ann Example\"\n", 14, 10,
       "unknown entity 'nobody'"},
      {"duplicate id", p + "[[country]]\nid = \"ann\"\nname = \"Sylvania\"\n", 14, 6,
       "duplicate id 'ann': already defined as a person"},
      {"id that is not a slug", p + "[[person]]\nid = \"Bo Sample\"\nname = \"Bo Sample\"\n", 14, 6,
       "id 'Bo Sample' must be lower-case letters, digits and hyphens"},
      {"quote not in the article", p + "[[person]]\nid = \"bo\"\nname = \"Bo Sample\"\nquote = \"Bo Samples\"\n", 16, 9,
       "quote not found in"},
      {"ambiguous quote",
       p + "[[alias]]\nentity = \"freedonia\"\nname = \"Freedonia\"\nquote = \"Freedonia\"\n", 16, 9,
       "quote is ambiguous: it occurs 3 times in"},
      {"occurrence out of range",
       p + "[[alias]]\nentity = \"freedonia\"\nname = \"Freedonia\"\nquote = { text = \"Freedonia\", occurrence = 4 }\n", 16, 9,
       "occurrence = 4 does not exist"},
      {"fact without support", p + "[[location]]\nentity = \"ann\"\nplace = \"freedonia\"\n", 13, 1,
       "[[location]] needs 'quote' (the article's words that state it) or 'annotation'"},
      {"quote and annotation both",
       p + "[[location]]\nentity = \"ann\"\nplace = \"freedonia\"\nquote = \"Ann Example of Freedonia\"\n"
           "annotation = { source = \"ref\", note = \"n\" }\n",
       17, 14, "not both"},
      {"unknown annotation source",
       p + "[[location]]\nentity = \"ann\"\nplace = \"freedonia\"\nannotation = { source = \"nowhere\", note = \"n\" }\n", 16, 25,
       "unknown source 'nowhere'"},
      {"verbatim field not in its quote",
       p + "[[office]]\nid = \"president\"\ntitle = \"Queen\"\nof = \"freedonia\"\nquote = \"President Ann Example of Freedonia\"\n",
       15, 9, "'title' must be the article's words: \"Queen\" is not in the quote"},
      {"value not among the allowed ones",
       p + "[[organization]]\nid = \"league\"\nname = \"League\"\n\n[[membership]]\norganization = \"league\"\n"
           "member = \"freedonia\"\nstatus = \"spectator\"\nquote = \"Freedonia and Sylvania are members of the League\"\n",
       20, 10, "'status' is \"spectator\"; expected one of: \"founding member\", \"member\""},
      {"unknown kind of fact", p + "[[persn]]\nid = \"bo\"\n", 13, 1, "unknown kind of fact [[persn]]"},
      {"a name printed only inside a longer word",
       p + "[[country]]\nid = \"freedon\"\nname = \"Freedon\"\n", 15, 8,
       "\"Freedon\" is printed in"},
      {"a quote cut inside a word",
       p + "[[location]]\nentity = \"ann\"\nplace = \"freedonia\"\nquote = \"Ann Example of Freedoni\"\n", 16, 9,
       "only inside a longer word (line 3, column 11"},
      {"attendance in an office not held",
       p + "[[event]]\nid = \"meeting\"\nname = \"meeting\"\n\n[[office]]\nid = \"president\"\ntitle = \"President\"\n"
           "of = \"freedonia\"\nquote = \"President Ann Example\"\n\n[[attendance]]\nevent = \"meeting\"\nperson = \"ann\"\n"
           "office = \"president\"\nquote = \"President Ann Example of Freedonia met\"\n",
       26, 10, "'ann' holds no office 'president'"},
      {"unknown label", p + "[[reason]]\nexplains = \"why\"\nreason = \"met\"\nquote = \"Ann Example of Freedonia met\"\n", 14, 12,
       "unknown label 'why'"},
      {"duplicate attendance",
       p + "[[event]]\nid = \"meeting\"\nname = \"meeting\"\n\n[[attendance]]\nevent = \"meeting\"\nperson = \"ann\"\n"
           "quote = \"Ann Example of Freedonia met\"\n\n[[attendance]]\nevent = \"meeting\"\nperson = \"ann\"\n"
           "quote = \"President Ann Example\"\n",
       22, 1, "[[attendance]] repeats the one at"},
      {"empty ref list", p + "[[meeting]]\nparticipants = []\nquote = \"met\"\n", 14, 16, "'participants' must list at least one id"},
      {"boolean expected",
       p + "[[office]]\nid = \"president\"\ntitle = \"President\"\nof = \"freedonia\"\nquote = \"President Ann Example\"\n\n"
           "[[holding]]\nperson = \"ann\"\noffice = \"president\"\nacting = \"yes\"\nquote = \"President Ann Example\"\n",
       22, 10, "'acting' must be true or false, not a string"},
      // More TOML syntax errors.
      {"duplicate key", p + "[[person]]\nid = \"bo\"\nid = \"bo\"\nname = \"Bo Sample\"\n", 15, 6,
       "TOML syntax error: Error while parsing key-value pair: cannot redefine existing string 'id'"},
      {"missing =", p + "[[person]]\nid \"bo\"\n", 14, 4, "TOML syntax error"},
      {"invalid escape", p + "[[person]]\nid = \"b\\qo\"\n", 14, 9, "unknown escape sequence '\\q'"},
      {"unclosed array", p + "[[meeting]]\nparticipants = [\"ann\"\nquote = \"met\"\n", 15, 1,
       "expected comma or closing ']'"},
      {"invalid UTF-8 in facts.toml", p + "[[person]]\nid = \"bo\"\nname = \"B\xFF\"\n", 15, 9, "invalid utf-8"},
      {"a kind that is not a list of tables", "person = \"ann\"\n" + std::string(kHeader), 1, 10,
       "'person' must be a list of tables, written [[person]]", "facts.toml", true},
      {"empty facts.toml", "", 1, 1, "missing [article] table", "facts.toml", true},
      // Quotes written wrong.
      {"occurrence zero", p + "[[alias]]\nentity = \"ann\"\nname = \"Ann\"\nquote = { text = \"Ann\", occurrence = 0 }\n", 16, 38,
       "'occurrence' must be a whole number from 1 up"},
      {"occurrence not a number",
       p + "[[alias]]\nentity = \"ann\"\nname = \"Ann\"\nquote = { text = \"Ann\", occurrence = \"two\" }\n", 16, 38,
       "'occurrence' must be a whole number from 1 up"},
      {"empty quote list", p + "[[alias]]\nentity = \"ann\"\nname = \"Ann\"\nquote = []\n", 16, 9,
       "'quote' is an empty array; give at least one quote"},
      {"unknown key in a quote", p + "[[alias]]\nentity = \"ann\"\nname = \"Ann\"\nquote = { text = \"Ann\", txt = \"Ann\" }\n", 16, 25,
       "unknown key 'txt' in [[quote]]; expected one of: text, occurrence"},
      {"quote of the wrong type", p + "[[alias]]\nentity = \"ann\"\nname = \"Ann\"\nquote = 42\n", 16, 9,
       "a quote must be a string or { text = \"...\", occurrence = N }, not an integer"},
      {"annotation without a note",
       p + "[[location]]\nentity = \"ann\"\nplace = \"freedonia\"\nannotation = { source = \"ref\" }\n", 16, 14,
       "[[annotation]] needs 'note'"},
      {"annotation that is not a table", p + "[[location]]\nentity = \"ann\"\nplace = \"freedonia\"\nannotation = \"ref\"\n", 16, 14,
       "'annotation' must be { source = \"...\", note = \"...\" }"},
      // Values.
      {"year out of range",
       p + "[[organization]]\nid = \"league\"\nname = \"League\"\n\n[[organization_founding]]\norganization = \"league\"\n"
           "year = 0\nquote = \"the League\"\n",
       17, 1, "CHECK constraint failed: year BETWEEN 1 AND 9999"},
      {"an id list holding a number", p + "[[meeting]]\nparticipants = [\"ann\", 3]\nquote = \"met\"\n", 14, 24,
       "'participants' must hold ids (strings), not an integer"},
      {"empty name", p + "[[person]]\nid = \"bo\"\nname = \"\"\n", 15, 8, "'name' must not be empty"},
      {"huge field", p + "[[person]]\nid = \"bo\"\nname = \"" + std::string(1 << 20, 'x') + "\"\n", 15, 8,
       "quote not found in"},
      {"duplicate label",
       p + "[[location]]\nlabel = \"x\"\nentity = \"ann\"\nplace = \"freedonia\"\nquote = \"Ann Example of Freedonia\"\n\n"
           "[[alias]]\nlabel = \"x\"\nentity = \"ann\"\nname = \"Ann\"\nquote = \"Ann Example\"\n",
       14, 9, "duplicate label 'x'"},  // the [[alias]] is loaded first: kinds load in dependency order
      {"label that is not a string", p + "[[alias]]\nlabel = 7\nentity = \"ann\"\nname = \"Ann\"\nquote = \"Ann Example\"\n", 14,
       9, "'label' must be a non-empty string"},
      // The [article] table and sources.toml.
      {"unknown section role",
       "[article]\ntext = \"article.txt\"\nsections = [{ role = \"headline\", quote = \"A test headline\" },\n"
       "  { role = \"sidebar\", quote = \"Freedonia hosted\" }]\n",
       4, 12, "section role is \"sidebar\"; expected one of: \"navigation\"", "facts.toml", true},
      {"section that ends before it starts",
       "[article]\ntext = \"article.txt\"\nsections = [{ role = \"headline\", quote = \"A test headline\" },\n"
       "  { role = \"body\", from = \"Freedonia hosted\", to = \"President Ann\" }]\n",
       4, 52, "section 'to' comes before 'from' in the text", "facts.toml", true},
      {"source site the text does not print",
       "[article]\ntext = \"article.txt\"\nsource_site = \"example.org\"\n"
       "sections = [{ role = \"headline\", quote = \"A test headline\" }]\n",
       3, 15, "source_site \"example.org\" is not printed in", "facts.toml", true},
      {"article id that is not a slug",
       "[article]\nid = \"Mini Article\"\ntext = \"article.txt\"\nsections = [{ role = \"headline\", quote = \"A test headline\" }]\n",
       1, 1, "article id 'Mini Article' must be lower-case letters, digits and hyphens", "facts.toml", true},
      {"duplicate source", p, 4, 1, "duplicate source id 'ref'", "sources.toml", false,
       std::string(kSources) + "[[source]]\nid = \"ref\"\ntitle = \"Again\"\n"},
      {"unknown key in sources.toml", p, 4, 1, "unknown key 'titel' in [[source]]; expected one of: id, title, url",
       "sources.toml", false, "[[source]]\nid = \"ref\"\ntitle = \"A reference work\"\ntitel = \"typo\"\n"},
  };
  CHECK(cases.size() >= 40);
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.what) {
      Seed s(c.whole ? c.body : kHeader + c.body, kArticle, c.sources);
      auto problems = s.problems();
      REQUIRE_FALSE(problems.empty());
      const auto& d = problems.front();
      INFO(d.to_string());
      CHECK(fs::path(d.where.file).filename() == c.file);
      CHECK(d.where.line == c.line);
      CHECK(d.where.column == c.column);
      CHECK(d.message.find(c.message) != std::string::npos);
      CHECK(d.message.size() < 600);  // long values are shortened, not dumped
    }
  }
}

TEST_CASE("a quote with a straight apostrophe where the article has a curly one gets a hint", "[seed]") {
  Seed s(std::string(kHeader) + kPeople + "[[alias]]\nentity = \"ann\"\nname = \"Ann\"\nquote = \"Ann's\"\n",
         std::string(kArticle) + "Ann\u2019s day.\n");
  auto problems = s.problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("the article writes \u2019 where the quote has '") != std::string::npos);
}

TEST_CASE("two article folders giving the same article id: the second is refused at its [article]", "[seed]") {
  Seed s(std::string(kHeader) + kPeople);
  write_file(s.seed / "other" / "article.txt", kArticle);
  write_file(s.seed / "other" / "facts.toml",
             "[article]\nid = \"mini\"\ntext = \"article.txt\"\nsections = [{ role = \"headline\", quote = \"A test headline\" }]\n");
  auto problems = s.problems();
  REQUIRE(problems.size() == 1);
  CHECK(fs::path(problems[0].where.file).parent_path().filename() == "other");
  CHECK(problems[0].where.line == 1);
  CHECK(problems[0].message == "duplicate article id 'mini'");
}

TEST_CASE("every problem is reported at once, in file order", "[seed]") {
  Seed s(std::string(kHeader) + kPeople + "[[person]]\nid = \"bo\"\n\n[[person]]\nid = \"cy\"\nname = \"Cy\"\nquote = \"nowhere\"\n");
  auto problems = s.problems();
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].where.line == 13);
  CHECK(problems[1].where.line == 19);
}

TEST_CASE("the article text itself is checked: present, non-empty, valid UTF-8", "[seed]") {
  SECTION("missing file") {
    Seed s(std::string(kHeader) + kPeople);
    fs::remove(s.seed / "mini" / "article.txt");
    auto problems = s.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.line == 2);
    CHECK(problems[0].message.find("article.txt does not exist") != std::string::npos);
  }
  SECTION("invalid UTF-8") {
    Seed s(std::string(kHeader) + kPeople, "A test headline\n\nAnn Example of \xC3(Freedonia\n");
    auto problems = s.problems();
    REQUIRE(problems.size() == 1);
    CHECK(fs::path(problems[0].where.file).filename() == "article.txt");
    CHECK(problems[0].where.line == 3);
    CHECK(problems[0].where.column == 16);
    CHECK(problems[0].message.find("invalid UTF-8") != std::string::npos);
  }
  SECTION("empty file") {
    Seed s(std::string(kHeader) + kPeople, "");
    auto problems = s.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "article text is empty");
  }
}

TEST_CASE("an article without [article] or without a headline is refused", "[seed]") {
  TempDir dir;
  write_file(dir / "seed" / "a" / "article.txt", kArticle);
  write_file(dir / "seed" / "a" / "facts.toml", "[[person]]\nid = \"ann\"\nname = \"Ann Example\"\n");
  write_file(dir / "seed" / "b" / "article.txt", kArticle);
  write_file(dir / "seed" / "b" / "facts.toml", "[article]\ntext = \"article.txt\"\n");
  try {
    build_database(dir / "seed", dir / "out.db");
    FAIL("expected SeedError");
  } catch (const SeedError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].message.find("missing [article]") != std::string::npos);
    CHECK(e.diagnostics()[1].message.find("needs a section with role = \"headline\"") != std::string::npos);
  }
}

TEST_CASE("a problem in [article] does not hide the rest of the file", "[seed]") {
  // No text to look quotes up in, an unknown section role, and, below, a
  // wrong status and a field of the wrong type: all four in one round.
  Seed s("[article]\ntext = \"missing.txt\"\nsections = [{ role = \"sidebar\", quote = \"A test headline\" }]\n\n" +
         std::string(kPeople) +
         "[[organization]]\nid = \"league\"\nname = \"League\"\n\n"
         "[[membership]]\norganization = \"league\"\nmember = \"freedonia\"\nstatus = \"spectator\"\nquote = \"members\"\n\n"
         "[[holding]]\nperson = \"ann\"\noffice = \"nowhere\"\nacting = \"yes\"\nquote = \"Ann\"\n");
  auto problems = s.problems();
  std::vector<std::string> messages;
  for (const auto& p : problems) messages.push_back(p.message);
  INFO(::Catch::Detail::stringify(messages));
  auto has = [&](const char* text) {
    return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.find(text) != std::string::npos; });
  };
  CHECK(has("missing.txt does not exist"));
  CHECK(has("section role is \"sidebar\""));
  CHECK(has("'status' is \"spectator\""));
  CHECK(has("'acting' must be true or false"));
  CHECK(has("unknown office 'nowhere'"));
}
