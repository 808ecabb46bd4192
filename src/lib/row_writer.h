// The writing half of a build: a thread that executes, in order, the inserts
// the loader queues, so that parsing and validating the next article (one
// core) overlaps with inserting the last one (the other).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include "factdb/error.h"

namespace factdb::seed {

using RowValue = std::variant<std::monostate, std::int64_t, std::string>;

// One statement to run: its SQL (interned by the caller: the pointer must stay
// valid until finish()), its parameters, and where in the seed it comes from.
struct RowOp {
  const std::string* sql = nullptr;
  std::vector<RowValue> values;
  std::shared_ptr<const std::string> file;
  int line = 0;
  int column = 0;
  std::string context;  // "[[membership]]", "section 'body'", ...: how an error names the entry
};

class RowWriter {
 public:
  // Starts the writing thread on `db`, which only it uses until finish().
  explicit RowWriter(SQLite::Database& db);
  // Finishes if finish() was not called; never throws.
  ~RowWriter();
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  // Queues an operation; blocks while the writer is far behind, so memory
  // stays bounded.
  void push(RowOp op);

  // Runs what is queued, stops the thread and returns the problem that made
  // SQLite reject a row, if one did: the writer stops at the first, as any
  // later failure could follow from it.
  std::vector<Diagnostic> finish();

 private:
  void flush();
  void run();

  SQLite::Database& db_;
  std::vector<RowOp> batch_;  // filled by the loader, handed over whole
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<RowOp>> queue_;
  bool closed_ = false;
  std::vector<Diagnostic> failures_;  // written by the thread, read after join
  std::unordered_map<const std::string*, std::unique_ptr<SQLite::Statement>> prepared_;  // thread only
  std::thread thread_;
};

}  // namespace factdb::seed
