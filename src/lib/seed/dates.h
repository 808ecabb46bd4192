// Dates as a seed gives them: ISO 8601 to the precision the text allows
// ("2024", "2024-07", "2024-07-04"), and the words an article prints for one
// ("4 July 2024", "on Thursday"), which must agree with it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace factdb::seed {

struct IsoDate {
  int year = 0;
  int month = 0;  // 0: not known
  int day = 0;    // 0: not known
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date), or nothing.
std::optional<IsoDate> parse_iso_date(std::string_view text);

// Month number of a lower-case word ("jul", "july", "sept"), or 0.
int month_of(const std::string& lower_word);

// Days since 1970-01-01 of a date known to the day (proleptic Gregorian).
long days_from_civil(const IsoDate& d);

// Why the printed words cannot mean `iso`, or nothing when they can. Words
// without a year are read against `published`, the article's date: a weekday
// ("Thursday") must fall within a week of it, a day and month within a year.
// Without `published`, such words are a problem: the text alone does not say
// which year they mean.
std::optional<std::string> printed_date_problem(std::string_view printed, const IsoDate& iso,
                                                const std::optional<IsoDate>& published);

}  // namespace factdb::seed
