#include "parse_ahead.h"

#include "factdb/text.h"
#include "paths.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

namespace factdb::seed {

namespace {

// toml++ recurses once per level of a dotted key (a.b.c...), a table header
// or an inline table or array: 50,000 levels overflow the stack before it
// can say anything. So the nesting is measured first, by a scan that knows
// only where strings and comments are.
constexpr int kMaxNesting = 64;

using text::LineColumn;

std::optional<LineColumn> too_deep(std::string_view text) {
  LineColumn here;
  int brackets = 0, dots = 0;
  auto advance = [&](std::size_t& i) {
    if (text[i] == '\n') {
      ++here.line;
      here.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++here.column;
    }
    ++i;
  };
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '#') {  // a comment, to the end of the line
      while (i < text.size() && text[i] != '\n') advance(i);
      continue;
    }
    if (c == '"' || c == '\'') {  // a string: basic or literal, on one line or many
      bool multi = text.compare(i, 3, std::string(3, c)) == 0;
      std::size_t quotes = multi ? 3 : 1;
      for (std::size_t k = 0; k < quotes; ++k) advance(i);
      while (i < text.size()) {
        if (c == '"' && text[i] == '\\' && i + 1 < text.size()) {
          advance(i);
          advance(i);
        } else if (text.compare(i, quotes, std::string(quotes, c)) == 0) {
          for (std::size_t k = 0; k < quotes; ++k) advance(i);
          break;
        } else if (!multi && text[i] == '\n') {
          break;  // an unclosed string: the parser says so
        } else {
          advance(i);
        }
      }
      continue;
    }
    if (c == '[' || c == '{') ++brackets;
    if (c == ']' || c == '}') brackets = std::max(0, brackets - 1);
    if (c == '.') ++dots;
    if (c == '=' || c == '\n' || c == ',' || c == '{' || c == ']') dots = 0;
    if (brackets > kMaxNesting || dots > kMaxNesting) return here;
    advance(i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> outside_folder(const std::filesystem::path& folder, const std::string& name) {
  std::filesystem::path relative(name);
  if (name.empty()) return "is empty";
  if (relative.is_absolute()) return std::string("is an absolute path");
  for (const auto& part : relative)
    if (part == "..") return std::string("climbs out with '..'");
  std::error_code ec;
  if (!std::filesystem::exists(folder, ec)) return std::nullopt;  // the folder itself is gone: reported as a missing file
  if (!path_within(folder, folder / relative)) return std::string("leads out of its folder through a symbolic link");
  return std::nullopt;
}

ParsedFile parse_toml_file(const std::filesystem::path& path) {
  ParsedFile parsed;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  parsed.exists = std::filesystem::exists(status);
  if (!parsed.exists) return parsed;
  // A symbolic link that leads out would show another file's lines in the diagnostics.
  if (auto problem = outside_folder(path.parent_path(), path.filename().string())) {
    parsed.error = Diagnostic{{path.string()}, *problem + "; it must be a file inside its own folder"};
    return parsed;
  }
  // Checked before opening: a FIFO would block the build until someone writes to it.
  if (!std::filesystem::is_regular_file(status)) {
    parsed.error = Diagnostic{{path.string()}, std::filesystem::is_directory(status)
                                                   ? "is a folder; expected a TOML file"
                                                   : "is not a regular file (a FIFO, socket or device); expected a TOML file"};
    return parsed;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text;
  if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    parsed.unreadable = fmt::format("{}: cannot be read: {}", path.string(), std::strerror(errno));
    return parsed;
  }
  if (auto deep = too_deep(text)) {
    parsed.error = Diagnostic{{path.string(), deep->line, deep->column},
                              fmt::format("keys, tables or arrays nested more than {} levels deep", kMaxNesting)};
    return parsed;
  }
  try {
    parsed.doc = toml::parse(text, path.string());
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    parsed.error = Diagnostic{{path.string(), static_cast<int>(begin.line), static_cast<int>(begin.column)},
                              fmt::format("TOML syntax error: {}", e.description())};
  }
  return parsed;
}

ParseAhead::ParseAhead(std::vector<std::string> paths, std::size_t depth)
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
      parsed.error = Diagnostic{{path}, fmt::format("cannot read: {}", e.what())};
    }
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopping_ || ready_.size() < depth_; });
    if (stopping_) return;
    ready_.push_back(std::move(parsed));
    changed_.notify_all();
  }
}

}  // namespace factdb::seed
