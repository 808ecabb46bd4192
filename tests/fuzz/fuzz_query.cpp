// libFuzzer harness for the query and output path: the input's first line is
// SQL (or @NAME for a canned query), each further line NAME=VALUE a parameter.
// It runs sandboxed against the SCO database and is written in every format.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "factdb/build.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include <sqlite3.h>

#include "factdb/evidence.h"
#include "factdb/format.h"

namespace fs = std::filesystem;

namespace {

factdb::Database& database() {
  static std::unique_ptr<factdb::Database> db = [] {
    char name[] = "/tmp/factdb-fuzz-query-XXXXXX";
    fs::path dir = ::mkdtemp(name);
    factdb::build_database(FACTDB_SEED_DIR, dir / "facts.db");
    // Tight limits: an endless query is stopped, not reported as a hang, and
    // a huge one runs out of SQLite's memory rather than the fuzzer's.
    sqlite3_hard_heap_limit64(64 << 20);
    return std::make_unique<factdb::Database>(dir / "facts.db", factdb::Limits{200});
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string first;
  std::getline(in, first);
  factdb::ParamValues params;
  for (std::string line; std::getline(in, line);) {
    auto eq = line.find('=');
    if (eq != std::string::npos) params.emplace_back(line.substr(0, eq), line.substr(eq + 1));
  }
  try {
    auto& db = database();
    std::ostringstream sink;
    if (!first.empty() && first[0] == '@') {
      auto name = first.substr(1);
      for (auto f : factdb::format_names()) factdb::write_result(sink, db.run_canned(name, params), *factdb::parse_format(f));
      for (auto f : factdb::format_names()) factdb::write_explanation(sink, factdb::explain(db, name, params), *factdb::parse_format(f));
    } else {
      auto result = db.run_sql(first, params);
      for (auto f : factdb::format_names()) factdb::write_result(sink, result, *factdb::parse_format(f));
    }
  } catch (const factdb::Error&) {
    // Refused, malformed or failing SQL, reported as it should be.
  }
  return 0;
}
