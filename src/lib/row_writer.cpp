#include "row_writer.h"

#include <fmt/format.h>

namespace factdb::seed {

namespace {
constexpr std::size_t kBatch = 2048;    // operations handed over at once
constexpr std::size_t kMaxQueued = 16;  // batches waiting before the loader waits
}  // namespace

RowWriter::RowWriter(SQLite::Database& db) : db_(db), thread_([this] { run(); }) { batch_.reserve(kBatch); }

RowWriter::~RowWriter() {
  if (thread_.joinable()) finish();
}

void RowWriter::push(RowOp op) {
  batch_.push_back(std::move(op));
  if (batch_.size() >= kBatch) flush();
}

void RowWriter::flush() {
  if (batch_.empty()) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
  queue_.push_back(std::move(batch_));
  batch_ = {};
  batch_.reserve(kBatch);
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
  return std::move(failures_);
}

void RowWriter::run() {
  for (;;) {
    std::vector<RowOp> batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return closed_ || !queue_.empty(); });
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
    }
    if (!failures_.empty()) continue;  // drain: nothing more is written after a failure
    for (auto& op : batch) {
      try {
        auto& stmt = prepared_[op.sql];
        if (!stmt) stmt = std::make_unique<SQLite::Statement>(db_, *op.sql);
        int index = 1;
        for (auto& value : op.values) {
          if (auto* i = std::get_if<std::int64_t>(&value)) stmt->bind(index, *i);
          else if (auto* s = std::get_if<std::string>(&value)) stmt->bindNoCopy(index, *s);
          else stmt->bind(index);
          ++index;
        }
        stmt->exec();
        stmt->reset();
      } catch (const std::exception& e) {
        failures_.push_back({{op.file ? *op.file : std::string(), op.line, op.column},
                             fmt::format("{} rejected by the schema: {}", op.context, e.what())});
        break;
      }
    }
  }
}

}  // namespace factdb::seed
