// factdb ask: questions worded as people ask them find the query that answers.
#include <catch2/catch.hpp>

#include "factdb/ask.h"
#include "factdb/build.h"
#include "factdb/error.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

// The seed with every test article: people, countries and organizations of
// several articles, absences, and a name printed with accents.
Database& news_db() {
  static TempDir dir;
  static Database db = [] {
    auto seed = copy_real_seed(dir.path());
    for (const auto& entry : fs::directory_iterator(FACTDB_TEST_DATA_DIR))
      if (entry.is_directory()) fs::copy(entry.path(), seed / entry.path().filename(), fs::copy_options::recursive);
    build_database(seed, dir / "news.db");
    return Database(dir / "news.db");
  }();
  return db;
}

std::string refusal(const std::string& question) {
  try {
    auto answer = ask(news_db(), question);
    FAIL("answered '" << question << "' with " << answer.query.name);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
  return {};
}

bool shows(const AskAnswer& answer, const std::string& text) {
  if (answer.summary.find(text) != std::string::npos) return true;
  for (const auto& row : answer.rows.rows)
    for (const auto& cell : row)
      if (const auto* s = std::get_if<std::string>(&cell); s && s->find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("ask: the headline question and its rewordings find stand-ins, with a confidence", "[ask]") {
  for (const char* question : {"which leaders attended in place of a head of state?", "who stood in for a head of state?",
                               "who was sent instead of the president?", "Which countries sent a minister instead of their president?"}) {
    INFO(question);
    auto answer = ask(shared_seed_db(), question);
    CHECK(answer.query.name == "stand-ins");
    CHECK(answer.confidence > 0.5);
    CHECK(answer.confidence <= 1.0);
    CHECK_FALSE(answer.rows.rows.empty());
  }
}

TEST_CASE("ask: a name alone, who is, tell me about: everything about it, typos and accents forgiven", "[ask]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"Putin", "person", "Vladimir Putin"},          {"who is Putn?", "person", "Vladimir Putin"},
      {"Mokhbar", "person", "Mohammad Mokhber"},      {"tell me about Tamas Kelemen", "person", "Tamás Kelemen"},
      {"who is Milic", "person", "Dragan Milić"},      {"Kazakstan", "country", "Kazakhstan"},
      {"what about Estonia", "country", "Anna Kask"}, {"tell me about the SCO", "organization", "Shanghai Cooperation Organization"}};
  for (const auto& [question, query, value] : cases) {
    INFO(question);
    auto answer = ask(news_db(), question);
    CHECK(answer.query.name == query);
    CHECK(shows(answer, value));
  }
  // a typo is said, not silently corrected
  auto typo = ask(news_db(), "who is Putn?");
  REQUIRE(typo.notes.size() == 1);
  CHECK(typo.notes.front() == "'Putn' read as Vladimir Putin");
}

TEST_CASE("ask: was X there? yes or no with the evidence, the opposite question the opposite answer", "[ask]") {
  auto modi = ask(news_db(), "Was Modi there?");
  CHECK(modi.query.name == "attended");
  CHECK(modi.summary == "no: Narendra Modi did not attend summit");
  CHECK(shows(modi, "Indian Prime Minister Narendra Modi stayed away"));
  CHECK(ask(news_db(), "was Modi absent?").summary == "yes: Narendra Modi did not attend summit");
  CHECK(ask(news_db(), "did Modi not attend?").summary == "yes: Narendra Modi did not attend summit");
  CHECK(ask(news_db(), "did Putin attend?").summary.rfind("yes: Vladimir Putin attended", 0) == 0);
  auto india = ask(news_db(), "Did India take part?");
  CHECK(india.summary == "yes: India attended summit");
  CHECK(shows(india, "S. Jaishankar"));
  CHECK(ask(news_db(), "was Finland at the Riga summit?").summary == "no: Finland did not attend annual summit");
  // someone the articles name, at an event they do not say he attended or missed
  CHECK(refusal("did Xi Jinping attend the Danube summit?").find("the articles do not say whether Xi Jinping attended") !=
        std::string::npos);
  // a country's office: the country
  CHECK(ask(news_db(), "Did Iran's president attend?").summary == "yes: Iran attended summit");
  // someone they never name
  CHECK(refusal("did Emmanuel Macron attend?").find("the articles never mention 'Emmanuel Macron'") != std::string::npos);
}

TEST_CASE("ask: how many counts what it is asked to count, with the rows behind it", "[ask]") {
  auto stand_ins = ask(shared_seed_db(), "how many leaders stood in for a head of state?");
  CHECK(stand_ins.query.name == "stand-ins");
  CHECK(stand_ins.summary.rfind("2 leaders", 0) == 0);
  CHECK(stand_ins.rows.rows.size() == 2);
  // Counted among the rows that name what the question names, and only those shown.
  auto sco = ask(news_db(), "How many members does the SCO have?");
  CHECK(sco.query.name == "members");
  CHECK(sco.summary.find("that name SCO") != std::string::npos);
  CHECK_FALSE(sco.rows.rows.empty());
  CHECK_FALSE(shows(sco, "Council of Baltic Rivers"));
  auto absentees = ask(news_db(), "number of absentees");
  CHECK(absentees.query.name == "absent");
  CHECK(absentees.summary == std::to_string(absentees.rows.rows.size()) + " rows");
}

TEST_CASE("ask: negations do not flip to the opposite question", "[ask]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"which countries were represented?", "attendees"},     {"which members went unrepresented?", "unrepresented-members"},
      {"who did not come?", "absent"},                         {"who didn't attend?", "absent"},
      {"who was not present?", "absent"},                      {"which non-members attended?", "non-member-attendees"},
      {"list the members", "members"},                         {"heads of state at the summit", "heads-of-state"}};
  for (const auto& [question, query] : cases) {
    INFO(question);
    try {
      CHECK(ask(news_db(), question).query.name == query);
    } catch (const Error& e) {
      FAIL_CHECK(e.what());
    }
  }
}

TEST_CASE("ask: what the articles cannot answer is refused with the reason, never answered", "[ask]") {
  CHECK(refusal("who is Joe Biden?").find("never mention 'Joe Biden'") != std::string::npos);
  CHECK(refusal("who is biden").find("never mention 'biden'") != std::string::npos);
  CHECK(refusal("what did NATO say about the summit?").find("never mention 'NATO'") != std::string::npos);
  for (const char* question : {"what was the weather in Astana?", "how much did the summit cost?", "when was Putin born?",
                               "tell me a joke", "xyzzy"})
    refusal(question);
  // the articles state tensions, but none in this council: not the SCO's instead
  CHECK(refusal("what tensions are there in the Council of Baltic Rivers?")
            .find("no canned query that fits the question has anything about 'Council of Baltic Rivers'") != std::string::npos);
  // too unsure: the candidates, each with the line that runs it
  auto unsure = refusal("how many people met on the sidelines?");
  CHECK(unsure.find("not sure what the question asks") != std::string::npos);
  CHECK(unsure.find("factdb query ") != std::string::npos);
}

TEST_CASE("ask: names and events in the question narrow the answer to them", "[ask]") {
  auto steppe = ask(news_db(), "who was at the Steppe Dialogue?");
  CHECK(steppe.query.name == "attendees");
  CHECK(steppe.params == ParamValues{{"event", "steppe-dialogue"}});
  auto minsk = ask(news_db(), "who showed up in Minsk?");  // the place: the one event there
  CHECK(minsk.query.name == "attendees");
  CHECK(minsk.params == ParamValues{{"event", "steppe-dialogue"}});
  auto given = ask(news_db(), "who attended?", {{"article", "riga-river-council-test"}});
  CHECK(given.params == ParamValues{{"article", "riga-river-council-test"}});
  CHECK(shows(given, "Andrzej Duda"));
  CHECK_FALSE(shows(given, "Vladimir Putin"));
}

TEST_CASE("cli: ask runs the query it found, says which on stderr, and how to run it directly", "[ask][cli]") {
  TempDir dir;
  build_real_db(dir.path());
  auto asked = run_factdb({"ask", "who stood in for a head of state?", "-f", "csv"}, dir.path());
  CHECK(asked.exit_code == 0);
  CHECK(asked.err.find("run it directly: factdb query stand-ins") != std::string::npos);
  CHECK(asked.out == run_factdb({"query", "stand-ins", "-f", "csv"}, dir.path()).out);
  auto with_param = run_factdb({"ask", "who attended?", "-p", "event=sco-summit-astana-2024", "-f", "csv"}, dir.path());
  CHECK(with_param.exit_code == 0);
  CHECK(with_param.err.find("factdb query attendees -p event=sco-summit-astana-2024") != std::string::npos);
  auto nothing = run_factdb({"ask", "xyzzy?"}, dir.path());
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.out.empty());
}
