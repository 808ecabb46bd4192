// What a terminal gets that a pipe does not: colour and a progress bar.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace factdb::cli {

// True when `fd` is a terminal, TERM is not "dumb" and NO_COLOR is unset or
// empty (https://no-color.org).
bool colour_on(int fd);

// `text` in bold (or red, ...) when `on`; as it is otherwise.
std::string bold(const std::string& text, bool on);
std::string red(const std::string& text, bool on);

// A one-line progress display on standard error for a build: the articles
// read so far, then each later phase. Shown when stderr is a terminal and the
// build has run for more than a moment, or from the start when forced
// (--progress). Redraws at most ten times a second; finish() clears it.
class ProgressBar {
 public:
  explicit ProgressBar(bool forced);
  ~ProgressBar();
  void articles(std::size_t done, std::size_t total);
  void phase(const std::string& name);
  void finish();

 private:
  void draw(const std::string& line, bool always);

  bool forced_;
  bool terminal_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace factdb::cli
