#include "numbers.h"

#include <cctype>
#include <string>
#include <unordered_map>

namespace factdb::seed {

namespace {

// The value of one number word, cardinal or ordinal, or -1.
long word_value(const std::string& w) {
  static const std::unordered_map<std::string, long> words = {
      {"zero", 0},       {"one", 1},         {"first", 1},       {"two", 2},          {"second", 2},       {"three", 3},
      {"third", 3},      {"four", 4},        {"fourth", 4},      {"five", 5},         {"fifth", 5},        {"six", 6},
      {"sixth", 6},      {"seven", 7},       {"seventh", 7},     {"eight", 8},        {"eighth", 8},       {"nine", 9},
      {"ninth", 9},      {"ten", 10},        {"tenth", 10},      {"eleven", 11},      {"eleventh", 11},    {"twelve", 12},
      {"twelfth", 12},   {"thirteen", 13},   {"thirteenth", 13}, {"fourteen", 14},    {"fourteenth", 14},  {"fifteen", 15},
      {"fifteenth", 15}, {"sixteen", 16},    {"sixteenth", 16},  {"seventeen", 17},   {"seventeenth", 17}, {"eighteen", 18},
      {"eighteenth", 18}, {"nineteen", 19},  {"nineteenth", 19}, {"twenty", 20},      {"twentieth", 20},   {"thirty", 30},
      {"thirtieth", 30}, {"forty", 40},      {"fortieth", 40},   {"fifty", 50},       {"fiftieth", 50},    {"sixty", 60},
      {"sixtieth", 60},  {"seventy", 70},    {"seventieth", 70}, {"eighty", 80},      {"eightieth", 80},   {"ninety", 90},
      {"ninetieth", 90}, {"dozen", 12}};
  auto it = words.find(w);
  return it == words.end() ? -1 : it->second;
}

}  // namespace

std::vector<long> numbers_in(std::string_view printed) {
  // Words: runs of letters (hyphens split "twenty-five"), and runs of digits
  // with the commas between their groups.
  std::vector<std::string> tokens;
  std::string token;
  auto flush = [&] {
    if (!token.empty()) tokens.push_back(token);
    token.clear();
  };
  auto is_digit = [&](std::size_t i) { return i < printed.size() && std::isdigit(static_cast<unsigned char>(printed[i])); };
  auto group_follows = [&](std::size_t comma) {  // three digits, then no fourth
    return is_digit(comma + 1) && is_digit(comma + 2) && is_digit(comma + 3) && !is_digit(comma + 4);
  };
  for (std::size_t i = 0; i < printed.size(); ++i) {
    auto c = static_cast<unsigned char>(printed[i]);
    bool digit = std::isdigit(c) != 0;
    if (std::isalpha(c)) {
      if (!token.empty() && std::isdigit(static_cast<unsigned char>(token.back()))) flush();
      token.push_back(static_cast<char>(std::tolower(c)));
    } else if (digit) {
      if (!token.empty() && !std::isdigit(static_cast<unsigned char>(token.back()))) flush();
      token.push_back(static_cast<char>(c));
    } else if (c == ',' && !token.empty() && std::isdigit(static_cast<unsigned char>(token.back())) && group_follows(i)) {
      continue;  // "1,200": a thousands separator
    } else {
      flush();
    }
  }
  flush();
  std::vector<long> numbers;
  long current = -1;  // the number being read from words, -1: none
  auto end_number = [&] {
    if (current >= 0) numbers.push_back(current);
    current = -1;
  };
  for (const auto& t : tokens) {
    if (std::isdigit(static_cast<unsigned char>(t[0]))) {
      end_number();
      // An ordinal suffix ("10th") is a separate token of letters, skipped below.
      numbers.push_back(t.size() > 15 ? -1 : std::stol(t));
      continue;
    }
    if (t == "st" || t == "nd" || t == "rd" || t == "th") continue;
    if (t == "hundred" || t == "hundredth") {
      current = (current < 0 ? 1 : current) * 100;
      continue;
    }
    if (t == "and" && current >= 100) continue;  // "one hundred and two"
    auto v = word_value(t);
    if (v < 0) {
      end_number();
      continue;
    }
    // "twenty" then "five": one number; "nine" then "ten": two.
    if (current >= 0 && !(current % 100 == 0 || (current % 10 == 0 && current % 100 >= 20 && v < 10))) end_number();
    current = current < 0 ? v : current + v;
  }
  end_number();
  return numbers;
}

}  // namespace factdb::seed
