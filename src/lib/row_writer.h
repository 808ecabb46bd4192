// The writing half of a build: a thread that executes, in order, the inserts
// the loader queues, so that parsing and validating the next article (one
// core) overlaps with inserting the last one (the other).
#pragma once

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

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

// Where in the seed the rows being queued come from, for an error message:
// file and context ("[[membership]]", "section 'body'", ...) are interned by
// the caller and must stay valid until finish().
struct RowOrigin {
  const std::string* file = nullptr;
  int line = 0;
  int column = 0;
  const std::string* context = nullptr;
};

// Whether SQLite's error `code` says it refused a row (a constraint, a type,
// a size): the data's problem. Anything else (a full disk, an I/O error) is
// the machine's.
bool rejects_row(int code);

class RowWriter {
 public:
  // Starts the writing thread on `db`, which only it uses until finish().
  explicit RowWriter(SQLite::Database& db);
  // When finish() was not called (the build failed), drops what is queued
  // without executing it, and stops the thread; never throws.
  ~RowWriter();
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  // Queues one statement: its SQL (interned by the caller: the pointer must
  // stay valid until finish()) and its parameters, copied. Blocks while the
  // writer is far behind, so memory stays bounded.
  void push(const std::string* sql, const std::vector<RowValue>& values, const RowOrigin& origin);

  // Runs what is queued, stops the thread and returns the problem that made
  // SQLite reject a row, if one did: the writer stops at the first, as any
  // later failure could follow from it. Throws Error(missing_file) when
  // writing failed for a reason other than the data (disk full, I/O error).
  std::vector<Diagnostic> finish();

 private:
  // A parameter as queued: text lives in its batch's arena, so a batch of
  // thousands of rows is a few allocations, made and freed whole.
  struct Cell {
    enum Kind : std::uint8_t { null, integer, text } kind = null;
    std::int64_t number = 0;  // the integer, or the text's offset in the arena
    std::size_t size = 0;     // the text's length
  };
  struct Op {
    const std::string* sql;
    std::size_t first_cell;
    std::size_t cells;
    RowOrigin origin;
  };
  struct Batch {
    std::vector<Op> ops;
    std::vector<Cell> cells;
    std::string arena;
  };

  void flush();
  void run();
  bool abandoned();
  void write(const Batch& batch);

  SQLite::Database& db_;
  Batch batch_;  // filled by the loader, handed over whole
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  bool closed_ = false;
  bool abandoned_ = false;
  std::vector<Diagnostic> failures_;  // written by the thread, read after join
  std::string fatal_;                 // the same: a failure that is not the data's
  // SQLite's own statements, not SQLite::Statement: SQLiteCpp cannot bind a
  // text by pointer and length without copying it, which the arena is for.
  struct Finalize {
    void operator()(sqlite3_stmt* stmt) const;
  };
  std::unordered_map<const std::string*, std::unique_ptr<sqlite3_stmt, Finalize>> prepared_;  // thread only
  std::thread thread_;
};

}  // namespace factdb::seed
