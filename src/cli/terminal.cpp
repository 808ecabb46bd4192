#include "terminal.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "factdb/format.h"

namespace factdb::cli {

namespace {
constexpr auto kQuietFor = std::chrono::milliseconds(500);  // a build shorter than this shows nothing
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr std::size_t kBarWidth = 30;
}  // namespace

bool colour_on(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return ::isatty(fd) == 1;
}

std::string bold(const std::string& text, bool on) { return sgr(text, "1", on); }
std::string red(const std::string& text, bool on) { return sgr(text, "1;31", on); }

ProgressBar::ProgressBar(bool forced)
    : forced_(forced), terminal_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::articles(std::size_t done, std::size_t total) {
  auto filled = total ? kBarWidth * done / total : kBarWidth;
  std::string bar;
  for (std::size_t i = 0; i < kBarWidth; ++i) bar += i < filled ? "\u2588" : "\u2591";
  draw(fmt::format("articles {}/{} {} {:3}%", done, total, bar, total ? 100 * done / total : 100), done == total);
}

void ProgressBar::phase(const std::string& name) { draw(name + "\u2026", true); }

void ProgressBar::draw(const std::string& line, bool always) {
  if (!forced_ && !terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (!forced_ && now - start_ < kQuietFor) return;
  if (!always && shown_ && now - last_ < kRedrawEvery) return;
  last_ = now;
  shown_ = true;
  // On a terminal the line is redrawn in place; elsewhere each state is a line of its own.
  if (terminal_) std::cerr << "\r\x1b[K" << line << std::flush;
  else std::cerr << line << '\n';
}

void ProgressBar::finish() {
  if (shown_ && terminal_) std::cerr << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace factdb::cli
