#include "dates.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace factdb::seed {

namespace {
constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The words of `text`, lower-cased: runs of letters, and runs of digits.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    bool letter = std::isalpha(u) != 0, digit = std::isdigit(u) != 0;
    if (!word.empty() && ((letter && std::isdigit(static_cast<unsigned char>(word.back()))) ||
                          (digit && std::isalpha(static_cast<unsigned char>(word.back())))))
      flush();
    if (letter || digit) word.push_back(static_cast<char>(std::tolower(u)));
    else flush();
  }
  flush();
  return out;
}

}  // namespace

int month_of(const std::string& w) {
  if (w.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (kMonths[i].substr(0, w.size()) == w || (w == "sept" && i == 8)) return static_cast<int>(i) + 1;
  return 0;
}

std::optional<IsoDate> parse_iso_date(std::string_view t) {
  auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= t.size() || !std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  if (t.size() != 4 && t.size() != 7 && t.size() != 10) return std::nullopt;
  IsoDate d;
  auto year = digits(0, 4);
  if (!year || *year < 1) return std::nullopt;
  d.year = *year;
  if (t.size() >= 7) {
    auto month = digits(5, 2);
    if (t[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
    d.month = *month;
  }
  if (t.size() == 10) {
    auto day = digits(8, 2);
    if (t[7] != '-' || !day || *day < 1 || *day > days_in_month(d.year, d.month)) return std::nullopt;
    d.day = *day;
  }
  return d;
}

// Howard Hinnant's days_from_civil.
long days_from_civil(const IsoDate& d) {
  long y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<std::string> printed_date_problem(std::string_view printed, const IsoDate& iso,
                                                const std::optional<IsoDate>& published) {
  int year = 0, month = 0, day = 0, weekday = -1;
  for (const auto& w : words(printed)) {
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      int n = w.size() <= 4 ? std::atoi(w.c_str()) : 0;
      if (w.size() == 4) year = n;
      else if (n >= 1 && n <= 31) day = n;
    } else if (int m = month_of(w)) {
      month = m;
    } else {
      for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (kWeekdays[i] == w || (w.size() >= 3 && kWeekdays[i].substr(0, w.size()) == w && w.size() == 3)) weekday = static_cast<int>(i);
    }
  }
  if (month == 0) day = 0;  // a number without a month is not a day of one
  if (year && year != iso.year) return fmt::format("the words give the year {}, 'iso' gives {}", year, iso.year);
  if (month && month != iso.month)
    return iso.month ? fmt::format("the words give month {}, 'iso' gives month {}", month, iso.month)
                     : std::string("the words give a month; give it in 'iso' too (YYYY-MM)");
  if (day && day != iso.day)
    return iso.day ? fmt::format("the words give day {}, 'iso' gives day {}", day, iso.day)
                   : std::string("the words give a day; give it in 'iso' too (YYYY-MM-DD)");
  if (!year && !month && weekday < 0)
    return std::string("the words give no date: quote the words that print it (\"4 July 2024\", \"on Thursday\")");
  if (weekday >= 0) {
    if (!iso.day) return std::string("the words give a weekday; 'iso' must give the day it falls on (YYYY-MM-DD)");
    // 1970-01-01 was a Thursday (index 3 from Monday).
    int actual = static_cast<int>(((days_from_civil(iso) % 7) + 7 + 3) % 7);
    if (actual != weekday)
      return fmt::format("{} is a {}, not a {}", fmt::format("{:04}-{:02}-{:02}", iso.year, iso.month, iso.day),
                         kWeekdays[static_cast<std::size_t>(actual)], kWeekdays[static_cast<std::size_t>(weekday)]);
  }
  if (year) return std::nullopt;
  // No year printed: the article's date says which one is meant.
  if (!published || !published->day)
    return std::string("the words give no year: give the article's date ([[date]] with role = \"published\", to the day) to read "
                       "them against, or rest this date on an annotation");
  if (!iso.day) return std::string("without a year in the words, 'iso' must give the day (YYYY-MM-DD)");
  long distance = std::labs(days_from_civil(iso) - days_from_civil(*published));
  long limit = weekday >= 0 && !month ? 7 : 366;
  if (distance > limit)
    return fmt::format("{} is {} days from the article's date {:04}-{:02}-{:02}; words without a year mean a date within {} days of it",
                       fmt::format("{:04}-{:02}-{:02}", iso.year, iso.month, iso.day), distance, published->year, published->month,
                       published->day, limit);
  return std::nullopt;
}

}  // namespace factdb::seed
