// factdb check: verify a database end to end.
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/check.h"
#include "factdb/error.h"
#include "limits.h"

namespace factdb::cli {

namespace {

void run_check(const ReadOptions& options) {
  ResultSet report{{"check", "status", "detail"}, {}};
  bool all_ok = true;
  start_reading(options);  // check opens the file itself, to report on any schema
  for (const auto& r : check_database(options.db, database_limits(options.timeout_ms))) {
    report.rows.push_back({r.name, std::string(r.ok ? "ok" : "FAILED"), r.detail});
    all_ok = all_ok && r.ok;
  }
  TableStyle style;
  style.cell_colour = [](const std::string& column, const Value& value) -> const char* {
    if (column != "status") return nullptr;
    return std::get<std::string>(value) == "ok" ? "32" : "1;31";
  };
  print(report, options, style);
  if (!all_ok) throw Error(ExitCode::bad_data, options.db + ": check failed");
}

}  // namespace

void setup_check(CLI::App& app) {
  auto options = std::make_shared<ReadOptions>();
  auto* sub = app.add_subcommand("check",
                                 "Verify a database: integrity, foreign keys, every evidence span against its article, "
                                 "article hashes, schema version, canned queries");
  add_read_options(*sub, *options);
  sub->callback([options] { run_check(*options); });
}

}  // namespace factdb::cli
