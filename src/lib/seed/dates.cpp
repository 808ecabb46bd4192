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

namespace {

// Howard Hinnant's civil_from_days: the date `z` days after 1970-01-01.
IsoDate civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

// "yesterday", "last year", "next month", "this year": a date as far from the
// article's own as the words say, to the precision they give. nullopt: the
// words hold none of these.
std::optional<std::optional<std::string>> relative_date_problem(const std::vector<std::string>& ws, const IsoDate& iso,
                                                                const std::optional<IsoDate>& published) {
  enum class Unit { day, month, year };
  std::optional<std::pair<Unit, int>> said;  // the unit, and how many of them from the article's date
  for (std::size_t i = 0; i < ws.size() && !said; ++i) {
    if (ws[i] == "yesterday") said = {{Unit::day, -1}};
    else if (ws[i] == "today") said = {{Unit::day, 0}};
    else if (ws[i] == "tomorrow") said = {{Unit::day, 1}};
    else if (i + 1 < ws.size() && (ws[i + 1] == "year" || ws[i + 1] == "month")) {
      int offset = ws[i] == "last" ? -1 : ws[i] == "next" ? 1 : ws[i] == "this" ? 0 : 2;
      if (offset != 2) said = {{ws[i + 1] == "year" ? Unit::year : Unit::month, offset}};
    }
  }
  if (!said) return std::nullopt;
  auto [unit, offset] = *said;
  if (!published || (unit == Unit::day && !published->day) || (unit == Unit::month && !published->month))
    return std::string("the words give a date relative to the article's: give the article's date ([[date]] with role = "
                       "\"published\") to read them against, or rest this date on an annotation");
  IsoDate expected = *published;
  if (unit == Unit::year) {
    expected = {published->year + offset, 0, 0};
  } else if (unit == Unit::month) {
    int months = published->year * 12 + (published->month - 1) + offset;
    expected = {months / 12, months % 12 + 1, 0};
  } else {
    expected = civil_from_days(days_from_civil(*published) + offset);
  }
  auto text = [](const IsoDate& d) {
    return d.day ? fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day)
                 : d.month ? fmt::format("{:04}-{:02}", d.year, d.month) : fmt::format("{:04}", d.year);
  };
  if (iso.year != expected.year || iso.month != expected.month || iso.day != expected.day)
    return fmt::format("read against the article's date {}, the words give {}, not {}", text(*published), text(expected), text(iso));
  return std::optional<std::string>{};
}

}  // namespace

std::optional<std::string> printed_date_problem(std::string_view printed, const IsoDate& iso,
                                                const std::optional<IsoDate>& published) {
  auto ws = words(printed);
  int year = 0, month = 0, day = 0, weekday = -1;
  for (const auto& w : ws) {
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
  if (!year && !month && weekday < 0) {
    if (auto relative = relative_date_problem(ws, iso, published)) return *relative;
    return std::string("the words give no date: quote the words that print it (\"4 July 2024\", \"on Thursday\", \"last year\")");
  }
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
