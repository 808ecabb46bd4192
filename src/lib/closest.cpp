#include "factdb/closest.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <tuple>

namespace factdb {

namespace {

std::string folded(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

// Names are short; a library would only add a dependency for thirty lines.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

namespace {

using Ranked = std::vector<std::tuple<std::size_t, std::size_t, std::string>>;  // (rank, distance, name), closest first

Ranked ranked_names(const std::vector<std::string>& known, std::string_view given) {
  auto typed = folded(given);
  if (typed.empty()) return {};
  std::size_t allowed = std::max<std::size_t>(2, typed.size() / 3);
  Ranked ranked;
  for (const auto& name : known) {
    auto candidate = folded(name);
    auto d = edit_distance(typed, candidate);
    bool contains = candidate.find(typed) != std::string::npos || typed.find(candidate) != std::string::npos;
    if (d <= allowed) ranked.emplace_back(0, d, name);
    else if (contains) ranked.emplace_back(1, d, name);
  }
  std::sort(ranked.begin(), ranked.end());
  return ranked;
}

}  // namespace

std::vector<std::string> closest_names(const std::vector<std::string>& known, std::string_view given, std::size_t limit) {
  std::vector<std::string> names;
  for (const auto& r : ranked_names(known, given))
    if (names.size() < limit) names.push_back(std::get<2>(r));
  return names;
}

std::string did_you_mean(const std::vector<std::string>& known, std::string_view given) {
  // Only the closest: "jsn" means json, not also csv and jsonl.
  auto ranked = ranked_names(known, given);
  std::vector<std::string> names;
  for (const auto& r : ranked)
    if (names.size() < 3 && std::get<0>(r) == std::get<0>(ranked[0]) && std::get<1>(r) == std::get<1>(ranked[0]))
      names.push_back(std::get<2>(r));
  if (names.empty()) return {};
  std::string list = names[0];
  for (std::size_t i = 1; i < names.size(); ++i) list += (i + 1 == names.size() ? " or " : ", ") + names[i];
  return "; did you mean " + list + "?";
}

std::string did_you_mean_or_list(const std::vector<std::string>& known, std::string_view given, std::string_view listed,
                                 std::string_view none) {
  auto guess = did_you_mean(known, given);
  if (!guess.empty()) return guess;
  if (known.empty()) return std::string(none);
  std::string list;
  for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
  return "; " + std::string(listed) + ": " + list;
}

}  // namespace factdb
