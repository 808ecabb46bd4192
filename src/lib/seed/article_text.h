// One article's text, and the places in it that a seed's quotes point at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "factdb/text.h"
#include "toml_fields.h"

namespace factdb::seed {

struct Span {
  std::size_t start = 0;  // bytes
  std::size_t length = 0;
};

class ArticleText {
 public:
  // `text` must be valid UTF-8. Builds the index quotes are found with.
  ArticleText(std::string file, std::string text);

  const std::string& file() const { return file_; }
  const std::string& text() const { return text_; }
  std::string_view slice(Span span) const { return std::string_view(text_).substr(span.start, span.length); }
  // SQLite's 1-based character position and length of `span`.
  std::int64_t char_start(Span span) const { return static_cast<std::int64_t>(chars_.chars_before(span.start) + 1); }
  std::int64_t char_length(Span span) const { return static_cast<std::int64_t>(text::char_count(slice(span))); }
  bool contains(std::string_view s) const { return !index_.find_all(s).empty(); }

  // Where `quote` is in the text, on word boundaries (a quote "Latvia" is not
  // found inside "Latvian"). With `first_is_fine`, a text printed more than
  // once means its first occurrence (an entity's name); otherwise that is an
  // error unless the quote says which occurrence it means. A problem is
  // reported through `fields`, at the quote's place in the seed file.
  std::optional<Span> locate(TomlFields& fields, const Quote& quote, bool first_is_fine) const;
  // The span from the start of quote `from` to the end of quote `to`.
  std::optional<Span> locate_range(TomlFields& fields, const toml::node& from, const toml::node& to) const;

 private:
  std::string file_;
  std::string text_;
  text::TextIndex index_;
  text::CharOffsets chars_;
};

}  // namespace factdb::seed
