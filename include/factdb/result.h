// Rows returned by a query, as SQLite typed them.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace factdb {

struct Blob {
  std::vector<unsigned char> bytes;
  friend bool operator==(const Blob& a, const Blob& b) { return a.bytes == b.bytes; }
  friend bool operator!=(const Blob& a, const Blob& b) { return !(a == b); }
};

// One cell: NULL, INTEGER, REAL, TEXT or BLOB.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;

struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;  // each as long as `columns`
};

// Takes a query's rows as SQLite yields them, so that an answer of any size
// can be written out without being held in memory: begin() once with the
// column names, row() for each row (as long as the columns), end() once after
// the last. An exception thrown by a sink stops the query and propagates.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin(const std::vector<std::string>& columns) = 0;
  virtual void row(const std::vector<Value>& row) = 0;
  virtual void end() {}
};

// A RowSink that keeps every row: the ResultSet of a query.
class CollectingSink : public RowSink {
 public:
  void begin(const std::vector<std::string>& columns) override { result.columns = columns; }
  void row(const std::vector<Value>& row) override { result.rows.push_back(row); }
  ResultSet result;
};

}  // namespace factdb
