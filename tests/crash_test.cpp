// Failures during a build: killed at any moment, or read while it is rebuilt,
// the database is the old one or the new one, whole, never a mix.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "helpers.h"

using namespace factdb::testing;

namespace {

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

TEST_CASE("a build killed with SIGKILL at 24 points leaves the old file or the new one, whole", "[crash]") {
  TempDir dir;
  generate_corpus(dir / "corpus", 100);
  // The new database, as a build that is not interrupted writes it (builds are reproducible).
  auto started = std::chrono::steady_clock::now();
  REQUIRE(run_factdb({"build", "--seed", "corpus", "-o", "complete.db", "-q"}, dir.path()).exit_code == 0);
  auto build_ms = std::max<long long>(elapsed_ms(started), 50);
  auto complete = read_file(dir / "complete.db");
  REQUIRE(run_factdb({"build", "--seed", real_seed().string(), "-o", "facts.db", "-q"}, dir.path()).exit_code == 0);
  auto old = read_file(dir / "facts.db");

  int saw_old = 0, saw_new = 0;
  for (int i = 0; i < 24; ++i) {
    // 20 points spread over the build, then 4 well past its end (a build's
    // time varies on a shared machine): both outcomes get exercised.
    auto delay = i < 20 ? build_ms * (i + 1) / 21 : build_ms * (i - 17);
    auto pid = spawn({FACTDB_BINARY, "build", "--seed", "corpus", "-o", "facts.db", "-q"}, dir.path());
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    ::kill(pid, SIGKILL);
    wait_for(pid);
    auto now = read_file(dir / "facts.db");
    INFO("kill " << i << " after " << delay << " ms");
    REQUIRE((now == old || now == complete));
    if (now == complete) {
      ++saw_new;
      write_file(dir / "facts.db", old);  // start the next round from the old file again
    } else {
      ++saw_old;
    }
  }
  CHECK(saw_old > 0);
  CHECK(saw_new > 0);
  // The next build cleans up what the killed ones left behind.
  REQUIRE(run_factdb({"build", "--seed", real_seed().string(), "-o", "facts.db", "-q"}, dir.path()).exit_code == 0);
  CHECK(temporary_files(dir.path()).empty());
  CHECK(run_factdb({"check", "--db", "facts.db"}, dir.path()).exit_code == 0);
}

TEST_CASE("readers querying while the database is rebuilt see the old one or the new one, never an error", "[crash]") {
  TempDir dir;
  // Two seeds with different answers to stand-ins.
  auto two = copy_real_seed(dir.path());
  fs::copy(second_article(), two / "steppe-dialogue-test", fs::copy_options::recursive);
  auto answer = [&](const fs::path& seed, const std::string& name) {
    REQUIRE(run_factdb({"build", "--seed", seed.string(), "-o", name, "-q"}, dir.path()).exit_code == 0);
    auto r = run_factdb({"query", "stand-ins", "--db", name, "-f", "json"}, dir.path());
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  auto one_article = answer(real_seed(), "facts.db");
  auto two_articles = answer(two, "other.db");
  REQUIRE(one_article != two_articles);

  // A writer rebuilds facts.db 40 times, alternating seeds, while readers query it.
  auto writer = spawn({"sh", "-c",
                       "for i in $(seq 20); do " FACTDB_BINARY " build -q --seed '" + real_seed().string() + "' -o facts.db && " +
                           FACTDB_BINARY " build -q --seed seed -o facts.db || exit 1; done"},
                      dir.path());
  int reads = 0, failures = 0, mixed = 0;
  auto started = std::chrono::steady_clock::now();
  while (reads < 60 && elapsed_ms(started) < 60000) {
    auto r = run_factdb({"query", "stand-ins", "--db", "facts.db", "-f", "json"}, dir.path());
    ++reads;
    if (r.exit_code != 0) {
      ++failures;
      UNSCOPED_INFO("reader failed: " << r.err);
    } else if (r.out != one_article && r.out != two_articles) {
      ++mixed;
    }
  }
  CHECK(wait_for(writer) == 0);
  CHECK(failures == 0);
  CHECK(mixed == 0);
  CHECK(reads >= 20);
}
