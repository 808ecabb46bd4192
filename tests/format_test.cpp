#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "factdb/format.h"
#include "factdb/text.h"

using namespace factdb;

namespace {
ResultSet sample() {
  return {{"name", "n", "note"},
          {{std::string("Xi Jinping"), std::int64_t{7}, nullptr},
           {std::string("\u4e60\u8fd1\u5e73"), std::int64_t{12}, std::string("a, \"quoted\"\nline|pipe")},
           {std::string("x"), 2.5, std::string("tab\there")}}};
}

std::string render(Format f, const ResultSet& r = sample()) {
  std::ostringstream out;
  write_result(out, r, f);
  return out.str();
}
}  // namespace

TEST_CASE("csv follows RFC 4180: header, CRLF, quotes doubled only where needed", "[format]") {
  auto csv = render(Format::csv);
  CHECK(csv.rfind("name,n,note\r\n", 0) == 0);
  CHECK(csv.find("Xi Jinping,7,\r\n") != std::string::npos);
  CHECK(csv.find("\"a, \"\"quoted\"\"\nline|pipe\"") != std::string::npos);
}

TEST_CASE("json keeps SQLite's types and column order", "[format]") {
  auto j = nlohmann::ordered_json::parse(render(Format::json));
  REQUIRE(j.size() == 3);
  CHECK(j[0]["n"] == 7);
  CHECK(j[0]["note"].is_null());
  CHECK(j[2]["n"] == 2.5);
  CHECK(j[1]["name"] == "\u4e60\u8fd1\u5e73");
  CHECK(j[0].begin().key() == "name");
}

TEST_CASE("jsonl writes one object per line", "[format]") {
  std::istringstream lines(render(Format::jsonl));
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) CHECK(nlohmann::json::parse(line).is_object());
  CHECK(n == 3);
}

TEST_CASE("table aligns by display width and shows control characters escaped", "[format]") {
  auto table = render(Format::table);
  std::istringstream lines(table);
  std::string header, rule, row1, row2;
  std::getline(lines, header);
  std::getline(lines, rule);
  std::getline(lines, row1);
  std::getline(lines, row2);
  // "习近平" is 6 display columns wide, "Xi Jinping" 10: the numbers of the n
  // column, right-aligned, end at the same display column in every row.
  CHECK(row2.rfind("\u4e60\u8fd1\u5e73", 0) == 0);
  auto n_ends = [](const std::string& line, const std::string& value) {
    auto at = line.find(value);
    REQUIRE(at != std::string::npos);
    return text::display_width(line.substr(0, at + value.size()));
  };
  std::string row3;
  std::getline(lines, row3);
  CHECK(n_ends(row1, "7") == 15);
  CHECK(n_ends(row2, "12") == 15);
  CHECK(n_ends(row3, "2.5") == 15);
  CHECK(n_ends(header, "name        n") == 13);
  CHECK(table.find("\\n") != std::string::npos);
  CHECK(table.find("\\t") != std::string::npos);
  CHECK(table.find('\t') == std::string::npos);
  ResultSet hostile{{"x"}, {{std::string("\x1b[31mred\x1b[0m")}}};
  auto shown = render(Format::table, hostile);
  CHECK(shown.find('\x1b') == std::string::npos);
  CHECK(shown.find("\\x1b[31mred") != std::string::npos);
}

TEST_CASE("tsv and markdown escape their separators", "[format]") {
  auto tsv = render(Format::tsv);
  CHECK(tsv.find("tab\\there") != std::string::npos);
  CHECK(tsv.find("\\nline") != std::string::npos);
  auto md = render(Format::markdown);
  CHECK(md.rfind("| name | n | note |\n| --- | --- | --- |\n", 0) == 0);
  CHECK(md.find("line\\|pipe") != std::string::npos);
}

TEST_CASE("format names round-trip", "[format]") {
  for (auto name : format_names()) CHECK(parse_format(name).has_value());
  CHECK_FALSE(parse_format("xml").has_value());
}

TEST_CASE("json written row by row is the same document as the whole array pretty-printed", "[format]") {
  for (const auto& r : {sample(), ResultSet{{"a"}, {}}, ResultSet{{"a", "b"}, {{std::int64_t{1}, nullptr}}}}) {
    auto expected = nlohmann::ordered_json::array();
    for (const auto& row : r.rows) {
      auto object = nlohmann::ordered_json::object();
      for (std::size_t c = 0; c < r.columns.size(); ++c) {
        const auto& v = row[c];
        if (auto* i = std::get_if<std::int64_t>(&v)) object[r.columns[c]] = *i;
        else if (auto* d = std::get_if<double>(&v)) object[r.columns[c]] = *d;
        else if (auto* s = std::get_if<std::string>(&v)) object[r.columns[c]] = *s;
        else object[r.columns[c]] = nullptr;
      }
      expected.push_back(object);
    }
    CHECK(render(Format::json, r) == expected.dump(2) + "\n");
  }
}

TEST_CASE("a streaming writer writes each format as written out here by hand, row by row", "[format]") {
  // The expected text of every format, spelled out: not computed by the code under test.
  const std::string rule = "\u2500";
  auto rules = [&](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += rule;
    return out;
  };
  const std::pair<Format, std::string> expected[] = {
      {Format::table, "name        n    note\n" + rules(10) + "  " + rules(3) + "  " + rules(22) +
                          "\nXi Jinping    7\n\u4e60\u8fd1\u5e73       12  a, \"quoted\"\\nline|pipe\nx           2.5  tab\\there\n"},
      {Format::csv, "name,n,note\r\nXi Jinping,7,\r\n\u4e60\u8fd1\u5e73,12,\"a, \"\"quoted\"\"\nline|pipe\"\r\nx,2.5,tab\there\r\n"},
      {Format::tsv, "name\tn\tnote\nXi Jinping\t7\t\n\u4e60\u8fd1\u5e73\t12\ta, \"quoted\"\\nline|pipe\nx\t2.5\ttab\\there\n"},
      {Format::json, "[\n  {\n    \"name\": \"Xi Jinping\",\n    \"n\": 7,\n    \"note\": null\n  },\n  {\n    \"name\": \"\u4e60\u8fd1\u5e73\",\n"
                     "    \"n\": 12,\n    \"note\": \"a, \\\"quoted\\\"\\nline|pipe\"\n  },\n  {\n    \"name\": \"x\",\n    \"n\": 2.5,\n"
                     "    \"note\": \"tab\\there\"\n  }\n]\n"},
      {Format::jsonl, "{\"name\":\"Xi Jinping\",\"n\":7,\"note\":null}\n{\"name\":\"\u4e60\u8fd1\u5e73\",\"n\":12,\"note\":\"a, \\\"quoted\\\"\\nline|pipe\"}\n"
                      "{\"name\":\"x\",\"n\":2.5,\"note\":\"tab\\there\"}\n"},
      {Format::markdown, "| name | n | note |\n| --- | --- | --- |\n| Xi Jinping | 7 |  |\n| \u4e60\u8fd1\u5e73 | 12 | a, \"quoted\"<br>line\\|pipe |\n"
                         "| x | 2.5 | tab\\\\there |\n"},
  };
  REQUIRE(std::size(expected) == format_names().size());
  for (const auto& [format, text] : expected) {
    std::ostringstream streamed;
    auto writer = result_writer(streamed, format);
    auto r = sample();
    writer->begin(r.columns);
    for (const auto& row : r.rows) writer->row(row);
    writer->end();
    INFO(static_cast<int>(format));
    CHECK(streamed.str() == text);
    CHECK(render(format, r) == text);
  }
}

namespace {
std::string table(const ResultSet& r, TableStyle style) {
  std::ostringstream out;
  write_result(out, r, Format::table, style);
  return out.str();
}

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0, start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start))
    widest = std::max(widest, text::display_width(std::string_view(text).substr(start, end - start)));
  return widest;
}

ResultSet long_cells() {
  return {{"person", "why", "evidence"},
          {{std::string("Shehbaz Sharif"), std::string("the office is head of government, not head of state"),
            std::string("Prime Minister Shehbaz Sharif of Pakistan attended the annual session in Astana on Thursday")},
           {std::string("\u4e60\u8fd1\u5e73"), nullptr, std::string("")}}};
}
}  // namespace

TEST_CASE("table: fitted to a width, long cells wrap at spaces and every line fits", "[format]") {
  auto natural = table(long_cells(), {});
  CHECK(widest_line(natural) > 60);
  TableStyle style;
  style.width = 60;
  auto fitted = table(long_cells(), style);
  CHECK(widest_line(fitted) <= 60);
  CHECK(fitted.rfind("person", 0) == 0);  // still a table, header first
  // Every word is still there, in order.
  std::string words;
  for (const auto& w : {"the", "office", "is", "head", "of", "government,", "not", "head", "of", "state"}) words += w;
  std::string seen;
  for (char c : fitted) if (c != ' ' && c != '\n') seen += c;
  CHECK(seen.find("theofficeishead") != std::string::npos);
  // A word longer than its column is cut, not lost.
  ResultSet ids{{"fact_ids", "note"}, {{std::string("[80380135984369,3882509895131900,643564183127657]"), std::string("x")}}};
  style.width = 30;
  auto cut = table(ids, style);
  CHECK(widest_line(cut) <= 30);
}

TEST_CASE("table: too narrow for its columns, one record per block, and -x asks for that at any width", "[format]") {
  TableStyle narrow;
  narrow.width = 20;
  auto blocks = table(long_cells(), narrow);
  CHECK(blocks.rfind("-[ 1 ]", 0) == 0);
  CHECK(blocks.find("-[ 2 ]") != std::string::npos);
  CHECK(blocks.find("person    Shehbaz Sharif") != std::string::npos);
  TableStyle expanded;
  expanded.expanded = true;
  auto x = table(long_cells(), expanded);
  CHECK(x.find("why       the office is head of government, not head of state\n") != std::string::npos);
}

TEST_CASE("table: NULL reads apart from the empty string when asked, and no width means no wrapping", "[format]") {
  TableStyle style;
  style.null_text = "NULL";
  auto shown = table(long_cells(), style);
  CHECK(shown.find("\u4e60\u8fd1\u5e73          NULL") != std::string::npos);
  CHECK(table(long_cells(), {}) == render(Format::table, long_cells()));  // pipes and files as before
}
