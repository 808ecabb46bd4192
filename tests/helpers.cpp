#include "helpers.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "factdb/build.h"

namespace factdb::testing {

TempDir::TempDir() {
  std::random_device seed;
  path_ = fs::temp_directory_path() / fmt::format("factdb-test-{}-{:08x}", ::getpid(), seed());
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

fs::path real_seed() { return FACTDB_SEED_DIR; }

fs::path second_article() { return FACTDB_TEST_DATA_DIR "/steppe-dialogue-test"; }

fs::path copy_real_seed(const fs::path& dir) {
  auto target = dir / "seed";
  fs::copy(real_seed(), target, fs::copy_options::recursive);
  return target;
}

void replace_once(const fs::path& file, const std::string& from, const std::string& to) {
  auto text = read_file(file);
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  REQUIRE(text.find(from, pos + 1) == std::string::npos);
  text.replace(pos, from.size(), to);
  write_file(file, text);
}

fs::path build_real_db(const fs::path& dir) {
  auto db = dir / "facts.db";
  build_database(real_seed(), db);
  return db;
}

std::vector<std::string> temporary_files(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(entry.path().string());
  return found;
}

namespace {
std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
}  // namespace

RunResult run(const std::vector<std::string>& args, const fs::path& cwd, const std::string& input) {
  TempDir capture;
  write_file(capture / "in", input);
  std::string command = "cd " + shell_quote(cwd.string()) + " &&";
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " > " + shell_quote((capture / "out").string()) + " 2> " + shell_quote((capture / "err").string()) + " < " +
             shell_quote((capture / "in").string());
  int status = std::system(command.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(capture / "out");
  r.err = read_file(capture / "err");
  return r;
}

int spawn(const std::vector<std::string>& args, const fs::path& cwd) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(int pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

void generate_corpus(const fs::path& dir, int articles) {
  auto r = run({FACTDB_GEN_CORPUS, "--articles", std::to_string(articles), "-o", dir.string()});
  REQUIRE(r.exit_code == 0);
}

Database& shared_seed_db() {
  static TempDir dir;
  static Database db(build_real_db(dir.path()));
  return db;
}

RunResult run_factdb(const std::vector<std::string>& args, const fs::path& cwd, const std::string& input) {
  std::vector<std::string> full{FACTDB_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  return run(full, cwd, input);
}

}  // namespace factdb::testing
