// Small string helpers shared by the library's parsers. (Not strings.h: with
// src/lib on the include path, that name would hide the C library's <strings.h>.)
#pragma once

#include <string>
#include <string_view>

namespace factdb {

// `s` without leading and trailing blanks (spaces, tabs, carriage returns).
inline std::string trim(std::string_view s) {
  auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1));
}

}  // namespace factdb
