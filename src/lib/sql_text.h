// Writing SQL text: names and values quoted as SQLite reads them back.
#pragma once

#include <string>
#include <string_view>

namespace factdb {

// "name", with any double quote inside doubled.
inline std::string quoted_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// 'text', with any single quote inside doubled.
inline std::string quoted_literal(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// `text` as one line of an SQL comment: control characters (a line break
// would end the comment and start a command of psql or the sqlite3 shell)
// become spaces. For names and titles from a database written elsewhere.
inline std::string comment_text(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

// A dollar-quote tag ($query$, $query1$, ...) that does not occur in `body`,
// so no text inside can end the quoted body early.
inline std::string dollar_tag(std::string_view body, std::string_view word) {
  std::string tag = "$" + std::string(word) + "$";
  for (int n = 1; body.find(tag) != std::string_view::npos; ++n) tag = "$" + std::string(word) + std::to_string(n) + "$";
  return tag;
}

}  // namespace factdb
