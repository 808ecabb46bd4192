#include "factdb/builtin_queries.h"

#include <algorithm>

#include "resources.h"

namespace factdb {

const std::vector<CannedQuery>& builtin_canned_queries() {
  static const std::vector<CannedQuery> queries = [] {
    std::vector<CannedQuery> all;
    for (const auto& file : resources::canned_query_files()) all.push_back(parse_canned_query(file.name, file.text));
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return all;
  }();
  return queries;
}

}  // namespace factdb
