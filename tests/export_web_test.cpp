// factdb export --format web|html: what the files hold. The page itself runs
// in a real browser in tests/web/browser_test.mjs.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/export.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;
using nlohmann::json;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Every URL a page or script names that is not a data: URL nor a file of the folder.
std::vector<std::string> outside_urls(const std::string& text) {
  std::vector<std::string> found;
  static const std::regex url(R"re((?:src|href)\s*=\s*"([^"]*)")re");
  for (std::sregex_iterator it(text.begin(), text.end(), url), end; it != end; ++it) {
    auto target = (*it)[1].str();
    if (target.rfind("data:", 0) == 0 || target == "#answer" || target.find(':') == std::string::npos) continue;
    found.push_back(target);
  }
  return found;
}

}  // namespace

TEST_CASE("export web: a folder a static server serves, the database in it byte for byte a factdb database", "[export][web]") {
  TempDir dir;
  auto db_path = build_real_db(dir.path());
  Database db(db_path);
  export_web(db, dir / "site");
  for (const char* file : {"index.html", "app.js", "style.css", "sqlite3.mjs", "sqlite3.wasm", "facts.db", "export.json"})
    CHECK(fs::exists(dir / "site" / file));
  CHECK(read_file(dir / "site" / "sqlite3.wasm").rfind(std::string("\0asm", 4), 0) == 0);
  // The copy answers as the original does.
  Database copy(dir / "site" / "facts.db");
  CHECK(copy.run_canned("stand-ins").rows == db.run_canned("stand-ins").rows);
  auto manifest = json::parse(read_file(dir / "site" / "export.json"));
  CHECK(manifest["format"] == "web");
  CHECK(manifest["files"].size() == 6);
  // Nothing comes from elsewhere: no CDN, no font, no script but the folder's.
  auto page = read_file(dir / "site" / "index.html");
  CHECK(outside_urls(page).empty());
  CHECK(outside_urls(read_file(dir / "site" / "app.js")).empty());
  CHECK(page.find("<script type=\"module\" src=\"app.js\"></script>") != std::string::npos);
  CHECK(page.find("\"headline\":\"stand-ins\"") != std::string::npos);
  CHECK(page.find("default-src 'self'") != std::string::npos);  // and the browser is told so
  // Written again over its own export; never over a folder of other files.
  export_web(db, dir / "site", "members");
  CHECK(read_file(dir / "site" / "index.html").find("\"headline\":\"members\"") != std::string::npos);
  fs::create_directory(dir / "mine");
  write_file(dir / "mine" / "notes.txt", "mine");
  CHECK_THROWS_AS(export_web(db, dir / "mine"), Error);
  CHECK(read_file(dir / "mine" / "notes.txt") == "mine");
}

TEST_CASE("export html: one file holding script, WebAssembly and database, no script ended early", "[export][web]") {
  TempDir dir;
  Database db(build_real_db(dir.path()));
  std::ostringstream out;
  export_html(db, out);
  auto page = out.str();
  CHECK(page.rfind("<!doctype html>", 0) == 0);
  CHECK(outside_urls(page).empty());
  CHECK(page.find("src=\"app.js\"") == std::string::npos);
  // Every <script opens once and closes once: nothing inside ends it early.
  CHECK(count(page, "<script") == 5);
  CHECK(count(page, "</script>") == 5);
  CHECK(page.find("globalThis.factdbSqlite3InitModule = sqlite3InitModule;") != std::string::npos);
  // The database inside is the database.
  auto open = page.find("id=\"factdb-db\">");
  REQUIRE(open != std::string::npos);
  auto base64 = page.substr(open + 15, page.find("</script>", open) - open - 15);
  CHECK(base64.rfind("U1FMaXRlIGZvcm1hdCAz", 0) == 0);  // "SQLite format 3"
}

TEST_CASE("export web and html: the question it opens with must be one the database has", "[export][web]") {
  TempDir dir;
  Database db(build_real_db(dir.path()));
  std::ostringstream out;
  try {
    export_html(db, out, "stnad-ins");
    FAIL("no error for an unknown query");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).find("did you mean stand-ins?") != std::string::npos);
  }
  auto cli = run_factdb({"export", "--format", "csv", "-o", "out", "--headline", "members"}, dir.path());
  CHECK(cli.exit_code == 2);
  CHECK(cli.err.find("--headline chooses the question a web or html export opens with") != std::string::npos);
  auto to_stdout = run_factdb({"export", "--format", "web"}, dir.path());
  CHECK(to_stdout.exit_code == 2);
  CHECK(to_stdout.err.find("writes a folder of files") != std::string::npos);
}
