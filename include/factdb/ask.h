// factdb ask: the canned query that answers a question in plain words.
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

// The words of `question` worth trying as a parameter's value: names first
// (capitalised words, and runs of them: "Shehbaz Sharif"), then the other
// uncommon words.
std::vector<std::string> candidate_values(std::string_view question);

struct AskAnswer {
  CannedQuery query;
  ParamValues params;  // as given, and as found in the question
  ResultSet rows;
};

// Picks the canned query that answers `question` and runs it. Of the best
// matches, the first whose required parameters are given in `given` or can be
// filled from the question (a value that gives at least one row) is run.
// Throws Error(usage) naming the closest queries when no query matches, and
// naming the best match and its parameters when none could be filled.
AskAnswer ask(Database& db, std::string_view question, const ParamValues& given = {});

}  // namespace factdb
