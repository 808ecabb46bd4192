// Writing query results in the formats the CLI offers.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "factdb/evidence.h"
#include "factdb/result.h"

namespace factdb {

enum class Format {
  table,     // aligned columns for a terminal; control characters shown escaped
  csv,       // RFC 4180: header row, CRLF line ends, quotes only where needed
  tsv,       // tab-separated; backslash, tab, CR and LF escaped as \\ \t \r \n
  json,      // one array of objects keyed by column name, in column order
  jsonl,     // one object per line
  markdown,  // a GitHub-flavoured table
};

// The names accepted by --format, in the order help lists them.
const std::vector<std::string_view>& format_names();

// The format called `name`, or nullopt when there is none.
std::optional<Format> parse_format(std::string_view name);

// Colour for the table format on a terminal (ANSI SGR codes). Other formats
// are data, never coloured.
// The most of one value a table shows; the rest is summed up ("… (N more
// bytes)"). Other formats write every value whole.
constexpr std::size_t kTableCellBytes = 4096;

struct TableStyle {
  bool colour = false;  // header bold, rule dim, and cells as cell_colour says
  // Fit the table in this many columns: long cells wrap at spaces (a word
  // longer than its column is cut), and a table whose columns would still be
  // too narrow is written one record per block. 0: as wide as it needs.
  std::size_t width = 0;
  bool expanded = false;  // one record per block, whatever the width
  std::string null_text;  // how a NULL cell reads ("" by default, as an empty string does)
  // An SGR code ("31" for red) for a cell, or nullptr for none.
  std::function<const char*(const std::string& column, const Value& value)> cell_colour;
};

// `text` wrapped in an ANSI SGR code ("1" bold, "31" red, ...), or as it is
// when `on` is false or `code` is null.
std::string sgr(const std::string& text, const char* code, bool on);

// Writes `result` to `out` in `format`.
void write_result(std::ostream& out, const ResultSet& result, Format format, const TableStyle& style = {});

// A sink that writes the rows it is given to `out` in `format`, as they come
// for csv, tsv, json, jsonl and markdown; table needs every row to size its
// columns and writes them at end(). The output equals write_result's.
std::unique_ptr<RowSink> result_writer(std::ostream& out, Format format, const TableStyle& style = {});

// Writes each row of `explanation` with what it rests on. table: the row on
// one line, then one indented line per citation or annotation; json: an array
// of {"row": {...}, "evidence": [...]}; jsonl: one such object per line;
// csv, tsv, markdown: one line per citation or annotation, the row repeated.
void write_explanation(std::ostream& out, const Explanation& explanation, Format format);

// `s` with backslash, tab, newline and carriage return written \\ \t \n \r:
// a field of tsv, and of PostgreSQL's COPY text format.
std::string tsv_field(const std::string& s);

// `s` as one cell of a Markdown table: line breaks as <br>, control
// characters as in terminal_safe, and whatever Markdown or HTML would read as
// syntax ('|', '\\', '[', ']', '`', '*', '~', and '_' but inside a word)
// escaped with a backslash, '<', '>' and '&' as entities: the text shows as
// written, with no link, emphasis or HTML of its own.
std::string markdown_cell(const std::string& s);

// A value as plain text: NULL is empty, a BLOB is X'hex' as SQL writes it.
std::string to_text(const Value& value);

// `s` with control characters shown as escapes (\n, \t, \x1b, ...), safe to
// print on a terminal: what a cell holds is what the reader sees.
// Bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069) are
// shown as \u202e too: they would reorder what the reader sees.
std::string terminal_safe(const std::string& s);

// The same for a message on standard error, keeping its line breaks.
std::string message_safe(const std::string& s);

}  // namespace factdb
