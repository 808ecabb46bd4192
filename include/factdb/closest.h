// "Did you mean": the known names closest to one a user typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factdb {

// Optimal string alignment distance between the bytes of `a` and `b`:
// insertions, deletions, substitutions and swaps of two neighbours
// ("stnad-ins") each cost one.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` of `known`, closest first, that `given` plausibly meant: one
// containing the other (case folded), or within an edit distance of about a
// third of its length (at least 2). Empty when none is close.
std::vector<std::string> closest_names(const std::vector<std::string>& known, std::string_view given, std::size_t limit = 5);

// "; did you mean X?" or "; did you mean X, Y or Z?", or "" when none is close.
std::string did_you_mean(const std::vector<std::string>& known, std::string_view given);

// did_you_mean, or when none is close "; LISTED: a, b, c" (or `none` when
// nothing is known): what an error says after naming what was not found.
std::string did_you_mean_or_list(const std::vector<std::string>& known, std::string_view given, std::string_view listed,
                                 std::string_view none = {});

}  // namespace factdb
