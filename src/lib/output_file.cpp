#include "factdb/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <random>
#include <set>

#include "factdb/error.h"
#include "paths.h"

namespace fs = std::filesystem;

namespace factdb {

namespace {

fs::path folder_of(const fs::path& target) { return target.parent_path().empty() ? fs::path(".") : target.parent_path(); }

// The temporary files and folders not yet committed, for remove_uncommitted_files.
struct Uncommitted {
  std::mutex mutex;
  std::set<std::string> files, folders;
};
Uncommitted& uncommitted() {
  static Uncommitted* registry = new Uncommitted;  // never destroyed: a watchdog may use it while main returns
  return *registry;
}
void track(std::set<std::string> Uncommitted::*which, const fs::path& p, bool add) {
  auto& u = uncommitted();
  std::lock_guard lock(u.mutex);
  if (add) (u.*which).insert(p.string());
  else (u.*which).erase(p.string());
}

// Flushes a file or folder to disk. Throws Error(missing_file) when the disk
// reports that it could not: a file renamed into place must be on it.
void sync(const fs::path& p, int flags, const fs::path& reported) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw Error(ExitCode::missing_file, fmt::format("cannot write {}: {}", reported.string(), std::strerror(errno)));
  int rc = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (rc != 0 && error != EINVAL && error != EROFS)  // EINVAL: a file system without fsync
    throw Error(ExitCode::missing_file, fmt::format("cannot write {}: flushing it to disk failed: {}", reported.string(), std::strerror(error)));
}

// Where a file written to `target` really goes: through a symbolic link to
// the file it names, so the link stays a link.
fs::path resolved(const fs::path& target) {
  std::error_code ec;
  if (!fs::is_symlink(target, ec)) return target;
  auto real = fs::weakly_canonical(target, ec);
  return ec ? target : real;
}

Error write_error(const fs::path& target, const std::error_code& code, const char* what) {
  return Error(ExitCode::missing_file, fmt::format("cannot write {}: {}: {}", target.string(), what, code.message()));
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

void remove_uncommitted_files() {
  auto& u = uncommitted();
  std::lock_guard lock(u.mutex);
  for (const auto& f : u.files) ::unlink(f.c_str());
  std::error_code ignored;
  for (const auto& d : u.folders) fs::remove_all(d, ignored);
}

bool is_special_file(const fs::path& target) {
  struct stat info {};
  return ::stat(target.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

void refuse_same_file(const fs::path& output, const fs::path& input, std::string_view what) {
  struct stat out {}, in {};
  if (::stat(output.c_str(), &out) != 0 || ::stat(input.c_str(), &in) != 0) return;
  bool same = out.st_dev == in.st_dev && out.st_ino == in.st_ino;
  if (!same && S_ISDIR(out.st_mode)) same = path_within(output, input).has_value();  // a folder an export would replace
  if (same)
    throw Error(ExitCode::usage, fmt::format("{}: {} {} this command reads; writing it would destroy it. Give another -o",
                                             output.string(), S_ISDIR(out.st_mode) ? "holds" : "is", what));
}

TemporaryFile::TemporaryFile(const fs::path& target) : target_(resolved(target)) {
  remove_stale(target_);
  std::random_device seed;
  path_ = folder_of(target_) / fmt::format(".{}.tmp-{}-{:08x}", target_.filename().string(), ::getpid(), seed());
  track(&Uncommitted::files, path_, true);
}

TemporaryFile::~TemporaryFile() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove(path_, ignored);
  track(&Uncommitted::files, path_, false);
}

void TemporaryFile::commit() {
  sync(path_, O_RDONLY, target_);
  std::error_code ec;
  fs::rename(path_, target_, ec);
  if (ec) throw write_error(target_, ec, "cannot put the new file in place");
  track(&Uncommitted::files, path_, false);
  path_.clear();
  sync(folder_of(target_), O_RDONLY | O_DIRECTORY, target_);
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
  track(&Uncommitted::folders, temp_, true);
  if (!fs::create_directory(temp_, ec) || ec) {
    track(&Uncommitted::folders, temp_, false);
    temp_.clear();
    throw write_error(target, ec, "cannot create a folder beside it");
  }
}

OutputFolder::~OutputFolder() {
  if (temp_.empty()) return;
  std::error_code ignored;
  fs::remove_all(temp_, ignored);
  track(&Uncommitted::folders, temp_, false);
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
  track(&Uncommitted::folders, temp_, false);
  temp_.clear();
  sync(folder_of(target_), O_RDONLY | O_DIRECTORY, target_);
}

OutputFile::OutputFile(const fs::path& target) : target_(target) {
  if (target == "-") return;
  check_output_path(target);
  if (is_special_file(target)) {
    // A FIFO or device (-o /dev/stderr): written through, never replaced by a file.
    file_.open(target, std::ios::binary);
    if (!file_) throw Error(ExitCode::missing_file, fmt::format("cannot write {}: {}", target.string(), std::strerror(errno)));
    direct_ = true;
    return;
  }
  temp_ = std::make_unique<TemporaryFile>(target);
  file_.open(temp_->path(), std::ios::binary | std::ios::trunc);
  if (!file_) throw Error(ExitCode::missing_file, fmt::format("cannot write {}: {}", target.string(), std::strerror(errno)));
}

OutputFile::~OutputFile() = default;

std::ostream& OutputFile::stream() { return temp_ || direct_ ? static_cast<std::ostream&>(file_) : std::cout; }

void OutputFile::commit() {
  if (!temp_ && !direct_) {
    std::cout.flush();
    if (!std::cout) throw Error(ExitCode::missing_file, standard_output_failure());
    return;
  }
  file_.close();
  if (file_.fail()) throw Error(ExitCode::missing_file, fmt::format("writing {} failed: {}", target_.string(), std::strerror(errno)));
  if (temp_) temp_->commit();
}

namespace {
bool stdout_was_closed = false;
}

void guard_standard_streams() {
  // A closed descriptor would be handed to the next file opened, and what
  // is printed would land in it. /dev/full makes every write to it fail.
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int opened = ::open(fd == STDIN_FILENO ? "/dev/null" : "/dev/full", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
    if (fd == STDOUT_FILENO) stdout_was_closed = true;
  }
}

std::string standard_output_failure() {
  if (stdout_was_closed) return "cannot write to standard output: it is closed";
  return fmt::format("writing to standard output failed{}", errno ? fmt::format(": {}", std::strerror(errno)) : "");
}

}  // namespace factdb
