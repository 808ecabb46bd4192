// factdb export --format web|html: the database as a page that needs no
// server: SQLite compiled to WebAssembly reads the .db in the browser.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>

#include "factdb/error.h"
#include "factdb/export.h"
#include "factdb/output_file.h"
#include "factdb/schema.h"
#include "web_resources.h"

extern "C" {
#define FACTDB_EMBEDDED(name) extern const char name##_start[], name##_end[];
FACTDB_EMBEDDED(factdb_web_index_html)
FACTDB_EMBEDDED(factdb_web_app_js)
FACTDB_EMBEDDED(factdb_web_style_css)
FACTDB_EMBEDDED(factdb_web_sqlite3_mjs)
FACTDB_EMBEDDED(factdb_web_sqlite3_wasm)
#undef FACTDB_EMBEDDED
}

namespace factdb {

namespace web_resources {
#define FACTDB_RESOURCE(function, name) \
  std::string_view function() { return {name##_start, static_cast<std::size_t>(name##_end - name##_start)}; }
FACTDB_RESOURCE(index_html, factdb_web_index_html)
FACTDB_RESOURCE(app_js, factdb_web_app_js)
FACTDB_RESOURCE(style_css, factdb_web_style_css)
FACTDB_RESOURCE(sqlite3_mjs, factdb_web_sqlite3_mjs)
FACTDB_RESOURCE(sqlite3_wasm, factdb_web_sqlite3_wasm)
#undef FACTDB_RESOURCE
}  // namespace web_resources

namespace fs = std::filesystem;

namespace {

// The database's size in bytes, as SQLite counts its pages.
std::uintmax_t database_bytes(Database& db) {
  auto rows = db.run_sql("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  return static_cast<std::uintmax_t>(std::get<std::int64_t>(rows.rows.at(0).at(0)));
}

// A copy of the database in `target`, page by page with SQLite's backup API:
// consistent, and never the whole file in memory, however large it is.
void copy_database(Database& db, const fs::path& target) {
  SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::unique_ptr<sqlite3_backup, decltype(&sqlite3_backup_finish)> backup(
      sqlite3_backup_init(copy.getHandle(), "main", db.sqlite().getHandle(), "main"), &sqlite3_backup_finish);
  if (!backup) throw Error(ExitCode::missing_file, fmt::format("cannot copy the database to {}: {}", target.string(), copy.getErrorMsg()));
  int rc = SQLITE_OK;
  while ((rc = sqlite3_backup_step(backup.get(), 1024)) == SQLITE_OK) {
  }
  if (rc != SQLITE_DONE)
    throw Error(ExitCode::missing_file, fmt::format("copying the database to {} failed: {}", target.string(), sqlite3_errstr(rc)));
}

// The whole database as one consistent image, as SQLite itself serializes it.
std::string database_image(Database& db) {
  sqlite3_int64 size = 0;
  std::unique_ptr<unsigned char, decltype(&sqlite3_free)> bytes(sqlite3_serialize(db.sqlite().getHandle(), "main", &size, 0),
                                                                 &sqlite3_free);
  if (!bytes) throw Error(ExitCode::internal, fmt::format("{}: SQLite could not serialize the database", db.path().string()));
  return std::string(reinterpret_cast<const char*>(bytes.get()), static_cast<std::size_t>(size));
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  auto n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                           static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Script text that cannot end its <script> element early or open an HTML
// comment in it: "</script" and "<!--" only ever occur in strings, regular
// expressions and comments, where "<\/" and "<\!--" mean the same.
std::string inline_script(std::string_view js) {
  std::string out;
  out.reserve(js.size());
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '<' && i + 1 < js.size() && js[i + 1] == '/' && i + 7 < js.size()) {
      std::string next(js.substr(i + 2, 6));
      std::transform(next.begin(), next.end(), next.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (next == "script") {
        out += "<\\/";
        ++i;
        continue;
      }
    }
    if (js.compare(i, 4, "<!--") == 0) {
      out += "<\\!--";
      i += 3;
      continue;
    }
    out += js[i];
  }
  return out;
}

// What the page reads first: the file's name and the question it opens with.
std::string page_info(const std::string& database_name, const std::string& headline) {
  nlohmann::ordered_json info;
  info["database"] = database_name;
  info["headline"] = headline;
  info["factdb_version"] = FACTDB_VERSION;
  // Escaped so that no "</script" can occur in the element holding it.
  auto text = info.dump(-1, ' ', true, nlohmann::ordered_json::error_handler_t::replace);
  std::string safe;
  for (char c : text) safe += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return "<script type=\"application/json\" id=\"factdb-info\">" + safe + "</script>";
}

std::string replace_marker(std::string page, std::string_view marker, const std::string& with) {
  auto at = page.find(marker);
  if (at == std::string::npos) throw Error(ExitCode::internal, fmt::format("web/index.html has no {}", marker));
  return page.replace(at, marker.size(), with);
}

// The canned query the page answers when it opens: the one asked for, else
// stand-ins, else the first.
std::string headline_query(Database& db, const std::string& asked) {
  auto queries = db.canned_queries();
  if (queries.empty()) throw Error(ExitCode::bad_data, fmt::format("{} holds no canned query", db.path().string()));
  auto has = [&](const std::string& name) {
    return std::any_of(queries.begin(), queries.end(), [&](const CannedQuery& q) { return q.name == name; });
  };
  if (!asked.empty()) {
    if (!has(asked)) db.run_canned(asked);  // the error that names the closest
    return asked;
  }
  return has("stand-ins") ? "stand-ins" : queries.front().name;
}

// The name the page fetches the database by: the file's own when it is a
// plain file name, else facts.db.
std::string served_name(const fs::path& database) {
  auto name = database.filename().string();
  bool plain = !name.empty() && name.size() <= 100 && name.front() != '.' &&
               std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-' || c == '_'; });
  return plain ? name : "facts.db";
}

}  // namespace

void export_web(Database& db, const fs::path& target, const std::string& headline) {
  require_factdb_schema(db.sqlite(), db.path().string());
  auto first = headline_query(db, headline);
  auto database_name = served_name(db.path());
  OutputFolder folder(target, kExportManifest);
  nlohmann::ordered_json manifest;
  manifest["factdb_version"] = FACTDB_VERSION;
  manifest["database"] = db.path().filename().string();
  manifest["format"] = "web";
  manifest["files"] = nlohmann::ordered_json::array();
  auto write = [&](const std::string& name, std::string_view bytes, const char* holds) {
    std::ofstream out(folder.path() / name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (out.fail()) throw Error(ExitCode::missing_file, fmt::format("writing {} failed", (target / name).string()));
    manifest["files"].push_back({{"file", name}, {"bytes", bytes.size()}, {"holds", holds}});
  };
  // Everything the page needs is asked for as soon as the page is read.
  auto page = replace_marker(std::string(web_resources::index_html()), "<!--factdb:style-->",
                             fmt::format("<link rel=\"stylesheet\" href=\"style.css\">\n<link rel=\"modulepreload\" href=\"sqlite3.mjs\">\n"
                                         "<link rel=\"preload\" href=\"sqlite3.wasm\" as=\"fetch\" crossorigin>\n"
                                         "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin>",
                                         database_name));
  page = replace_marker(page, "<!--factdb:data-->", page_info(database_name, first));
  page = replace_marker(page, "<!--factdb:script-->", "<script type=\"module\" src=\"app.js\"></script>");
  write("index.html", page, "the page");
  write("app.js", web_resources::app_js(), "the page's script");
  write("style.css", web_resources::style_css(), "the page's style");
  write("sqlite3.mjs", web_resources::sqlite3_mjs(), "SQLite's JavaScript API (npm @sqlite.org/sqlite-wasm)");
  write("sqlite3.wasm", web_resources::sqlite3_wasm(), "SQLite compiled to WebAssembly, with FTS5");
  copy_database(db, folder.path() / database_name);
  manifest["files"].push_back({{"file", database_name}, {"bytes", fs::file_size(folder.path() / database_name)}, {"holds", "the database, read in the browser"}});
  std::ofstream(folder.path() / kExportManifest) << manifest.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  folder.commit();
}

void export_html(Database& db, std::ostream& out, const std::string& headline) {
  require_factdb_schema(db.sqlite(), db.path().string());
  auto first = headline_query(db, headline);
  // Measured before it is read into memory: a large file is refused, not loaded.
  if (auto bytes = database_bytes(db); bytes > kHtmlMaxDatabaseBytes)
    throw Error(ExitCode::usage, fmt::format("{} is {:.1f} MB: a single-file page holds a database of at most {} MB (browsers "
                                             "struggle beyond); --format web writes a folder for any size",
                                             db.path().string(), static_cast<double>(bytes) / 1e6, kHtmlMaxDatabaseBytes / 1000000));
  auto image = database_image(db);
  // SQLite's module defines its entry point for the page's script, which runs after it.
  std::string sqlite = std::string(web_resources::sqlite3_mjs());
  static const std::string exported = "export { sqlite3InitModule as default";
  auto at = sqlite.rfind(exported);
  if (at == std::string::npos) throw Error(ExitCode::internal, "SQLite's module does not export sqlite3InitModule as expected");
  sqlite.replace(at, sqlite.find(';', at) + 1 - at, "globalThis.factdbSqlite3InitModule = sqlite3InitModule;");
  std::string css(web_resources::style_css());
  if (css.find("</") != std::string::npos) throw Error(ExitCode::internal, "web/style.css holds \"</\", which would end its <style> early");
  auto page = replace_marker(std::string(web_resources::index_html()), "<!--factdb:style-->", "<style>\n" + css + "</style>");
  page = replace_marker(page, "<!--factdb:data-->",
                        page_info(served_name(db.path()), first) +
                            "\n<script type=\"application/octet-stream\" id=\"factdb-wasm\">" + base64(web_resources::sqlite3_wasm()) +
                            "</script>\n<script type=\"application/octet-stream\" id=\"factdb-db\">" + base64(image) + "</script>");
  page = replace_marker(page, "<!--factdb:script-->",
                        "<script type=\"module\">\n" + inline_script(sqlite) + "\n</script>\n<script type=\"module\">\n" +
                            inline_script(web_resources::app_js()) + "\n</script>");
  out << page;
}

}  // namespace factdb
