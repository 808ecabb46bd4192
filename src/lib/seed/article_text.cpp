#include "article_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace factdb::seed {

ArticleText::ArticleText(std::string file, std::string text)
    : file_(std::move(file)), text_(std::move(text)), index_(text_), chars_(text_) {}

namespace {
// Lines of `hits`, each once: "9, 14".
std::string lines_of(const std::string& text, const std::vector<std::size_t>& hits) {
  std::string lines;
  int last_line = 0;
  for (auto h : hits) {
    int line = text::line_column(text, h).line;
    if (line != last_line) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
    last_line = line;
  }
  return lines;
}
}  // namespace

std::optional<Span> ArticleText::locate(TomlFields& fields, const Quote& quote, bool first_is_fine) const {
  if (quote.text.empty()) {
    fields.fail(*quote.node, "empty quote");
    return std::nullopt;
  }
  auto all = index_.find_all(quote.text);
  if (all.empty()) {
    std::string hint;
    std::string curly(quote.text);
    for (std::size_t p = 0; (p = curly.find('\'', p)) != std::string::npos;) curly.replace(p, 1, "\u2019");
    if (curly != quote.text && contains(curly)) hint = " (the article writes \u2019 where the quote has ')";
    for (auto [form, name] : {std::pair{text::Normalization::nfc, "NFC"}, std::pair{text::Normalization::nfd, "NFD"}}) {
      auto normalized = text::normalized(quote.text, form);
      if (hint.empty() && normalized != quote.text && contains(normalized))
        hint = fmt::format(" (the article writes it in Unicode normalization form {}, the quote in another: the same "
                           "letters as other bytes; copy the quote from the article byte for byte)", name);
    }
    fields.fail(*quote.node, fmt::format("quote not found in {}: \"{}\"{}", file_, shown(quote.text), hint));
    return std::nullopt;
  }
  std::vector<std::size_t> hits;
  for (auto h : all)
    if (text::on_word_boundaries(text_, h, quote.text.size())) hits.push_back(h);
  if (hits.empty()) {
    auto lc = text::line_column(text_, all.front());
    fields.fail(*quote.node,
                fmt::format("\"{}\" is printed in {} only inside a longer word (line {}, column {}: \"{}\"); a quote starts "
                            "and ends where words do: quote the whole word",
                            shown(quote.text), file_, lc.line, lc.column,
                            shown(std::string_view(text_).substr(all.front() >= 20 ? all.front() - 20 : 0,
                                                                 quote.text.size() + 40), 60)));
    return std::nullopt;
  }
  if (quote.occurrence > 0) {
    if (static_cast<std::size_t>(quote.occurrence) > hits.size()) {
      fields.fail(*quote.node, fmt::format("quote occurs {} time(s) in {}, so occurrence = {} does not exist: \"{}\"",
                                           hits.size(), file_, quote.occurrence, shown(quote.text)));
      return std::nullopt;
    }
    return Span{hits[static_cast<std::size_t>(quote.occurrence - 1)], quote.text.size()};
  }
  if (hits.size() > 1 && !first_is_fine) {
    fields.fail(*quote.node, fmt::format("quote is ambiguous: it occurs {} times in {} (lines {}); quote more of the sentence "
                                         "or write {{ text = \"...\", occurrence = N }}: \"{}\"",
                                         hits.size(), file_, lines_of(text_, hits), shown(quote.text)));
    return std::nullopt;
  }
  return Span{hits.front(), quote.text.size()};
}

std::optional<Span> ArticleText::locate_range(TomlFields& fields, const toml::node& from, const toml::node& to) const {
  auto first = fields.quotes(from);
  auto last = fields.quotes(to);
  if (first.size() != 1 || last.size() != 1) return std::nullopt;
  auto begin = locate(fields, first.front(), false);
  auto end = locate(fields, last.front(), false);
  if (!begin || !end) return std::nullopt;
  if (end->start + end->length <= begin->start) {
    fields.fail(to, "section 'to' comes before 'from' in the text");
    return std::nullopt;
  }
  return Span{begin->start, end->start + end->length - begin->start};
}

}  // namespace factdb::seed
