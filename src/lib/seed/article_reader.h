// Reads an article's [article] table: its id, the text it names (a regular
// file inside the article's own folder, valid UTF-8), its source site and
// the sections of the text.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "article_text.h"
#include "section_roles.h"
#include "toml_fields.h"

namespace factdb::seed {

struct ArticleHeader {
  std::string id;
  Location where;                      // the [article] table
  std::unique_ptr<ArticleText> text;   // null when it cannot be read: quotes are then not looked up
  std::optional<std::string> source_site;
  std::vector<std::pair<std::string, Span>> sections;  // role -> span
  const Span* section(std::string_view role) const;
};

// Reads [article] of `doc`, the facts.toml in `folder`. Every problem is
// reported through `fields`; what could be read is returned all the same, so
// that the rest of the file is checked too.
ArticleHeader read_article_header(const std::filesystem::path& folder, const toml::table& doc, TomlFields& fields);

// The paragraphs of `body` (runs of non-blank lines), in order.
std::vector<Span> paragraphs(const std::string& text, Span body);

}  // namespace factdb::seed
