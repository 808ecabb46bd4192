#include "factdb/text.h"

#include <divsufsort.h>
#include <utf8proc.h>

#include <climits>
#include <cstdlib>
#include <cstdint>

#include <algorithm>

namespace factdb::text {

namespace {
// Decodes one code point at `pos`; returns its length in bytes, or a negative
// value when the bytes there are not valid UTF-8.
utf8proc_ssize_t decode(std::string_view s, std::size_t pos, utf8proc_int32_t* cp) {
  return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                          static_cast<utf8proc_ssize_t>(s.size() - pos), cp);
}
}  // namespace

namespace {
// Letters, digits and combining marks: what a word is made of, in any script.
bool is_word_char(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// The code point starting at `pos`, or -1 past the end or on invalid bytes.
utf8proc_int32_t char_at(std::string_view s, std::size_t pos) {
  utf8proc_int32_t cp = -1;
  if (pos >= s.size() || decode(s, pos, &cp) <= 0) return -1;
  return cp;
}

// The start of the code point that ends just before `pos`.
std::size_t previous_char(std::string_view s, std::size_t pos) {
  do --pos; while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80);
  return pos;
}
}  // namespace

bool on_word_boundaries(std::string_view text, std::size_t start, std::size_t length) {
  if (length == 0 || start + length > text.size()) return false;
  auto end = start + length;
  if (start > 0 && is_word_char(char_at(text, start)) && is_word_char(char_at(text, previous_char(text, start))))
    return false;
  if (end < text.size() && is_word_char(char_at(text, previous_char(text, end))) && is_word_char(char_at(text, end)))
    return false;
  return true;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    utf8proc_int32_t cp;
    auto n = decode(bytes, pos, &cp);
    if (n <= 0) return pos;
    pos += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

LineColumn line_column(std::string_view bytes, std::size_t byte_offset) {
  LineColumn lc;
  for (std::size_t i = 0; i < byte_offset && i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a continuation byte: a new character
      ++lc.column;
    }
  }
  return lc;
}

std::size_t char_count(std::string_view bytes) {
  std::size_t n = 0;
  for (unsigned char c : bytes) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<std::size_t> find_all(std::string_view haystack, std::string_view needle) {
  std::vector<std::size_t> hits;
  if (needle.empty()) return hits;
  for (auto pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1))
    hits.push_back(pos);
  return hits;
}

namespace {

std::string mapped(std::string_view s, utf8proc_option_t options) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out, options);
  if (n < 0) return std::string(s);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

}  // namespace

std::string normalized(std::string_view s, Normalization form) {
  return mapped(s, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | (form == Normalization::nfc ? UTF8PROC_COMPOSE : UTF8PROC_DECOMPOSE)));
}

std::string folded(std::string_view s) {
  return mapped(s, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
}

TextIndex::TextIndex(std::string_view text) : text_(text) {
  if (text.size() < kIndexedTextBytes || text.size() > static_cast<std::size_t>(INT32_MAX)) return;
  suffixes_.resize(text.size());
  if (divsufsort(reinterpret_cast<const sauchar_t*>(text.data()), suffixes_.data(), static_cast<saidx_t>(text.size())) != 0)
    suffixes_.clear();  // out of memory inside the library: search directly instead
}

std::vector<std::size_t> TextIndex::find_all(std::string_view needle) const {
  if (suffixes_.empty() || needle.empty()) return text::find_all(text_, needle);
  saidx_t first = 0;
  auto count = sa_search(reinterpret_cast<const sauchar_t*>(text_.data()), static_cast<saidx_t>(text_.size()),
                         reinterpret_cast<const sauchar_t*>(needle.data()), static_cast<saidx_t>(std::min<std::size_t>(needle.size(), INT32_MAX)),
                         suffixes_.data(), static_cast<saidx_t>(suffixes_.size()), &first);
  std::vector<std::size_t> hits(suffixes_.begin() + first, suffixes_.begin() + first + std::max<saidx_t>(count, 0));
  std::sort(hits.begin(), hits.end());
  return hits;
}

CharOffsets::CharOffsets(std::string_view text) : text_(text) {
  std::size_t chars = 0;
  for (std::size_t block = 0; block * kBlock <= text.size(); ++block) {
    block_starts_.push_back(chars);
    chars += char_count(text.substr(block * kBlock, kBlock));
  }
}

std::size_t CharOffsets::chars_before(std::size_t byte_offset) const {
  auto block = std::min(byte_offset / kBlock, block_starts_.size() - 1);
  return block_starts_[block] + char_count(text_.substr(block * kBlock, byte_offset - block * kBlock));
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    utf8proc_int32_t cp;
    auto n = decode(s, pos, &cp);
    if (n <= 0) {  // show a stray byte as one column rather than fail while printing
      ++width;
      ++pos;
      continue;
    }
    width += static_cast<std::size_t>(utf8proc_charwidth(cp));
    pos += static_cast<std::size_t>(n);
  }
  return width;
}

}  // namespace factdb::text
