// The files of factdb's web page, compiled into the binary from web/ and
// from SQLite's WebAssembly build (npm), by cmake/web_resources.S.in.
#pragma once

#include <string_view>

namespace factdb::web_resources {

std::string_view index_html();    // web/index.html: the page, with markers where the export puts script, style and data
std::string_view app_js();        // web/app.js: the page's own script
std::string_view style_css();     // web/style.css
std::string_view sqlite3_mjs();   // @sqlite.org/sqlite-wasm's ES module
std::string_view sqlite3_wasm();  // and its WebAssembly binary

}  // namespace factdb::web_resources
