// The loader's reading of numbers as news prints them, tested directly: a
// build only shows whether one printed count matched.
#include <catch2/catch.hpp>

#include "seed/numbers.h"

using factdb::seed::numbers_in;
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
