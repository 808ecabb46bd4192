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

}  // namespace factdb
