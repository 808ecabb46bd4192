#include "article_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../parse_ahead.h"
#include "factdb/error.h"

namespace fs = std::filesystem;

namespace factdb::seed {

namespace {
std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::missing_file, fmt::format("cannot read {}", path.string()));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The text `name` names, or null with the problem reported.
std::unique_ptr<ArticleText> read_text(const fs::path& folder, const toml::table& header, const std::string& name,
                                       TomlFields& fields) {
  const auto& node = *header.get("text");
  auto path = folder / name;
  if (auto problem = outside_folder(folder, name)) {
    fields.fail(node, fmt::format("article text \"{}\" {}; it must be a file inside the article's own folder", shown(name), *problem));
    return nullptr;
  }
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (!fs::is_regular_file(status)) {
    fields.fail(node, fs::exists(status) ? fmt::format("article text {} is not a regular file (a folder, FIFO or device)", path.string())
                                         : fmt::format("article text {} does not exist", path.string()));
    return nullptr;
  }
  auto text = read_file(path);
  if (text.empty()) {
    fields.fail(Location{path.string()}, "article text is empty");
    return nullptr;
  }
  if (auto bad = text::first_invalid_utf8(text)) {
    auto lc = text::line_column(text, *bad);
    fields.fail(Location{path.string(), lc.line, lc.column},
                fmt::format("invalid UTF-8 (byte 0x{:02x}); article text must be UTF-8", static_cast<unsigned char>(text[*bad])));
    return nullptr;
  }
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    auto lc = text::line_column(text, nul);
    fields.fail(Location{path.string(), lc.line, lc.column}, "a NUL byte; an article's text must not hold one");
    return nullptr;
  }
  return std::make_unique<ArticleText>(path.string(), std::move(text));
}
}  // namespace

const Span* ArticleHeader::section(std::string_view role) const {
  for (const auto& [r, span] : sections)
    if (r == role) return &span;
  return nullptr;
}

ArticleHeader read_article_header(const fs::path& folder, const toml::table& doc, TomlFields& fields) {
  ArticleHeader a;
  a.id = folder.filename().string();
  a.where = Location{fields.file(), 1, 1};
  const auto* header = doc.get_as<toml::table>("article");
  if (!header) {
    fields.fail(a.where, "missing [article] table (id, text, sections)");
    return a;
  }
  a.where = fields.at(*header);
  fields.check_keys(*header, "article", {"id", "text", "source_site", "sections"});
  a.id = fields.optional_string(*header, "id").value_or(a.id);
  if (!is_slug(a.id))
    fields.fail(*header, fmt::format("article id '{}' must be lower-case letters, digits and hyphens", shown(a.id)));
  if (auto name = fields.required_string(*header, "text", "article")) a.text = read_text(folder, *header, *name, fields);
  a.source_site = fields.optional_string(*header, "source_site");
  if (a.source_site && a.text && !a.text->contains(*a.source_site))
    fields.fail(*header->get("source_site"), fmt::format("source_site \"{}\" is not printed in {}; leave it out when the text "
                                                         "does not name it", shown(*a.source_site), a.text->file()));

  // Sections: each a span of the text, by quote or from one quote to another.
  const auto* list = header->get("sections");
  if (list && !list->is_array()) fields.fail(*list, "'sections' must be an array of { role, quote } tables");
  bool headline = false;
  if (const auto* arr = list ? list->as_array() : nullptr) {
    for (const auto& node : *arr) {
      const auto* s = node.as_table();
      if (!s) {
        fields.fail(node, "each section must be { role = \"...\", quote = \"...\" } or { role, from, to }");
        continue;
      }
      fields.check_keys(*s, "section", {"role", "quote", "from", "to"});
      auto role = fields.required_string(*s, "role", "section");
      if (role && std::find(std::begin(kSectionRoles), std::end(kSectionRoles), *role) == std::end(kSectionRoles)) {
        fields.fail(*s->get("role"), fmt::format("section role is \"{}\"; expected one of: \"{}\"", shown(*role),
                                                 fmt::join(kSectionRoles, "\", \"")));
        role.reset();
      }
      if (role && a.section(*role)) {
        fields.fail(*s->get("role"), fmt::format("a second section with role = \"{}\"", *role));
        role.reset();
      }
      headline = headline || (role && *role == "headline");
      std::optional<Span> span;
      if (const auto* q = s->get("quote")) {
        auto quotes = fields.quotes(*q);
        if (quotes.size() == 1 && a.text) span = a.text->locate(fields, quotes.front(), false);
      } else if (s->get("from") && s->get("to")) {
        if (a.text) span = a.text->locate_range(fields, *s->get("from"), *s->get("to"));
      } else {
        fields.fail(*s, "a section needs 'quote', or 'from' and 'to'");
      }
      if (role && span) a.sections.emplace_back(*role, *span);
    }
  }
  if (!headline) fields.fail(*header, "[article] needs a section with role = \"headline\"");
  return a;
}

std::vector<Span> paragraphs(const std::string& text, Span body) {
  std::vector<Span> found;
  std::size_t paragraph_start = std::string::npos, paragraph_end = 0;
  auto flush = [&] {
    if (paragraph_start != std::string::npos) found.push_back({paragraph_start, paragraph_end - paragraph_start});
    paragraph_start = std::string::npos;
  };
  for (std::size_t line = body.start; line < body.start + body.length;) {
    auto newline = text.find('\n', line);
    auto end = std::min(newline == std::string::npos ? text.size() : newline, body.start + body.length);
    auto first = text.find_first_not_of(" \t\r", line);
    if (first >= end) {
      flush();
    } else {
      if (paragraph_start == std::string::npos) paragraph_start = first;
      paragraph_end = text.find_last_not_of(" \t\r", end - 1) + 1;
    }
    line = end + 1;
  }
  flush();
  return found;
}

}  // namespace factdb::seed
