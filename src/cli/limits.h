// One budget of time and memory for a whole command, whatever it runs.
#pragma once

#include <chrono>
#include <cstdint>

#include "factdb/database.h"

namespace factdb::cli {

// The moment main started: a command's time limit counts from here.
std::chrono::steady_clock::time_point command_start();

// Puts the command under `timeout_ms` (0: none) and `max_memory_mb` (0: none),
// once; later calls do nothing. Time: every SQLite statement is stopped at the
// deadline (exit 6), and a watchdog ends the process a moment after it when
// something is stuck inside one call, removing the files it was writing.
// Memory: SQLite's hard heap limit, and the process's data segment
// (RLIMIT_DATA) with room for factdb's own code and stacks, so output that
// grows without SQLite is bounded too (exit 7).
void apply_limits(int timeout_ms, int max_memory_mb);

// The memory limit apply_limits set, in MB; 0 when none was.
int applied_memory_limit_mb();

// The limits for a Database opened under the command's budget.
Limits database_limits(int timeout_ms);

}  // namespace factdb::cli
