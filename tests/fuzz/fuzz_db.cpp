// libFuzzer harness for hostile .db files, after SQLite's dbsqlfuzz: start
// from a valid database, change it as the input says, then do all that a
// reader does with a downloaded file: check it, open it, run every canned
// query and why, and every export. Any outcome but a crash, a hang past the
// limits, a leak, undefined behaviour or an exception other than
// factdb::Error is a finding.
//
// The input's first byte picks how the file is changed:
//   even: the rest is patches, each [offset: 4 bytes][n: 1 byte][n bytes],
//         written over the file's bytes (offsets wrap around its size);
//   odd:  the rest is SQL run on the file with writable_schema on, as a
//         hostile editor would (changing views, canned queries, rows).
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "factdb/build.h"
#include "factdb/check.h"
#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/evidence.h"
#include "factdb/export.h"

namespace fs = std::filesystem;

namespace {

struct Workspace {
  fs::path dir;
  std::string pristine;  // the valid database, byte for byte
};

const Workspace& workspace() {
  static const Workspace w = [] {
    char name[] = "/tmp/factdb-fuzz-db-XXXXXX";
    Workspace ws{::mkdtemp(name), {}};
    factdb::build_database(FACTDB_SEED_DIR, ws.dir / "good.db");
    std::ifstream in(ws.dir / "good.db", std::ios::binary);
    ws.pristine.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // A hostile file must not take the fuzzer's memory: SQLite's own limit.
    sqlite3_hard_heap_limit64(256 << 20);
    return ws;
  }();
  return w;
}

// The SQL a hostile editor runs, bounded: an endless statement is stopped.
int stop_after_budget(void* steps) { return ++*static_cast<int*>(steps) > 20000; }

void edit_with_sql(const fs::path& db, const std::string& sql) {
  try {
    SQLite::Database editor(db.string(), SQLite::OPEN_READWRITE);
    int steps = 0;
    sqlite3_progress_handler(editor.getHandle(), 100, stop_after_budget, &steps);
    sqlite3_db_config(editor.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    sqlite3_exec(editor.getHandle(), "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
    sqlite3_exec(editor.getHandle(), sql.c_str(), nullptr, nullptr, nullptr);  // whatever it does, or fails to
  } catch (const SQLite::Exception&) {
  }
}

template <typename F>
void expect_factdb_errors_only(F&& step) {
  try {
    step();
  } catch (const factdb::Error&) {
  } catch (const SQLite::Exception&) {  // check reports a damaged file through SQLiteCpp
  }
  // Anything else (std::bad_alloc aside, which the heap limit makes an SQLite
  // error) reaches libFuzzer as an uncaught exception: a finding.
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& ws = workspace();
  if (size == 0) return 0;
  auto db = ws.dir / "fuzzed.db";
  std::string bytes = ws.pristine;
  if (data[0] % 2 == 0) {
    for (std::size_t i = 1; i + 5 <= size;) {
      std::uint32_t offset = static_cast<std::uint32_t>(data[i]) << 24 | static_cast<std::uint32_t>(data[i + 1]) << 16 |
                             static_cast<std::uint32_t>(data[i + 2]) << 8 | data[i + 3];
      std::size_t n = data[i + 4];
      i += 5;
      for (std::size_t k = 0; k < n && i < size; ++k, ++i) bytes[(offset + k) % bytes.size()] = static_cast<char>(data[i]);
    }
  }
  std::ofstream(db, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (data[0] % 2 == 1) edit_with_sql(db, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));

  factdb::Limits limits;
  limits.timeout_ms = 200;
  expect_factdb_errors_only([&] { factdb::check_database(db, limits); });
  expect_factdb_errors_only([&] {
    factdb::Database reader(db, limits);
    for (const auto& q : reader.canned_queries()) {
      factdb::ParamValues params;
      for (const auto& p : q.params)
        if (p.required) params.emplace_back(p.name, "Sharif");
      expect_factdb_errors_only([&] { reader.run_canned(q.name, params); });
      expect_factdb_errors_only([&] { factdb::explain(reader, q.name, params); });
    }
    std::ostringstream out;
    expect_factdb_errors_only([&] { factdb::export_sqlite_sql(reader, out); });
    expect_factdb_errors_only([&] { factdb::export_postgres(reader, out); });
    expect_factdb_errors_only([&] { factdb::export_datasette(reader, out, "facts"); });
    expect_factdb_errors_only([&] { factdb::export_tables(reader, ws.dir / "export", factdb::ExportFormat::csv, true); });
  });
  return 0;
}
