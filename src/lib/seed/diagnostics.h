// Every problem a seed has, collected so that one run reports them all.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

#include "factdb/error.h"

namespace factdb::seed {

class Diagnostics {
 public:
  // A message may echo a key or value from the seed: at most a line of it,
  // however long what the seed holds.
  void fail(Location where, std::string message);
  void add(Diagnostic diagnostic) { list_.push_back(std::move(diagnostic)); }
  std::size_t count() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  // Every problem, in file, line and column order.
  std::vector<Diagnostic> take_sorted();

 private:
  std::vector<Diagnostic> list_;
};

// Where `node` (or `key`) begins in `file`.
Location at(const std::string& file, const toml::node& node);
Location at(const std::string& file, const toml::key& key);

// A value as a message shows it: whole when short, else its start and an ellipsis.
std::string shown(std::string_view s, std::size_t max_chars = 80);

// "country organization" -> "a country or organization" (without the article: "country or organization").
std::string describe_kinds(std::string_view kinds, bool with_article = true);

// [a-z0-9]+(-[a-z0-9]+)*: what an id may be.
bool is_slug(std::string_view s);

}  // namespace factdb::seed
