#include "row_writer.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

namespace factdb::seed {

namespace {
constexpr std::size_t kBatch = 2048;    // operations handed over at once
constexpr std::size_t kMaxQueued = 16;  // batches waiting before the loader waits
}  // namespace

bool rejects_row(int code) { return (code & 0xff) == SQLITE_CONSTRAINT || code == SQLITE_MISMATCH || code == SQLITE_TOOBIG; }

RowWriter::RowWriter(SQLite::Database& db) : db_(db), thread_([this] { run(); }) { batch_.ops.reserve(kBatch); }

RowWriter::~RowWriter() {
  if (!thread_.joinable()) return;
  // Abandoned (the build failed): what is queued is dropped, not executed.
  {
    std::lock_guard lock(mutex_);
    queue_.clear();
    abandoned_ = closed_ = true;
    changed_.notify_all();
  }
  thread_.join();
}

void RowWriter::push(const std::string* sql, const std::vector<RowValue>& values, const RowOrigin& origin) {
  batch_.ops.push_back({sql, batch_.cells.size(), values.size(), origin});
  for (const auto& value : values) {
    Cell cell;
    if (auto* i = std::get_if<std::int64_t>(&value)) {
      cell.kind = Cell::integer;
      cell.number = *i;
    } else if (auto* s = std::get_if<std::string>(&value)) {
      cell.kind = Cell::text;
      cell.number = static_cast<std::int64_t>(batch_.arena.size());
      cell.size = s->size();
      batch_.arena += *s;
    }
    batch_.cells.push_back(cell);
  }
  if (batch_.ops.size() >= kBatch) flush();
}

void RowWriter::flush() {
  if (batch_.ops.empty()) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
  queue_.push_back(std::move(batch_));
  batch_ = {};
  batch_.ops.reserve(kBatch);
  changed_.notify_all();
}

std::vector<Diagnostic> RowWriter::finish() {
  flush();
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  thread_.join();
  if (!fatal_.empty()) throw Error(ExitCode::missing_file, fatal_);
  return std::move(failures_);
}

void RowWriter::run() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return closed_ || !queue_.empty(); });
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
    }
    // After a failure nothing more is written; an abandoned build writes nothing at all.
    if (failures_.empty() && fatal_.empty() && !abandoned()) write(batch);
  }
}

bool RowWriter::abandoned() {
  std::lock_guard lock(mutex_);
  return abandoned_;
}

void RowWriter::Finalize::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

void RowWriter::write(const Batch& batch) {
  sqlite3* db = db_.getHandle();
  auto check = [db](int rc) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
  };
  for (const auto& op : batch.ops) {
    try {
      auto& stmt = prepared_[op.sql];
      if (!stmt) {
        sqlite3_stmt* raw = nullptr;
        check(sqlite3_prepare_v3(db, op.sql->c_str(), static_cast<int>(op.sql->size() + 1), SQLITE_PREPARE_PERSISTENT,
                                 &raw, nullptr));
        stmt.reset(raw);
      }
      for (std::size_t i = 0; i < op.cells; ++i) {
        const auto& cell = batch.cells[op.first_cell + i];
        int index = static_cast<int>(i) + 1;
        if (cell.kind == Cell::integer)
          check(sqlite3_bind_int64(stmt.get(), index, cell.number));
        else if (cell.kind == Cell::text)  // the arena outlives this use of it: no copy
          check(sqlite3_bind_text64(stmt.get(), index, batch.arena.data() + cell.number, cell.size, SQLITE_STATIC, SQLITE_UTF8));
        else
          check(sqlite3_bind_null(stmt.get(), index));
      }
      int rc = sqlite3_step(stmt.get());
      if (rc != SQLITE_DONE) {
        SQLite::Exception error(db, rc);  // the message before the reset clears it
        sqlite3_reset(stmt.get());
        throw error;
      }
      sqlite3_reset(stmt.get());
    } catch (const SQLite::Exception& e) {
      // Only a row the schema rejects is a problem of the seed; a full disk
      // or an I/O error is the machine's, and says nothing about the data.
      if (!rejects_row(e.getErrorCode())) {
        fatal_ = fmt::format("writing the database failed: {}", e.what());
        return;
      }
      const auto& o = op.origin;
      failures_.push_back({{o.file ? *o.file : std::string(), o.line, o.column},
                           fmt::format("{} rejected by the schema: {}", o.context ? *o.context : std::string("a row"), e.what())});
      return;
    }
  }
}

}  // namespace factdb::seed
