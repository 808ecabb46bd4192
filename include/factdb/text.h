// UTF-8 helpers: validation, character positions as SQLite counts them, display width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factdb::text {

// Byte offset of the first byte that does not start a valid UTF-8 sequence,
// or nullopt when the whole of `bytes` is valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// 1-based line and column (in characters) of `byte_offset` within `bytes`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column(std::string_view bytes, std::size_t byte_offset);

// Number of code points in valid UTF-8 `bytes`: what SQLite's length() returns.
std::size_t char_count(std::string_view bytes);

// Byte offsets of every occurrence of `needle` in `haystack`, in order;
// occurrences may overlap. Empty needle: no occurrences.
std::vector<std::size_t> find_all(std::string_view haystack, std::string_view needle);

// Whether the span [start, start + length) of valid UTF-8 `text` begins and
// ends at word boundaries: a span starting with a letter, digit or mark does
// not continue one before it, and one ending with such a character is not
// followed by another. "Latvia" inside "Latvian" is not on a boundary.
bool on_word_boundaries(std::string_view text, std::size_t start, std::size_t length);

// Unicode normalization forms: the same letters may be written as one code
// point (NFC: "é") or as a letter and a combining mark (NFD: "e" + U+0301).
enum class Normalization { nfc, nfd };

// Valid UTF-8 `s` in normalization `form` (utf8proc); `s` itself when it is
// not valid UTF-8.
std::string normalized(std::string_view s, Normalization form);

// Valid UTF-8 `s` case folded and without accents ("Zieliński" -> "zielinski"),
// as FTS5's remove_diacritics compares words; `s` itself when not valid UTF-8.
std::string folded(std::string_view s);

// Finds quotes in one text in time that does not grow with the text: a
// suffix array (libdivsufsort) built once, then a binary search per quote.
// A text under kIndexedTextBytes is searched directly instead; it is read
// just as fast.
class TextIndex {
 public:
  static constexpr std::size_t kIndexedTextBytes = 64 * 1024;
  // `text` must outlive the index.
  explicit TextIndex(std::string_view text);
  // What text::find_all(text, needle) returns.
  std::vector<std::size_t> find_all(std::string_view needle) const;

 private:
  std::string_view text_;
  std::vector<std::int32_t> suffixes_;  // every position of the text, in the order of the suffixes starting there
};

// Character positions of byte offsets in one text, in time that does not
// grow with the offset: the count is kept at every 4 KiB.
class CharOffsets {
 public:
  // `text` must outlive this.
  explicit CharOffsets(std::string_view text);
  // char_count(text.substr(0, byte_offset)).
  std::size_t chars_before(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kBlock = 4096;
  std::string_view text_;
  std::vector<std::size_t> block_starts_;  // characters before each block
};

// Columns a terminal uses to show valid UTF-8 `s`: wide East Asian characters
// count two, combining marks none.
std::size_t display_width(std::string_view s);

}  // namespace factdb::text
