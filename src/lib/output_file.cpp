#include "factdb/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <random>

#include "factdb/error.h"

namespace fs = std::filesystem;

namespace factdb {

namespace {

fs::path folder_of(const fs::path& target) { return target.parent_path().empty() ? fs::path(".") : target.parent_path(); }

void sync(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A writer killed before it could clean up (SIGKILL, power loss) leaves its
// temporary file: the next writer of the same target removes those whose
// process is gone (SQLite's own -journal or -wal files beside them too).
void remove_stale(const fs::path& target) {
  auto prefix = fmt::format(".{}.tmp-", target.filename().string());
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_of(target), ec)) {
    auto name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    auto pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;  // still writing
    fs::remove(entry.path(), ec);
  }
}

}  // namespace

void check_output_path(const fs::path& target) {
  std::error_code ec;
  if (!fs::is_directory(folder_of(target), ec))
    throw Error(ExitCode::missing_file,
                fmt::format("{}: the folder {} does not exist", target.string(), folder_of(target).string()));
  if (fs::is_directory(target, ec))
    throw Error(ExitCode::usage, fmt::format("{}: is a folder; give the path of the file to write", target.string()));
}

TemporaryFile::TemporaryFile(const fs::path& target) : target_(target) {
  remove_stale(target);
  std::random_device seed;
  path_ = folder_of(target) / fmt::format(".{}.tmp-{}-{:08x}", target.filename().string(), ::getpid(), seed());
}

TemporaryFile::~TemporaryFile() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove(path_, ignored);
}

void TemporaryFile::commit() {
  sync(path_, O_RDONLY);
  fs::rename(path_, target_);
  path_.clear();
  sync(folder_of(target_), O_RDONLY | O_DIRECTORY);
}

OutputFolder::OutputFolder(const fs::path& target, std::string marker) : target_(target), marker_(std::move(marker)) {
  auto folder = folder_of(target);
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw Error(ExitCode::missing_file, fmt::format("{}: the folder {} does not exist", target.string(), folder.string()));
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec))
      throw Error(ExitCode::usage, fmt::format("{}: is a file; give a folder to write into", target.string()));
    if (!fs::is_empty(target, ec) && !fs::exists(target / marker_, ec))
      throw Error(ExitCode::usage, fmt::format("{}: is a folder that holds other files; give a new or empty folder, "
                                               "or one an earlier export wrote (it has {})",
                                               target.string(), marker_));
  }
  remove_stale(target);
  std::random_device seed;
  temp_ = folder / fmt::format(".{}.tmp-{}-{:08x}", target.filename().string(), ::getpid(), seed());
  fs::create_directory(temp_);
}

OutputFolder::~OutputFolder() {
  if (temp_.empty()) return;
  std::error_code ignored;
  fs::remove_all(temp_, ignored);
}

void OutputFolder::commit() {
  std::error_code ec;
  if (!fs::exists(temp_ / marker_, ec))
    throw Error(ExitCode::internal, fmt::format("{}: incomplete, {} was not written", target_.string(), marker_));
  try {
    if (fs::exists(target_)) {
      // The old folder leaves under a temporary name, removed like any stale one if this process dies now.
      auto old = folder_of(target_) / fmt::format(".{}.tmp-{}-old", target_.filename().string(), ::getpid());
      fs::rename(target_, old);
      fs::rename(temp_, target_);
      fs::remove_all(old, ec);
    } else {
      fs::rename(temp_, target_);
    }
  } catch (const fs::filesystem_error& e) {
    throw Error(ExitCode::missing_file, fmt::format("cannot write {}: {}", target_.string(), e.code().message()));
  }
  temp_.clear();
  sync(folder_of(target_), O_RDONLY | O_DIRECTORY);
}

OutputFile::OutputFile(const fs::path& target) : target_(target) {
  if (target == "-") return;
  check_output_path(target);
  temp_ = std::make_unique<TemporaryFile>(target);
  file_.open(temp_->path(), std::ios::binary | std::ios::trunc);
  if (!file_) throw Error(ExitCode::missing_file, fmt::format("cannot write {}", target.string()));
}

OutputFile::~OutputFile() = default;

std::ostream& OutputFile::stream() { return temp_ ? static_cast<std::ostream&>(file_) : std::cout; }

void OutputFile::commit() {
  if (!temp_) {
    std::cout.flush();
    return;
  }
  file_.close();
  if (file_.fail()) throw Error(ExitCode::missing_file, fmt::format("writing {} failed", target_.string()));
  try {
    temp_->commit();
  } catch (const fs::filesystem_error& e) {
    throw Error(ExitCode::missing_file, fmt::format("cannot write {}: {}", target_.string(), e.code().message()));
  }
}

}  // namespace factdb
