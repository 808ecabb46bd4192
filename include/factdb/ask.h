// factdb ask: the canned query that answers a question in plain words, or a
// refusal that says why, never a confident answer to another question.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "factdb/canned_query.h"
#include "factdb/database.h"

namespace factdb {

struct QueryMatch {
  std::string name;
  std::string title;
  double rank = 0;  // bm25: the lower, the better
  std::size_t index = 0;  // its position in the queries searched
};

// The queries among `queries` that share a word with `question`, best first.
// Ranked by an FTS5 index (Porter stemming, accents folded) over each query's
// name, title, description and example questions, built in memory. Common
// words (who, the, of, ...) are left out of the question. With `prefixes`, a
// word of three letters or more also matches the words it begins: the
// fallback when nothing matches whole words.
std::vector<QueryMatch> match_queries(const std::vector<CannedQuery>& queries, std::string_view question,
                                      bool prefixes = false);

// One way of reading a question: a query with parameters, how far ahead of
// the others it scores (its share of the best readings' scores) and how many
// of the question's words it has a use for.
struct AskReading {
  std::string query;
  ParamValues params;
  double share = 0;
  double coverage = 0;
};

struct AskAnswer {
  CannedQuery query;
  ParamValues params;  // as given, and as found in the question
  ResultSet rows;
  // How sure the reading is, from 0 to 1: how many of the question's words the
  // query explains, and how far ahead of the next reading it is.
  double confidence = 0;
  // For "how many" and yes-or-no questions, the answer in words ("9
  // countries", "yes: ..."); the rows are what it rests on. Else empty.
  std::string summary;
  // What the reader should know: a name that fits several entities, a typo read as a name.
  std::vector<std::string> notes;
  // The readings weighed, best first (empty when the question's shape chose
  // the query: a name alone, was X there).
  std::vector<AskReading> readings;
};

// Reads `question` and answers it: a name alone, "who is X" or "tell me about
// X" (everything about X), "was X there?" (yes or no with the evidence),
// "how many ..." (a count, with its rows), or any question one of the canned
// queries answers, with the names it gives filled in as parameters (found in
// the index of names, typos included). `given` parameters are used as they are.
// Throws Error(usage), saying why and what could be run instead, when the
// question names something the articles never mention, when no reading is
// sure enough or two are about as likely, and when the articles do not say
// whether someone attended.
AskAnswer ask(Database& db, std::string_view question, const ParamValues& given = {});

}  // namespace factdb
