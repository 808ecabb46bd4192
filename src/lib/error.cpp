#include "factdb/error.h"

#include <fmt/format.h>

namespace factdb {

std::string to_string(const Location& where) {
  std::string text = where.file;
  if (where.line > 0) text += fmt::format(":{}", where.line);
  if (where.line > 0 && where.column > 0) text += fmt::format(":{}", where.column);
  return text;
}

std::string Diagnostic::to_string() const {
  auto prefix = factdb::to_string(where);
  return prefix.empty() ? message : prefix + ": " + message;
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}
}  // namespace

SeedError::SeedError(std::vector<Diagnostic> diagnostics)
    : Error(ExitCode::bad_data, join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace factdb
