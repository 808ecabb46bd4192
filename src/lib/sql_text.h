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

}  // namespace factdb
