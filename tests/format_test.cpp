#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "factdb/format.h"

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
  // "习近平" is 6 columns wide, like "Xi Jinp": the next column starts at the same place.
  CHECK(row1.find("  7") != std::string::npos);
  CHECK(row2.rfind("\u4e60\u8fd1\u5e73", 0) == 0);
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

TEST_CASE("a streaming writer gives what write_result gives, row by row, for every format", "[format]") {
  for (auto name : format_names()) {
    auto format = *parse_format(name);
    std::ostringstream streamed;
    auto writer = result_writer(streamed, format);
    auto r = sample();
    writer->begin(r.columns);
    for (const auto& row : r.rows) writer->row(row);
    writer->end();
    INFO(name);
    CHECK(streamed.str() == render(format, r));
  }
}
