// Reading the values of one seed file: keys checked against what is allowed,
// strings and quotes taken with a message at the value's line and column
// when they are not what is expected.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace factdb::seed {

// "a string", "an array", ...: what a message says a value is.
const char* type_name(const toml::node& node);

// A quote as written in the seed: the text, and which occurrence is meant
// when the text occurs more than once (0: it must be unique).
struct Quote {
  std::string_view text;  // into the parsed document, which outlives the quote
  std::int64_t occurrence = 0;
  const toml::node* node = nullptr;
};

class TomlFields {
 public:
  TomlFields(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

  const std::string& file() const { return file_; }
  Location at(const toml::node& node) const { return seed::at(file_, node); }
  void fail(const toml::node& node, std::string message) { diagnostics_.fail(at(node), std::move(message)); }
  void fail(Location where, std::string message) { diagnostics_.fail(std::move(where), std::move(message)); }
  // How many problems have been found so far, in every file.
  std::size_t problems() const { return diagnostics_.count(); }

  // Reports every key of `item` not in `allowed`.
  void check_keys(const toml::table& item, std::string_view what, const std::vector<std::string_view>& allowed);
  std::optional<std::string> optional_string(const toml::table& item, std::string_view key);
  std::optional<std::string> required_string(const toml::table& item, std::string_view key, std::string_view what);
  // `quote = "..."`, `quote = { text = "...", occurrence = N }` or an array of these.
  std::vector<Quote> quotes(const toml::node& node);

 private:
  std::string file_;
  Diagnostics& diagnostics_;
};

}  // namespace factdb::seed
