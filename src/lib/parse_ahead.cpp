#include "parse_ahead.h"

#include <fmt/format.h>

namespace factdb::seed {

ParsedFile parse_toml_file(const std::filesystem::path& path) {
  ParsedFile parsed;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  parsed.exists = std::filesystem::exists(status);
  if (!parsed.exists) return parsed;
  // Checked before opening: a FIFO would block the build until someone writes to it.
  if (!std::filesystem::is_regular_file(status)) {
    parsed.error = Diagnostic{{path.string()}, std::filesystem::is_directory(status)
                                                   ? "is a folder; expected a TOML file"
                                                   : "is not a regular file (a FIFO, socket or device); expected a TOML file"};
    return parsed;
  }
  try {
    parsed.doc = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    parsed.error = Diagnostic{{path.string(), static_cast<int>(begin.line), static_cast<int>(begin.column)},
                              fmt::format("TOML syntax error: {}", e.description())};
  }
  return parsed;
}

ParseAhead::ParseAhead(std::vector<std::filesystem::path> paths, std::size_t depth)
    : paths_(std::move(paths)), depth_(depth == 0 ? 1 : depth), thread_([this] { run(); }) {}

ParseAhead::~ParseAhead() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
  }
  thread_.join();
}

ParsedFile ParseAhead::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !ready_.empty(); });
  ParsedFile parsed = std::move(ready_.front());
  ready_.pop_front();
  changed_.notify_all();
  return parsed;
}

void ParseAhead::run() {
  for (const auto& path : paths_) {
    ParsedFile parsed;
    try {
      parsed = parse_toml_file(path);
    } catch (const std::exception& e) {  // out of memory, unreadable file: the loader reports it
      parsed.exists = true;
      parsed.error = Diagnostic{{path.string()}, fmt::format("cannot read: {}", e.what())};
    }
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopping_ || ready_.size() < depth_; });
    if (stopping_) return;
    ready_.push_back(std::move(parsed));
    changed_.notify_all();
  }
}

}  // namespace factdb::seed
