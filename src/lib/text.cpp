#include "factdb/text.h"

#include <utf8proc.h>

namespace factdb::text {

namespace {
// Decodes one code point at `pos`; returns its length in bytes, or a negative
// value when the bytes there are not valid UTF-8.
utf8proc_ssize_t decode(std::string_view s, std::size_t pos, utf8proc_int32_t* cp) {
  return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                          static_cast<utf8proc_ssize_t>(s.size() - pos), cp);
}
}  // namespace

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
