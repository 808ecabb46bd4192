#include "diagnostics.h"

#include <algorithm>
#include <sstream>
#include <tuple>

#include "factdb/text.h"

namespace factdb::seed {

void Diagnostics::fail(Location where, std::string message) { list_.push_back({std::move(where), shown(message, 400)}); }

std::vector<Diagnostic> Diagnostics::take_sorted() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
  });
  return std::move(list_);
}

Location at(const std::string& file, const toml::node& node) {
  return {file, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
}

Location at(const std::string& file, const toml::key& key) {
  return {file, static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
}

std::string shown(std::string_view s, std::size_t max_chars) {
  if (text::char_count(s) <= max_chars) return std::string(s);
  std::size_t cut = 0;
  for (std::size_t chars = 0; cut < s.size() && chars < max_chars - 1; ++chars)
    do ++cut; while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80);
  return std::string(s.substr(0, cut)) + "\u2026";
}

std::string describe_kinds(std::string_view kinds, bool with_article) {
  std::istringstream words{std::string(kinds)};
  std::string text;
  for (std::string w; words >> w;) text += (text.empty() ? "" : " or ") + w;
  if (!with_article || text.empty()) return text;
  return (std::string("aeiou").find(text[0]) != std::string::npos ? "an " : "a ") + text;
}

// By hand: std::regex made this a tenth of a build.
bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

}  // namespace factdb::seed
