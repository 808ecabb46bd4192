#include "limits.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <thread>

#include "factdb/output_file.h"

namespace factdb::cli {

namespace {

const auto kStart = std::chrono::steady_clock::now();

// How long after the deadline the watchdog waits for SQLite to stop on its
// own (a statement is checked every thousand steps) before it ends the process.
constexpr auto kGrace = std::chrono::milliseconds(150);

// What the data segment may hold beyond the memory limit: factdb's own
// tables, the parsed command line, thread stacks and the output buffer.
constexpr std::uint64_t kHeadroomBytes = 64ull << 20;

// Sanitizers reserve terabytes of shadow memory, which no data limit allows.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

bool applied = false;
int memory_limit_mb = 0;

// Something stuck inside one SQLite call (a printf of a huge width, a scan
// of a long string) never reaches the progress handler: end the process,
// as a time limit does, leaving no half-written file.
[[noreturn]] void watchdog(std::chrono::steady_clock::time_point deadline, int timeout_ms) {
  std::this_thread::sleep_until(deadline + kGrace);
  remove_uncommitted_files();
  std::string message = "factdb: stopped after the time limit of " + std::to_string(timeout_ms) + " ms (--timeout-ms)\n";
  [[maybe_unused]] auto written = ::write(STDERR_FILENO, message.data(), message.size());
  ::_exit(static_cast<int>(ExitCode::time_limit));
}

}  // namespace

std::chrono::steady_clock::time_point command_start() { return kStart; }

int applied_memory_limit_mb() { return memory_limit_mb; }

Limits database_limits(int timeout_ms) {
  Limits limits;
  limits.timeout_ms = timeout_ms;
  if (timeout_ms > 0) limits.deadline = kStart + std::chrono::milliseconds(timeout_ms);
  return limits;
}

void apply_limits(int timeout_ms, int max_memory_mb) {
  if (applied) return;
  applied = true;
  if (timeout_ms > 0) std::thread(watchdog, kStart + std::chrono::milliseconds(timeout_ms), timeout_ms).detach();
  if (max_memory_mb > 0) {
    memory_limit_mb = max_memory_mb;
    auto bytes = static_cast<std::uint64_t>(max_memory_mb) << 20;
    sqlite3_hard_heap_limit64(static_cast<sqlite3_int64>(bytes));
    if (!kSanitized) {
      rlimit data{};
      if (::getrlimit(RLIMIT_DATA, &data) == 0) {
        auto wanted = static_cast<rlim_t>(bytes + kHeadroomBytes);
        if (data.rlim_max == RLIM_INFINITY || wanted < data.rlim_max) data.rlim_cur = wanted;
        ::setrlimit(RLIMIT_DATA, &data);
      }
    }
  }
}

}  // namespace factdb::cli
