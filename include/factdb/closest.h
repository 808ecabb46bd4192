// "Did you mean": the known names closest to one a user typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factdb {

// Up to `limit` of `known`, closest first, that `given` plausibly meant: one
// containing the other (case folded), or within an edit distance of about a
// third of its length (at least 2). Empty when none is close.
std::vector<std::string> closest_names(const std::vector<std::string>& known, std::string_view given, std::size_t limit = 5);

// "; did you mean X?" or "; did you mean X, Y or Z?", or "" when none is close.
std::string did_you_mean(const std::vector<std::string>& known, std::string_view given);

}  // namespace factdb
