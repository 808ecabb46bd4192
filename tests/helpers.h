// Shared fixtures: temporary folders, seed folders, running the built binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "factdb/database.h"

namespace factdb::testing {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& content);

// The real seed folder shipped with factdb.
fs::path real_seed();

// A second article written for the tests (tests/data/steppe-dialogue-test).
fs::path second_article();

// Copies the real seed into `dir`/seed and returns that path.
fs::path copy_real_seed(const fs::path& dir);

// Replaces the only occurrence of `from` in the file; fails the test when it
// does not occur exactly once.
void replace_once(const fs::path& file, const std::string& from, const std::string& to);

// Builds the real seed into `dir`/facts.db once per call and returns its path.
fs::path build_real_db(const fs::path& dir);

// The real seed built once per test process and opened for reading: for
// tests that only ever read it.
Database& shared_seed_db();

// Files in `dir` whose names contain `.tmp-` (left-over temporary files).
std::vector<std::string> temporary_files(const fs::path& dir);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a command (arguments quoted for the shell) with `cwd` as working
// folder and `input` on its standard input.
RunResult run(const std::vector<std::string>& args, const fs::path& cwd = fs::current_path(), const std::string& input = "");

// Starts a command in the background, output discarded; returns its pid.
int spawn(const std::vector<std::string>& args, const fs::path& cwd = fs::current_path());

// Waits for a spawned command; returns its exit code, or -signal if a signal ended it.
int wait_for(int pid);

// Writes a synthetic corpus of `articles` articles (factdb-gen-corpus) to `dir`.
void generate_corpus(const fs::path& dir, int articles);

// Runs the built factdb binary.
RunResult run_factdb(const std::vector<std::string>& args, const fs::path& cwd = fs::current_path(),
                     const std::string& input = "");

}  // namespace factdb::testing
