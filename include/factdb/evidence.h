// Provenance: what each fact, and each row of a canned query, rests on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "factdb/database.h"
#include "factdb/result.h"

namespace factdb {

// One thing a fact rests on: a verbatim span of an article, or an annotation.
struct Support {
  std::int64_t fact_id = 0;
  std::string kind;        // the fact's kind: "attendance", "office_role", ...
  std::string article_id;  // the article stating it
  bool is_annotation = false;  // this article states it by an annotation
  // A citation: where the quote is (1-based characters in the whole text;
  // the line and column, counted in characters from 1, of its first and last
  // character) and what it says.
  std::optional<std::int64_t> start, length, line, column, end_line, end_column;
  std::string quote;
  // An annotation: the reference work and what it holds.
  std::string source, url, note;
};

// Everything the facts `fact_ids` rest on, fact by fact in the given order,
// and for each the articles stating it in id order, each article's citations
// in text order. Unknown ids yield nothing.
std::vector<Support> fact_support(Database& db, const std::vector<std::int64_t>& fact_ids);

struct ExplainedRow {
  std::vector<Value> values;     // the row, as the canned query returns it
  std::vector<Support> support;  // what its facts rest on
};

struct Explanation {
  std::vector<std::string> columns;
  std::vector<ExplainedRow> rows;
  std::uint64_t first_row = 1;  // the number of rows.front() in the whole answer: a page's offset + 1
};

// Runs canned query `name` like Database::run_canned (only the rows of
// `page`), then fetches for every row the support of the facts its
// `fact_ids` column lists (a JSON array). Throws what run_canned throws, and
// Error(usage) for a query without a fact_ids column.
Explanation explain(Database& db, const std::string& name, const ParamValues& params = {}, const Page& page = {});

}  // namespace factdb
