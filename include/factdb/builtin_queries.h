// The canned queries compiled into this factdb, as every database it builds stores them.
#pragma once

#include <vector>

#include "factdb/canned_query.h"

namespace factdb {

// The queries of queries/*.sql, parsed once, sorted by name.
const std::vector<CannedQuery>& builtin_canned_queries();

}  // namespace factdb
