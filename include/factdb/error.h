// Errors factdb reports, each with the exit code the CLI turns it into.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace factdb {

// Documented process exit codes (README, "Exit codes").
enum class ExitCode : int {
  ok = 0,
  internal = 1,      // a bug: factdb hit a state it does not expect
  usage = 2,         // bad command line: unknown option, bad parameter value
  bad_data = 3,      // seed data or a database that fails validation
  missing_file = 4,  // a file or folder that does not exist or cannot be read
  sql = 5,           // SQL that does not compile, fails, or is refused
  time_limit = 6,    // a query ran longer than its time limit and was stopped
  memory_limit = 7,  // a query needed more memory than its limit and was stopped
};

// Base of every error factdb throws on purpose. what() is the message for the user.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

// A place in an input file. line and column are 1-based; 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// "file:line:column", leaving out the parts that are unknown.
std::string to_string(const Location& where);

// One problem found in seed data, where it is and what was expected.
struct Diagnostic {
  Location where;
  std::string message;

  // "file:line:column: message", leaving out the parts that are unknown.
  std::string to_string() const;
};

// Seed data that cannot be loaded; carries every problem found, in file order.
class SeedError : public Error {
 public:
  explicit SeedError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace factdb
