// factdb ask: questions worded as people ask them find the query that answers.
#include <catch2/catch.hpp>

#include "factdb/ask.h"
#include "factdb/error.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

TEST_CASE("ask: 28 questions, worded unlike the examples, each finds its query", "[ask]") {
  // question, the query it must pick, and the value it must find for a required parameter
  const std::vector<std::tuple<std::string, std::string, std::string>> questions = {
      {"who stood in for a head of state?", "stand-ins", ""},
      {"which countries did not send their president?", "stand-ins", ""},
      {"who was sent instead of the president?", "stand-ins", ""},
      {"who came to Astana?", "attendees", ""},
      {"list all the participants", "attendees", ""},
      {"were the presidents there in person?", "heads-of-state", ""},
      {"which heads of state attended?", "heads-of-state", ""},
      {"what is the status of each member country?", "members", ""},
      {"which member states were missing?", "unrepresented-members", ""},
      {"who attended although their country is not a member?", "non-member-attendees", ""},
      {"which non-member countries were represented?", "non-member-attendees", ""},
      {"did any leaders hold bilateral talks?", "meetings", ""},
      {"who met whom in Astana?", "meetings", ""},
      {"what was on the agenda?", "topics", ""},
      {"what did Putin aim for?", "stances", ""},
      {"where do the members disagree?", "tensions", ""},
      {"is there conflict between India and Pakistan?", "tensions", ""},
      {"why was Iran's president acting?", "reasons", ""},
      {"when was the SCO founded?", "founding", ""},
      {"what offices do the leaders hold?", "offices", ""},
      {"where did the summit take place?", "events", ""},
      {"which facts rest on outside sources?", "annotations", ""},
      {"tell me about Mokhbar", "person", "Mokhbar"},
      {"what do we know about Shehbaz Sharif?", "person", "Shehbaz Sharif"},
      {"tell me about Pakistan", "country", "Pakistan"},
      {"search for Ukraine", "search", "Ukraine"},
      {"what do we know about Kazakhstan?", "country", "Kazakhstan"},  // person ranks first, but no person is called so
      {"where did Xi Jinping meet Putin?", "meetings", ""},            // names, yet the question is about a meeting
  };
  REQUIRE(questions.size() >= 20);
  for (const auto& [question, expected, value] : questions) {
    INFO(question);
    auto answer = ask(shared_seed_db(), question);
    CHECK(answer.query.name == expected);
    CHECK_FALSE(answer.rows.rows.empty());
    if (!value.empty()) {
      REQUIRE(answer.params.size() == 1);
      CHECK(answer.params.front().second == value);
    }
  }
}

TEST_CASE("ask: a question that matches nothing names the closest queries, or says where to look", "[ask]") {
  try {
    ask(shared_seed_db(), "memb?");
    FAIL("expected no match");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).find("the closest") != std::string::npos);
    CHECK(std::string(e.what()).find("members") != std::string::npos);
  }
  try {
    ask(shared_seed_db(), "xyzzy plugh?");
    FAIL("expected no match");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("factdb queries") != std::string::npos);
  }
  // matched, but the value the query needs is not in the question
  try {
    ask(shared_seed_db(), "tell me about a person");
    FAIL("expected a missing value");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("factdb query person -p name=VALUE") != std::string::npos);
  }
}

TEST_CASE("ask: the words worth trying as a value, names first and whole", "[ask]") {
  auto values = candidate_values("What did Shehbaz Sharif say about Kashmir, and Modi?");
  REQUIRE(values.size() >= 4);
  CHECK(values[0] == "Shehbaz Sharif");
  CHECK(std::find(values.begin(), values.end(), "Kashmir") != values.end());
  CHECK(std::find(values.begin(), values.end(), "Modi") != values.end());
  CHECK(std::find(values.begin(), values.end(), "What") == values.end());
  CHECK(std::find(values.begin(), values.end(), "Kashmir, and Modi") == values.end());  // punctuation ends a name
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
