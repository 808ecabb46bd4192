// Writing a file whole or not at all: a temporary file beside the target,
// renamed over it once complete.
#pragma once

#include <filesystem>
#include <fstream>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace factdb {

// A file beside `target` that is removed unless it has been committed:
// however a writer ends, no half-written file stays behind, and a target that
// existed keeps its old content until the new one is complete.
class TemporaryFile {
 public:
  // Picks a fresh name beside `target` (the file itself is not created) and
  // removes the temporary files of earlier writers of `target` that were
  // killed before they could clean up.
  explicit TemporaryFile(const std::filesystem::path& target);
  // Removes the temporary file unless it was committed; never throws.
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Flushes the file to disk, renames it over the target given to the
  // constructor, then flushes the folder so the rename survives a power cut.
  // Throws std::filesystem::filesystem_error when the rename fails.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path path_;
};

// Where a command writes its output: standard output for "-"; a FIFO or
// device written through as it is; otherwise a file written through a
// TemporaryFile (beside the file a symbolic link names, so the link stays).
class OutputFile {
 public:
  // Throws Error(missing_file) when the target's folder does not exist,
  // Error(usage) when the target is a folder.
  explicit OutputFile(const std::filesystem::path& target);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  bool is_stdout() const { return !temp_; }

  // Completes the output: flushes standard output, or closes the file and
  // renames it into place. Throws Error(missing_file) when any write failed
  // (disk full, a closed standard output, ...); a target file is then left
  // as it was.
  void commit();

 private:
  std::filesystem::path target_;
  std::unique_ptr<TemporaryFile> temp_;
  bool direct_ = false;  // a FIFO or device, written through
  std::ofstream file_;
};

// A folder of files written beside `target` under a temporary name and put in
// its place once complete. A folder already at `target` is replaced only when
// it holds `marker` (the file every such folder gets): a folder of the user's
// is never deleted.
class OutputFolder {
 public:
  // Throws Error(missing_file) when the parent folder does not exist,
  // Error(usage) when `target` is a file, or a folder without `marker`.
  OutputFolder(const std::filesystem::path& target, std::string marker);
  // Removes the temporary folder unless committed; never throws.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Where to write the files until commit().
  const std::filesystem::path& path() const { return temp_; }

  // Puts the folder in place of `target`. Throws Error(missing_file) when
  // `marker` was not written or a rename fails.
  void commit();

 private:
  std::filesystem::path target_;
  std::string marker_;
  std::filesystem::path temp_;
};

// True when `target` exists and is neither a regular file nor a folder: a
// FIFO, socket or device, which output is written through, not renamed over.
bool is_special_file(const std::filesystem::path& target);

// Throws Error(usage) when `output` and `input` are the same file, however
// spelled or linked: a command must never write over what it reads. `what`
// names the input ("the database").
void refuse_same_file(const std::filesystem::path& output, const std::filesystem::path& input, std::string_view what);

// Makes sure descriptors 0, 1 and 2 are open before anything else is, so no
// file lands on a closed one: stdin reads /dev/null, stdout and stderr write
// to /dev/full, where every write fails and is reported. Call first in main.
void guard_standard_streams();

// The message for a failed write to standard output, saying why.
std::string standard_output_failure();

// Removes every temporary file and folder of this process that has not been
// committed: for a process about to end at once (_exit), which runs no
// destructor. Safe to call from any thread.
void remove_uncommitted_files();

// Throws Error(missing_file) when the folder `target` would be written in does
// not exist, Error(usage) when `target` is itself a folder.
void check_output_path(const std::filesystem::path& target);

}  // namespace factdb
