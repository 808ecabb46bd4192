#include <catch2/catch.hpp>

#include "factdb/sha256.h"
#include "factdb/text.h"

using namespace factdb;

TEST_CASE("positions count characters as SQLite's substr does, not bytes", "[text]") {
  std::string s = "Russia\u2019s support";  // the curly apostrophe is 3 bytes, 1 character
  CHECK(text::char_count(s) == 16);
  auto lc = text::line_column("ab\nc\u2019d", 7);  // byte 7 is 'd', after a 3-byte character
  CHECK(lc.line == 2);
  CHECK(lc.column == 3);
}

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[text]") {
  CHECK_FALSE(text::first_invalid_utf8("plain and \u00e9\u4e2d").has_value());
  std::string bad = "ok\xC3(";
  REQUIRE(text::first_invalid_utf8(bad).has_value());
  CHECK(*text::first_invalid_utf8(bad) == 2);
  CHECK(text::first_invalid_utf8("\xFF").value() == 0);
}

TEST_CASE("display width counts wide characters twice and combining marks not at all", "[text]") {
  CHECK(text::display_width("abc") == 3);
  CHECK(text::display_width("\u4e60\u8fd1\u5e73") == 6);  // three CJK characters
  CHECK(text::display_width("e\u0301") == 1);             // e + combining acute
}

TEST_CASE("every occurrence of a quote is found, overlapping ones included", "[text]") {
  CHECK(text::find_all("aaa", "aa") == std::vector<std::size_t>{0, 1});
  CHECK(text::find_all("abc", "").empty());
}

TEST_CASE("SHA-256 matches the standard test vectors", "[text]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("TextIndex finds what a scan finds in a long text, CharOffsets counts what char_count counts", "[text]") {
  // Over the indexing threshold, repetitive (many suffixes share long
  // prefixes), with multi-byte characters and a needle at the very end.
  std::string text;
  for (int i = 0; text.size() < 3 * text::TextIndex::kIndexedTextBytes; ++i)
    text += "Zieli\u0144ski restated his view, remark " + std::to_string(i % 997) + ". aaaa\n";
  text += "the end";
  text::TextIndex index(text);
  for (const std::string& needle : std::vector<std::string>{"Zieli\u0144ski restated his view, remark 12.", "remark 996", "a", "aaa", "the end", "end", "\n",
                             "not there", "\u0144", "remark 9", std::string(1, '\0')}) {
    INFO(needle);
    CHECK(index.find_all(needle) == text::find_all(text, needle));
  }
  text::CharOffsets offsets(text);
  for (std::size_t byte : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{6}, std::size_t{4095}, std::size_t{4096},
                           std::size_t{4097}, text.size() / 2, text.size() - 1, text.size()})
    CHECK(offsets.chars_before(byte) == text::char_count(std::string_view(text).substr(0, byte)));
}
