// Numbers as news prints them: "9", "nine", "twenty-five", "tenth", "1,200".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace factdb::seed {

// Every number `printed` gives, in order: digits (with thousands separated
// by commas), and English cardinal or ordinal words up to the hundreds
// ("nine", "tenth", "twenty-five", "one hundred and two").
std::vector<long> numbers_in(std::string_view printed);

}  // namespace factdb::seed
