#include "factdb/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "factdb/error.h"
#include "factdb/format.h"
#include "factdb/schema.h"
#include "factdb/output_file.h"
#include "name_table.h"
#include "sql_text.h"

namespace fs = std::filesystem;

namespace factdb {

namespace {

const NameTable<ExportFormat>& export_formats() {
  static const NameTable<ExportFormat> table = {{"csv", ExportFormat::csv},
                                                {"json", ExportFormat::json},
                                                {"jsonl", ExportFormat::jsonl},
                                                {"sql", ExportFormat::sql},
                                                {"postgres", ExportFormat::postgres},
                                                {"datasette", ExportFormat::datasette},
                                                {"web", ExportFormat::web},
                                                {"html", ExportFormat::html}};
  return table;
}

// Passes rows on to a writer, counting them for the manifest.
class CountingSink : public RowSink {
 public:
  explicit CountingSink(RowSink& next) : next_(next) {}
  void begin(const std::vector<std::string>& columns) override { next_.begin(columns); }
  void row(const std::vector<Value>& row) override {
    ++rows;
    next_.row(row);
  }
  void end() override { next_.end(); }
  std::int64_t rows = 0;

 private:
  RowSink& next_;
};

// A table or query name as a file name: letters, digits, '-', '_' and '.'
// not first. Anything else is refused: a name from a file written elsewhere
// must never become a path ("../../x", "/etc/x") outside the export folder.
std::string file_name_for(const std::string& name, const std::string& extension) {
  bool safe = !name.empty() && name.size() <= 200 && name[0] != '.' &&
              std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; });
  if (!safe)
    throw Error(ExitCode::bad_data, fmt::format("refused to export '{}': a name that is not a plain file name", comment_text(name)));
  return name + extension;
}

}  // namespace

const std::vector<std::string_view>& export_format_names() { return export_formats().names(); }

std::optional<ExportFormat> parse_export_format(std::string_view name) { return export_formats().find(name); }

bool exports_to_folder(ExportFormat format) {
  return format == ExportFormat::csv || format == ExportFormat::json || format == ExportFormat::jsonl || format == ExportFormat::web;
}

std::vector<std::string> exported_tables(Database& db) {
  auto rows = db.run_sql(fmt::format("SELECT name FROM ({}) WHERE type = 'table' ORDER BY position", kOwnObjectsSql));
  std::vector<std::string> names;
  for (const auto& row : rows.rows) names.push_back(std::get<std::string>(row.at(0)));
  return names;
}

void export_tables(Database& db, const fs::path& target, ExportFormat format, bool queries) {
  Format file_format;
  switch (format) {
    case ExportFormat::csv: file_format = Format::csv; break;
    case ExportFormat::json: file_format = Format::json; break;
    case ExportFormat::jsonl: file_format = Format::jsonl; break;
    default: throw Error(ExitCode::usage, "export_tables writes csv, json or jsonl");
  }
  const std::string extension = format == ExportFormat::csv ? ".csv" : format == ExportFormat::json ? ".json" : ".jsonl";
  require_factdb_schema(db.sqlite(), db.path().string());
  OutputFolder folder(target, kExportManifest);

  // One file, written whole; its row count goes to the manifest.
  auto write_file = [&](const fs::path& relative, const std::function<void(RowSink&)>& produce) {
    std::ofstream out(folder.path() / relative, std::ios::binary);
    auto writer = result_writer(out, file_format);
    CountingSink counting(*writer);
    produce(counting);
    out.close();
    if (out.fail()) throw Error(ExitCode::missing_file, fmt::format("writing {} failed", (target / relative).string()));
    return counting.rows;
  };

  nlohmann::ordered_json manifest;
  manifest["factdb_version"] = FACTDB_VERSION;
  manifest["database"] = db.path().filename().string();
  manifest["format"] = std::string(export_formats().name_of(format));
  manifest["tables"] = nlohmann::ordered_json::array();
  for (const auto& table : exported_tables(db)) {
    auto file = file_name_for(table, extension);
    auto rows = write_file(file, [&](RowSink& sink) { db.run_sql("SELECT * FROM " + quoted_identifier(table), {}, sink); });
    manifest["tables"].push_back({{"name", table}, {"file", file}, {"rows", rows}});
  }
  if (queries) {
    fs::create_directory(folder.path() / "queries");
    manifest["queries"] = nlohmann::ordered_json::array();
    for (const auto& q : db.canned_queries()) {
      if (!q.has_view()) continue;  // a query that needs a value has no one answer to export
      auto file = "queries/" + file_name_for(q.name, extension);
      auto rows = write_file(file, [&](RowSink& sink) { db.run_canned(q.name, {}, sink); });
      manifest["queries"].push_back({{"name", q.name}, {"title", q.title}, {"file", file}, {"rows", rows}});
    }
  }
  std::ofstream(folder.path() / kExportManifest) << manifest.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  folder.commit();
}

}  // namespace factdb
