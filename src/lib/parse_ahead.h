// The first stage of a build: reads and parses the articles' TOML files on a
// thread of its own, a few files ahead of the loader. Parsing is about a third
// of a build's work; this way the loader validates one article while the next
// is parsed, and the writer inserts the one before.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <toml++/toml.h>
#include <vector>

#include "factdb/error.h"

namespace factdb::seed {

struct ParsedFile {
  bool exists = false;
  std::optional<toml::table> doc;   // set unless the file is missing or has a syntax error
  std::optional<Diagnostic> error;  // the syntax error, with file, line and column
  std::string unreadable;           // why the file exists but cannot be read: not the data's fault
};

// Why the file `name` (relative, as a seed writes it) is not a file inside
// `folder`, or nothing when it is: an absolute path, a '..', or a symbolic
// link leading out. A seed may come from anyone, and must not put
// /etc/passwd or ~/.ssh into a database or its messages.
std::optional<std::string> outside_folder(const std::filesystem::path& folder, const std::string& name);

// Parses `path` on the calling thread.
ParsedFile parse_toml_file(const std::filesystem::path& path);

class ParseAhead {
 public:
  // Starts parsing `paths` in order, holding at most `depth` parsed files
  // that the loader has not taken yet, so memory stays bounded. Strings, not
  // std::filesystem::path: a path keeps each of its components besides the
  // whole, several times the memory for a hundred thousand articles.
  ParseAhead(std::vector<std::string> paths, std::size_t depth);
  // Stops the thread, whether or not every file was taken; never throws.
  ~ParseAhead();
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;

  // The next file in the order given; blocks until it is parsed. Must be
  // called at most once per path.
  ParsedFile next();

 private:
  void run();

  const std::vector<std::string> paths_;
  const std::size_t depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ParsedFile> ready_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace factdb::seed
