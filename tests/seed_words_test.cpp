// The loader's reading of numbers and dates as news prints them, tested
// directly: a build only shows whether one printed value matched.
#include <catch2/catch.hpp>

#include "seed/dates.h"
#include "seed/numbers.h"

using factdb::seed::IsoDate;
using factdb::seed::numbers_in;
using factdb::seed::printed_date_problem;
using Numbers = std::vector<long>;

TEST_CASE("numbers: digits, words, ordinals and compounds as news prints them", "[numbers]") {
  CHECK(numbers_in("nine members") == Numbers{9});
  CHECK(numbers_in("became the tenth member") == Numbers{10});
  CHECK(numbers_in("10 members") == Numbers{10});
  CHECK(numbers_in("its 10th member") == Numbers{10});
  CHECK(numbers_in("twenty-five countries") == Numbers{25});
  CHECK(numbers_in("Twenty Five") == Numbers{25});
  CHECK(numbers_in("one hundred and two delegations") == Numbers{102});
  CHECK(numbers_in("1,200 delegates") == Numbers{1200});
  CHECK(numbers_in("a dozen states") == Numbers{12});
  CHECK(numbers_in("from nine to ten members") == Numbers{9, 10});
  CHECK(numbers_in("members, 9, in all") == Numbers{9});
  CHECK(numbers_in("several members").empty());
  CHECK(numbers_in("").empty());
}

TEST_CASE("dates: words relative to the article's date give the date they mean, to their precision", "[dates]") {
  auto problem = [](const char* printed, IsoDate iso, IsoDate published) {
    return printed_date_problem(printed, iso, published).value_or("");
  };
  CHECK(problem("last year", {2024, 0, 0}, {2025, 3, 14}).empty());
  CHECK(problem("next year", {2026, 0, 0}, {2025, 3, 14}).empty());
  CHECK(problem("this year", {2025, 0, 0}, {2025, 3, 14}).empty());
  CHECK(problem("last month", {2024, 12, 0}, {2025, 1, 9}).empty());
  CHECK(problem("next month", {2025, 1, 0}, {2024, 12, 9}).empty());
  CHECK(problem("yesterday", {2025, 2, 28}, {2025, 3, 1}).empty());
  CHECK(problem("tomorrow", {2025, 1, 1}, {2024, 12, 31}).empty());
  CHECK(problem("today", {2024, 2, 29}, {2024, 2, 29}).empty());
  CHECK(problem("last year", {2023, 0, 0}, {2025, 3, 14}) ==
        "read against the article's date 2025-03-14, the words give 2024, not 2023");
  CHECK(problem("last year", {2024, 6, 1}, {2025, 3, 14}) ==
        "read against the article's date 2025-03-14, the words give 2024, not 2024-06-01");
  CHECK(printed_date_problem("last year", {2024, 0, 0}, std::nullopt).value_or("").find("give the article's date") !=
        std::string::npos);
  CHECK(problem("some time ago", {2024, 0, 0}, {2025, 3, 14}).find("the words give no date") == 0);
}
