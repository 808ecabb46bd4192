// The threat model, tried as an attacker would: a .db, a seed folder, a
// parameter, standard input or an output path may come from someone else.
// Nothing in them may run, escape its place, outlast a limit or destroy a file.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>

#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/export.h"
#include "factdb/format.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

// A shell script run with $F set to the built factdb.
RunResult shell(const std::string& script, const fs::path& cwd) {
  return run({"bash", "-c", "F='" FACTDB_BINARY "'; " + script}, cwd);
}

// A copy of the real database with `sql` run on it as a hostile editor
// would: writable_schema on, check constraints off.
fs::path tampered(const TempDir& dir, const std::string& name, const std::string& sql) {
  static TempDir built;
  static const fs::path good = build_real_db(built.path());
  auto path = dir / name;
  fs::copy_file(good, path, fs::copy_options::overwrite_existing);
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA writable_schema = ON; PRAGMA ignore_check_constraints = ON;");
  db.exec(sql);
  return path;
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

}  // namespace

// ---------------------------------------------------------------- A. nothing runs

TEST_CASE("hostile: completion never evaluates a canned-query name from the database", "[hostile][completion]") {
  TempDir dir;
  // A stand-in factdb that prints what a hostile .db would list.
  write_file(dir / "bin/factdb",
             "#!/bin/sh\nprintf 'name\\ttitle\\n$(touch pwned-1)\\tx\\n`touch pwned-2`\\tx\\nstand-ins\\tx\\n"
             "a;touch pwned-3\\tx\\nstar *\\tx\\n'\n");
  fs::permissions(dir / "bin/factdb", fs::perms::owner_all);
  auto bash = run_factdb({"completion", "bash", "-o", (dir / "factdb.bash").string()});
  auto zsh = run_factdb({"completion", "zsh", "-o", (dir / "_factdb").string()});
  REQUIRE((bash.exit_code == 0 && zsh.exit_code == 0));
  auto offered = shell("PATH=\"$PWD/bin:$PATH\"; source ./factdb.bash; COMP_WORDS=(factdb query ''); COMP_CWORD=2; _factdb; "
                       "printf '%s\\n' \"${COMPREPLY[@]}\"",
                       dir.path());
  CHECK(offered.out == "stand-ins\n");
  if (run({"sh", "-c", "command -v zsh"}).exit_code == 0) {
    // _describe and _arguments are the completion system's; these print what they are given.
    auto z = run({"zsh", "-c",
                  "PATH=\"$PWD/bin:$PATH\"; _arguments() { :; }; _describe() { print -l -- ${(P)2}; }; "
                  "typeset -A opt_args; source ./_factdb; _factdb_queries"},
                 dir.path());
    CHECK(z.out == "stand-ins\n");
  }
  for (const char* f : {"pwned-1", "pwned-2", "pwned-3"}) CHECK_FALSE(present(dir / f));
}

TEST_CASE("hostile: export sql writes only factdb's own schema, and data cannot reach the sqlite3 shell as a command", "[hostile][export]") {
  TempDir dir;
  auto view = tampered(dir, "view.db",
                       "UPDATE sqlite_schema SET sql = sql || ';' || char(10) || '.shell touch pwned' WHERE name = 'stand_ins'");
  auto r = run_factdb({"export", "--format", "sql", "-o", "dump.sql", "--db", view.string()}, dir.path());
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("view stand_ins differs") != std::string::npos);
  CHECK_FALSE(present(dir / "dump.sql"));
  CHECK(run_factdb({"check", "--db", view.string()}, dir.path()).exit_code == 3);

  // Text values are data: a line break and a dot command inside one stay in its literal.
  auto data = tampered(dir, "data.db",
                       "UPDATE entity SET name = name || char(10) || '.shell touch pwned' || char(10) || '.output pwned2' "
                       "WHERE id = 'shehbaz-sharif'");
  REQUIRE(run_factdb({"export", "--format", "sql", "-o", "data.sql", "--db", data.string()}, dir.path()).exit_code == 0);
  auto rebuilt = shell("sqlite3 rebuilt.db < data.sql", dir.path());
  CHECK(rebuilt.exit_code == 0);
  CHECK_FALSE(present(dir / "pwned"));
  CHECK_FALSE(present(dir / "pwned2"));
  SQLite::Database back((dir / "rebuilt.db").string(), SQLite::OPEN_READONLY);
  CHECK(back.execAndGet("SELECT name FROM entity WHERE id = 'shehbaz-sharif'").getString() ==
        "Shehbaz Sharif\n.shell touch pwned\n.output pwned2");
}

TEST_CASE("hostile: export postgres quotes every text for psql", "[hostile][export]") {
  TempDir dir;
  // A title that would become a psql meta-command: the file is refused.
  auto title = tampered(dir, "title.db", "UPDATE canned_query SET title = 'x' || char(10) || '\\! touch pwned' WHERE name = 'events'");
  auto r = run_factdb({"export", "--format", "postgres", "-o", "pg.sql", "--db", title.string()}, dir.path());
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("canned query 'events': its title differs") != std::string::npos);
  // A program that opens it anyway to inspect it cannot export it either.
  Database inspected(title, {}, SchemaPolicy::inspect);
  std::ostringstream ignored;
  CHECK_THROWS_AS(export_postgres(inspected, ignored), Error);

  // Data with line breaks, backslashes and a dollar-quote tag stays data.
  auto data = tampered(dir, "data.db",
                       "UPDATE entity SET name = 'x' || char(10) || '\\! touch pwned' || char(10) || '\\.' || char(10) || "
                       "'$query$; \\! touch pwned' WHERE id = 'shehbaz-sharif'");
  REQUIRE(run_factdb({"export", "--format", "postgres", "-o", "pg.sql", "--db", data.string()}, dir.path()).exit_code == 0);
  std::istringstream lines(read_file(dir / "pg.sql"));
  int end_of_data = 0;
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    if (line.rfind('\\', 0) == 0) {
      CHECK(line == "\\.");  // the only backslash lines end a COPY block
      ++end_of_data;
    }
  }
  CHECK(end_of_data > 10);
}

TEST_CASE("hostile: a table or query name never becomes a path outside the export folder", "[hostile][export]") {
  TempDir dir;
  fs::create_directories(dir / "deep/inside");
  for (const char* name : {"../../escaped", "/tmp/factdb-escaped", "..", "a/b"}) {
    INFO(name);
    auto db = tampered(dir, "names.db",
                       std::string("CREATE TABLE \"") + name + "\" (x); UPDATE canned_query SET name = '" + name +
                           "' WHERE name = 'events';");
    for (const char* format : {"csv", "json", "jsonl"}) {
      auto r = run_factdb({"export", "--format", format, "--queries", "-o", "out", "--db", db.string()}, dir / "deep/inside");
      CHECK(r.exit_code == 3);
    }
    CHECK_FALSE(present(dir / "escaped.csv"));
    CHECK_FALSE(present(dir / "deep/escaped.csv"));
    CHECK_FALSE(present("/tmp/factdb-escaped.csv"));
    CHECK_FALSE(present(dir / "deep/inside/out"));
  }
}

TEST_CASE("hostile: an article's text is a regular file inside its own folder", "[hostile][seed]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto facts = seed / "sco-summit-astana-2024/facts.toml";
  auto original = read_file(facts);
  fs::create_directories(dir / "outside");
  write_file(dir / "outside/secret.txt", "secret");
  fs::create_symlink(dir / "outside/secret.txt", seed / "sco-summit-astana-2024/link.txt");
  fs::create_symlink(dir / "outside", seed / "sco-summit-astana-2024/linkdir");
  ::mkfifo((seed / "sco-summit-astana-2024/fifo.txt").c_str(), 0600);
  const std::pair<const char*, const char*> cases[] = {
      {"/etc/passwd", "is an absolute path"},
      {"../../../../../../etc/passwd", "climbs out with '..'"},
      {"sub/../article.txt", "climbs out with '..'"},
      {"link.txt", "leads out of its folder through a symbolic link"},
      {"linkdir/secret.txt", "leads out of its folder through a symbolic link"},
      {"fifo.txt", "is not a regular file"},
      {".", "is not a regular file"},
  };
  for (const auto& [name, expected] : cases) {
    INFO(name);
    auto changed = original;
    auto at = changed.find("text = \"article.txt\"");
    REQUIRE(at != std::string::npos);
    changed.replace(at, std::string("text = \"article.txt\"").size(), std::string("text = \"") + name + "\"");
    write_file(facts, changed);
    auto r = run_factdb({"build", "--seed", seed.string(), "-o", (dir / "out.db").string()});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(r.err.find("facts.toml:") != std::string::npos);
    CHECK_FALSE(present(dir / "out.db"));
  }
  write_file(facts, original);

  // facts.toml and sources.toml themselves: a symlink out would show another file's lines in the messages.
  write_file(dir / "outside/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  fs::rename(seed / "sources.toml", dir / "sources.toml");
  fs::create_symlink(dir / "outside/passwd", seed / "sources.toml");
  auto r = run_factdb({"build", "--seed", seed.string(), "-o", (dir / "out.db").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("sources.toml: leads out of its folder through a symbolic link") != std::string::npos);
  CHECK(r.err.find("root:x") == std::string::npos);
  fs::remove(seed / "sources.toml");
  fs::rename(dir / "sources.toml", seed / "sources.toml");
  fs::rename(facts, dir / "facts.toml");
  fs::create_symlink(dir / "outside/passwd", facts);
  r = run_factdb({"build", "--seed", seed.string(), "-o", (dir / "out.db").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("facts.toml: leads out of its folder through a symbolic link") != std::string::npos);
  CHECK(r.err.find("root:x") == std::string::npos);
}

// ---------------------------------------------------------------- B. check is the word of trust

TEST_CASE("hostile: check fails, and every reading command refuses, a schema or query factdb did not write", "[hostile][check]") {
  TempDir dir;
  const std::pair<const char*, const char*> cases[] = {
      {"UPDATE sqlite_schema SET sql = 'CREATE VIEW stand_ins AS SELECT ''Vladimir Putin'' AS person' WHERE name = 'stand_ins'",
       "view stand_ins differs"},
      {"UPDATE canned_query SET sql = 'VACUUM INTO ''/tmp/x.db''' WHERE name = 'events'", "events: would write"},
      {"UPDATE canned_query SET sql = 'SELECT 1; DROP TABLE fact' WHERE name = 'events'", "events: holds more than one statement"},
      {"UPDATE canned_query SET sql = 'SELECT ''made up'' AS person' WHERE name = 'stand-ins'", "its SQL differs"},
      {"CREATE TRIGGER t AFTER INSERT ON fact BEGIN SELECT 1; END", "trigger t is not one factdb writes"},
      {"DROP INDEX citation_by_evidence", "index citation_by_evidence is missing"},
      {"CREATE VIEW extra AS SELECT 1", "view extra is not one factdb writes"},
  };
  for (const auto& [sql, expected] : cases) {
    INFO(sql);
    auto db = tampered(dir, "t.db", sql);
    auto before = read_file(db);
    auto check = run_factdb({"check", "--db", db.string()});
    CHECK(check.exit_code == 3);
    CHECK(check.out.find(expected) != std::string::npos);
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"query", "stand-ins"}, {"queries"}, {"sql", "SELECT 1"}, {"why", "stand-ins"},
                                               {"ask", "who stood in?"}, {"search", "Kashmir"}, {"info"}}) {
      auto full = args;
      full.insert(full.end(), {"--db", db.string()});
      auto r = run_factdb(full);
      INFO(args[0]);
      CHECK(r.exit_code == 3);
      CHECK(r.err.find("not as factdb writes it") != std::string::npos);
      CHECK(r.out.find("made up") == std::string::npos);
    }
    CHECK(read_file(db) == before);
  }
}

TEST_CASE("hostile: a WAL file is reported, and nothing creates -wal or -shm files beside it", "[hostile][check]") {
  TempDir dir;
  auto db = tampered(dir, "wal.db", "SELECT 1");
  { SQLite::Database(db.string(), SQLite::OPEN_READWRITE).exec("PRAGMA journal_mode = WAL"); }
  REQUIRE_FALSE(present(dir / "wal.db-wal"));
  auto check = run_factdb({"check", "--db", db.string()});
  CHECK(check.exit_code == 3);
  CHECK(check.out.find("journal mode    FAILED  WAL") != std::string::npos);
  CHECK(check.out.find("evidence        ok") != std::string::npos);  // the rest is still checked
  auto query = run_factdb({"query", "stand-ins", "--db", db.string()});
  CHECK(query.exit_code == 3);
  CHECK(query.err.find("in WAL mode") != std::string::npos);
  CHECK_FALSE(present(dir / "wal.db-wal"));
  CHECK_FALSE(present(dir / "wal.db-shm"));
}

TEST_CASE("hostile: --db is a file name, never a URI, and a FIFO, device or folder is refused at once", "[hostile][files]") {
  TempDir dir;
  build_real_db(dir.path());
  auto uri = run_factdb({"query", "stand-ins", "--db", "file:facts.db"}, dir.path());
  CHECK(uri.exit_code == 4);
  CHECK(uri.err.find("file:facts.db: no such database") != std::string::npos);
  fs::copy_file(dir / "facts.db", dir / "file:facts.db");
  CHECK(run_factdb({"query", "stand-ins", "--db", "file:facts.db?mode=rwc#x"}, dir.path()).exit_code == 4);
  CHECK(run_factdb({"query", "stand-ins", "--db", "file:facts.db"}, dir.path()).exit_code == 0);

  ::mkfifo((dir / "fifo").c_str(), 0600);
  fs::create_directories(dir / "folder");
  for (const char* path : {"fifo", "/dev/zero", "folder"}) {
    for (const char* command : {"check", "query", "queries"}) {
      INFO(path << " " << command);
      auto r = shell(std::string("timeout 10 \"$F\" ") + command + (std::string(command) == "query" ? " stand-ins" : "") +
                         " --db " + path,
                     dir.path());
      CHECK(r.exit_code == 4);
      CHECK(r.err.find("not a regular file") + r.err.find("is a folder") != 2 * std::string::npos);
    }
  }
  // facts.toml and sources.toml that are FIFOs or folders.
  auto seed = copy_real_seed(dir.path());
  fs::rename(seed / "sources.toml", dir / "sources.toml");
  ::mkfifo((seed / "sources.toml").c_str(), 0600);
  auto r = shell("timeout 10 \"$F\" build --seed seed -o out.db", dir.path());
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("sources.toml: is not a regular file") != std::string::npos);
  fs::remove(seed / "sources.toml");
  fs::rename(dir / "sources.toml", seed / "sources.toml");
  fs::remove(seed / "sco-summit-astana-2024/facts.toml");
  fs::create_directory(seed / "sco-summit-astana-2024/facts.toml");
  r = shell("timeout 10 \"$F\" build --seed seed -o out.db", dir.path());
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("facts.toml: is a folder") != std::string::npos);
}

// ---------------------------------------------------------------- D. outputs never destroy

TEST_CASE("hostile: -o never overwrites the database being read, however spelled or linked", "[hostile][output]") {
  TempDir dir;
  build_real_db(dir.path());
  fs::create_directories(dir / "sub");
  fs::create_symlink(dir / "facts.db", dir / "link.db");
  fs::create_hard_link(dir / "facts.db", dir / "hard.db");
  auto before = read_file(dir / "facts.db");
  for (const char* target : {"facts.db", "./facts.db", "sub/../facts.db", "link.db", "hard.db"}) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"query", "stand-ins"}, {"check"}, {"sql", "SELECT 1"}, {"why", "stand-ins"}, {"queries"},
             {"export", "--format", "sql"}, {"graph"}, {"info"}, {"search", "Kashmir"}}) {
      auto full = args;
      full.insert(full.end(), {"-o", target});
      auto r = run_factdb(full, dir.path());
      INFO(args[0] << " -o " << target);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("this command reads") != std::string::npos);
    }
  }
  // A build never writes over its own seed, however the output is spelled or linked.
  auto seed = copy_real_seed(dir.path());
  auto article = read_file(seed / "sco-summit-astana-2024/article.txt");
  fs::create_symlink(seed / "sco-summit-astana-2024/facts.toml", dir / "seed-link.db");
  for (const char* target : {"seed/sco-summit-astana-2024/article.txt", "seed/sco-summit-astana-2024/facts.toml", "seed/sources.toml",
                             "seed/sco-summit-astana-2024/new.db", "seed-link.db"}) {
    INFO(target);
    auto r = run_factdb({"build", "--seed", "seed", "-o", target}, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the build would write over what it reads") != std::string::npos);
  }
  CHECK(read_file(seed / "sco-summit-astana-2024/article.txt") == article);
  CHECK(run_factdb({"build", "-q", "--seed", "seed", "-o", "seed/facts.db"}, dir.path()).exit_code == 0);  // beside the articles: fine

  // A folder export into the folder that holds the database.
  write_file(dir / "export.json", "{}");
  CHECK(run_factdb({"export", "--format", "csv", "-o", "."}, dir.path()).exit_code == 2);
  CHECK(read_file(dir / "facts.db") == before);
  CHECK(fs::is_symlink(dir / "link.db"));
}

TEST_CASE("hostile: -o through a symlink writes its target, -o to a FIFO or device writes through it", "[hostile][output]") {
  TempDir dir;
  build_real_db(dir.path());
  fs::create_directories(dir / "real");
  write_file(dir / "real/out.csv", "old");
  fs::create_symlink("real/out.csv", dir / "link.csv");
  REQUIRE(run_factdb({"query", "stand-ins", "-f", "csv", "-o", "link.csv"}, dir.path()).exit_code == 0);
  CHECK(fs::is_symlink(dir / "link.csv"));
  CHECK(read_file(dir / "real/out.csv").rfind("person,office", 0) == 0);

  ::mkfifo((dir / "pipe").c_str(), 0600);
  auto r = shell("cat pipe > got & \"$F\" query stand-ins -f csv -o pipe; echo $?; wait", dir.path());
  CHECK(r.out == "0\n");
  CHECK(read_file(dir / "got").rfind("person,office", 0) == 0);
  CHECK(fs::is_fifo(dir / "pipe"));
  CHECK(run_factdb({"query", "stand-ins", "-o", "/dev/null"}, dir.path()).exit_code == 0);
  CHECK(fs::is_character_file("/dev/null"));
  // The database itself, built through a FIFO: it arrives whole, and the FIFO stays.
  auto built = shell("cat pipe > built.db & \"$F\" build -q --seed '" + real_seed().string() + "' -o pipe; echo $?; wait", dir.path());
  CHECK(built.out == "0\n");
  CHECK(fs::is_fifo(dir / "pipe"));
  CHECK(run_factdb({"check", "--db", "built.db"}, dir.path()).exit_code == 0);
  CHECK(run_factdb({"build", "-q", "--seed", real_seed().string(), "-o", "/dev/full"}, dir.path()).exit_code == 4);
  // A picture rendered by Graphviz, through the FIFO too.
  if (run({"sh", "-c", "command -v dot"}).exit_code == 0) {
    auto svg = shell("cat pipe > graph.svg & \"$F\" graph --format svg -o pipe; echo $?; wait", dir.path());
    CHECK(svg.out == "0\n");
    CHECK(fs::is_fifo(dir / "pipe"));
    CHECK(read_file(dir / "graph.svg").find("<svg") != std::string::npos);
  }
}

TEST_CASE("hostile: a failed write to standard output exits 4 with a message, and a closed pipe ends quietly", "[hostile][output]") {
  TempDir dir;
  build_real_db(dir.path());
  for (const char* command : {"query stand-ins", "sql 'SELECT * FROM evidence'", "export --format sql", "why stand-ins",
                              "check", "completion bash"}) {
    INFO(command);
    auto full = shell(std::string("\"$F\" ") + command + " > /dev/full", dir.path());
    CHECK(full.exit_code == 4);
    CHECK(full.err.find("standard output") != std::string::npos);
    auto closed = shell(std::string("\"$F\" ") + command + " >&-", dir.path());
    CHECK(closed.exit_code == 4);
    CHECK(closed.err.find("standard output: it is closed") != std::string::npos);
    auto head = shell(std::string("\"$F\" ") + command + " | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\"", dir.path());
    CHECK(head.err.empty());
  }
  CHECK(read_file(dir / "facts.db").size() > 0);
}

// ---------------------------------------------------------------- C. limits hold whatever runs

TEST_CASE("hostile: --timeout-ms holds even inside one SQLite call, for the whole command", "[hostile][limits]") {
  TempDir dir;
  build_real_db(dir.path());
  const char* slow[] = {
      "SELECT length(printf('%.*c', 2000000000, 'x'))",
      "SELECT length(printf('%.*c', 2000000000, 'x')) UNION ALL SELECT length(printf('%.*c', 2000000000, 'y')) "
      "UNION ALL SELECT length(printf('%.*c', 2000000000, 'z')) UNION ALL SELECT length(printf('%.*c', 2000000000, 'w'))",
      "SELECT instr(printf('%.*c', 99000000, 'x'), 'y') + instr(printf('%.*c', 99000000, 'x'), 'z') "
      "+ instr(printf('%.*c', 99000000, 'x'), 'q') + instr(printf('%.*c', 99000000, 'x'), 'w')",
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
  };
  for (const char* sql : slow) {
    INFO(sql);
    auto started = std::chrono::steady_clock::now();
    auto r = run_factdb({"sql", sql, "--timeout-ms", "200", "-o", "out.txt"}, dir.path());
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    CHECK(r.exit_code == 6);
    CHECK(r.err.find("time limit of 200 ms") != std::string::npos);
    CHECK(ms < 200 + 1500);  // a behaviour, not a benchmark: process start and a loaded machine included
    CHECK(temporary_files(dir.path()).empty());
    CHECK_FALSE(present(dir / "out.txt"));
  }
}

TEST_CASE("hostile: queries, check and ask run under the time limit too, an endless canned_query included", "[hostile][limits]") {
  TempDir dir;
  auto db = tampered(dir, "endless.db",
                     "DROP TABLE canned_query; CREATE VIEW canned_query AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                     "SELECT x + 1 FROM c) SELECT 'a' || x AS name, 't' AS title, 'd' AS description, 'SELECT 1' AS sql, "
                     "'[]' AS params, '[]' AS columns, '[]' AS examples FROM c");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"check"}, {"queries"}, {"ask", "who stood in?"}, {"query", "stand-ins"}, {"why", "stand-ins"}}) {
    INFO(args[0]);
    auto full = args;
    full.insert(full.end(), {"--db", db.string(), "--timeout-ms", "500"});
    auto started = std::chrono::steady_clock::now();
    auto r = run_factdb(full, dir.path());
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    CHECK((r.exit_code == 3 || r.exit_code == 6));  // refused as not factdb's, or stopped at the limit
    CHECK(ms < 500 + 1500);
  }
  CHECK(run_factdb({"check", "--db", db.string(), "--timeout-ms", "500"}, dir.path()).exit_code == 6);
}

TEST_CASE("hostile: --max-memory-mb bounds the whole process, output included, and standard input is read with a bound", "[hostile][limits]") {
  TempDir dir;
  build_real_db(dir.path());
  // Peak memory of the child, from the shell's own accounting.
  auto peak_kb = [&](const std::string& command) {
    auto r = shell("/usr/bin/time -f '%M' " + command + " > /dev/null 2> err; tail -n 1 err", dir.path());
    return std::stol(r.out);
  };
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer reserves terabytes of shadow memory, so factdb sets no
  // data-segment limit under it (see limits.cpp): only the plain build bounds
  // the whole process.
  const std::vector<const char*> formats;
#else
  const std::vector<const char*> formats = {"table", "json", "csv", "markdown"};
#endif
  for (const char* format : formats) {
    INFO(format);
    auto r = run_factdb({"sql", "SELECT zeroblob(50000000) AS z FROM evidence LIMIT 3", "--max-memory-mb", "64", "-f", format},
                        dir.path());
    CHECK((r.exit_code == 0 || r.exit_code == 7));
    if (run({"sh", "-c", "test -x /usr/bin/time"}).exit_code == 0)
      CHECK(peak_kb(std::string("\"$F\" sql 'SELECT zeroblob(50000000) AS z FROM evidence LIMIT 3' --max-memory-mb 64 -f ") +
                    format) < 200 * 1024);
  }
  auto table = run_factdb({"sql", "SELECT printf('%.*c', 100000, 'x') AS long", "-f", "table"}, dir.path());
  CHECK(table.exit_code == 0);
  CHECK(table.out.size() < 4 * kTableCellBytes + 1000);  // the cell, and the rule under the header
  CHECK(table.out.find("more bytes)") != std::string::npos);
  auto zero = shell("\"$F\" sql < /dev/zero", dir.path());
  CHECK(zero.exit_code == 2);
  CHECK(zero.err.find("longer than 1000000 bytes") != std::string::npos);
  auto nul = shell("printf 'SELECT 1;\\0 DROP' | \"$F\" sql", dir.path());
  CHECK(nul.exit_code == 2);
  CHECK(nul.err.find("NUL byte (at byte 10)") != std::string::npos);
}

// ---------------------------------------------------------------- E. what reaches a person is safe to show

TEST_CASE("hostile: control characters and bidi overrides never reach a person raw", "[hostile][display]") {
  TempDir dir;
  build_real_db(dir.path());
  const std::string nasty = "char(27) || ']0;owned' || char(7) || char(27) || '[2J' || char(194, 155) || 'x' || char(8238) || 'evil' || char(8297)";
  auto raw = [](const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
      if (s.compare(i, 3, "\u202e") == 0 || s.compare(i, 3, "\u2069") == 0) return true;
    }
    return false;
  };
  for (const char* format : {"table", "markdown"}) {
    auto r = run_factdb({"sql", "SELECT " + nasty + " AS \"a" + "\x1b" + "b\"", "-f", format}, dir.path());
    INFO(format << ": " << r.out);
    CHECK(r.exit_code == 0);
    CHECK_FALSE(raw(r.out));
    CHECK(r.out.find("u202e") != std::string::npos);
  }
  auto error = run_factdb({"query", "x\x1b]0;t\x07\u202e"}, dir.path());
  CHECK(error.exit_code == 2);
  CHECK_FALSE(raw(error.err));

  // A seed whose values carry escapes: the build's diagnostics show them escaped.
  auto seed = copy_real_seed(dir.path());
  replace_once(seed / "sco-summit-astana-2024/facts.toml", "text = \"article.txt\"",
               "text = \"article.txt\"\n\"\\u001b]0;owned\\u0007\\u202e\" = \"\\u001b[2J\"");
  auto build = run_factdb({"build", "--seed", seed.string(), "-o", "x.db"}, dir.path());
  CHECK(build.exit_code == 3);
  CHECK(build.err.find("unknown key") != std::string::npos);
  CHECK_FALSE(raw(build.err));

  // ask's line to paste into a shell gives back, word for word, what ran.
  auto ask = run_factdb({"ask", "find \"Kashmir's; $(touch pwned)\""}, dir.path());
  REQUIRE(ask.exit_code == 0);
  auto at = ask.err.find("run it directly: factdb ");
  REQUIRE(at != std::string::npos);
  auto line = ask.err.substr(at + 24, ask.err.find('\n', at) - at - 24);
  CHECK(shell("printf '%s\\n' " + line, dir.path()).out == "query\nsearch\n-p\nq=\"Kashmir's; $(touch pwned)\"\n");
  CHECK_FALSE(present(dir / "pwned"));
}

TEST_CASE("hostile: markdown escapes what would change its meaning", "[hostile][display]") {
  TempDir dir;
  build_real_db(dir.path());
  auto r = run_factdb({"sql", "SELECT '[click](http://evil) <img src=x onerror=alert(1)> a|b \\ *bold* `code` _em_ fact_ids' AS x",
                       "-f", "markdown"},
                      dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "| x |\n| --- |\n| \\[click\\](http://evil) &lt;img src=x onerror=alert(1)&gt; a\\|b \\\\ \\*bold\\* \\`code\\` "
                 "\\_em\\_ fact_ids |\n");
}

TEST_CASE("hostile: info --schema-markdown lets no HTML or control character through from schema_doc", "[hostile][display]") {
  TempDir dir;
  auto db = tampered(dir, "doc.db",
                     "UPDATE schema_doc SET description = '<script>alert(1)</script> ' || char(27) || '[2J & more' "
                     "WHERE object = 'article'");
  auto r = run_factdb({"info", "--schema-markdown", "--db", db.string()}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("<script>") == std::string::npos);
  CHECK(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt; \\x1b[2J &amp; more") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("hostile: JSON keeps columns that share a name and says what an infinite number is", "[hostile][display]") {
  TempDir dir;
  build_real_db(dir.path());
  auto json = run_factdb({"sql", "SELECT 1 AS a, 2 AS a, 3 AS a_2, 1e999 AS big, -1e999 AS small", "-f", "json"}, dir.path());
  CHECK(json.out == "[\n  {\n    \"a\": 1,\n    \"a_2\": 2,\n    \"a_2_2\": 3,\n    \"big\": 9.0e+999,\n    \"small\": -9.0e+999\n  }\n]\n");
  auto lines = run_factdb({"sql", "SELECT 1 AS a, 2 AS a", "-f", "jsonl"}, dir.path());
  CHECK(lines.out == "{\"a\":1,\"a_2\":2}\n");
}

TEST_CASE("hostile: a parameter out of range or given twice is a usage error", "[hostile][params]") {
  TempDir dir;
  build_real_db(dir.path());
  auto big = run_factdb({"sql", "SELECT :a", "-p", "a=1e400"}, dir.path());
  CHECK(big.exit_code == 2);
  CHECK(big.err.find("beyond the range of a number") != std::string::npos);
  CHECK(run_factdb({"sql", "SELECT :a", "-p", "a=1e-400"}, dir.path()).exit_code == 0);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"sql", "SELECT :a", "-p", "a=1", "-p", "a=2"}, {"query", "person", "-p", "name=a", "-p", "name=b"},
           {"why", "person", "-p", "name=a", "-p", "name=b"}}) {
    auto r = run_factdb(args, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("given twice") != std::string::npos);
  }
}

// ---------------------------------------------------------------- G. the build's own failure paths

namespace {

// factdb run with its file-system call `fault` (CALL:N:ERRNO) failing on cue.
RunResult with_fault(const std::string& fault, const std::string& args, const fs::path& cwd) {
  return shell("ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 LD_PRELOAD='" FACTDB_FAULT_INJECT "' FACTDB_FAULT=" + fault +
                   " \"$F\" " + args,
               cwd);
}

}  // namespace

TEST_CASE("hostile: a write, flush or rename that fails exits 4 with what failed, and keeps the old file", "[hostile][faults]") {
  TempDir dir;
  build_real_db(dir.path());
  auto before = read_file(dir / "facts.db");
  const std::pair<const char*, const char*> build_faults[] = {
      {"pwrite64:1:EIO", "disk I/O error"},  {"pwrite64:40:ENOSPC", "cannot write"}, {"fsync:1:EIO", "flushing it to disk failed"},
      {"rename:1:EXDEV", "cannot put the new file in place"}, {"rename:1:EPERM", "Operation not permitted"},
  };
  for (const auto& [fault, expected] : build_faults) {
    INFO(fault);
    auto r = with_fault(fault, "build --seed '" + real_seed().string() + "' -o facts.db", dir.path());
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
    CHECK(r.err.find("seed data") == std::string::npos);
    CHECK(read_file(dir / "facts.db") == before);
    CHECK(temporary_files(dir.path()).empty());
  }
  // Reading commands: -o FILE, and a folder export.
  write_file(dir / "answer.csv", "old");
  for (const char* fault : {"write:1:ENOSPC", "fsync:1:EIO", "rename:1:EXDEV"}) {
    INFO(fault);
    auto r = with_fault(fault, "query stand-ins -f csv -o answer.csv", dir.path());
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("answer.csv") != std::string::npos);
    CHECK(read_file(dir / "answer.csv") == "old");
    CHECK(temporary_files(dir.path()).empty());
  }
  auto folder = with_fault("rename:1:EXDEV", "export --format csv -o out", dir.path());
  CHECK(folder.exit_code == 4);
  CHECK_FALSE(present(dir / "out"));
  CHECK(temporary_files(dir.path()).empty());
  // A folder where nothing can be created, even by root.
  for (const char* args : {"export --format csv -o /proc/factdb-export", "query stand-ins -o /proc/factdb-answer",
                           "build --seed '" FACTDB_SEED_DIR "' -o /proc/factdb.db"}) {
    INFO(args);
    auto r = shell(std::string("\"$F\" ") + args, dir.path());
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("/proc/factdb") != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
  }
}

TEST_CASE("hostile: a later article may leave out what the first gave about an entity", "[hostile][seed]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::create_directories(seed / "second");
  write_file(seed / "second/article.txt", "Leaders met at the summit in Astana. The President of Russia spoke.\n");
  write_file(seed / "second/facts.toml",
             "[article]\ntext = \"article.txt\"\nsections = [ { role = \"headline\", quote = \"Leaders met at the summit in Astana.\" } ]\n\n"
             "[[event]]\nid = \"sco-summit-astana-2024\"\nname = \"the summit\"\nquote = \"the summit\"\n\n"
             "[[office]]\nid = \"president-of-russia\"\ntitle = \"President\"\nquote = \"The President of Russia\"\n");
  auto r = run_factdb({"build", "--seed", seed.string(), "-o", "x.db"}, dir.path());
  CHECK(r.exit_code == 3);  // no crash: the office needs its 'of', the event does not repeat its organization
  CHECK(r.err.find("second/facts.toml:10:1: [[office]] needs 'of'") != std::string::npos);
  replace_once(seed / "second/facts.toml", "title = \"President\"", "title = \"President\"\nof = \"russia\"");
  r = run_factdb({"build", "--seed", seed.string(), "-o", "x.db"}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

// ---------------------------------------------------------------- F. every bad seed a clear message

TEST_CASE("hostile: a seed that is too deep, holds a NUL, repeats a quote or a long key gets a message, never a crash", "[hostile][seed]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  auto facts = seed / "sco-summit-astana-2024/facts.toml";
  const auto original = read_file(facts);
  auto build = [&] { return run_factdb({"build", "--seed", seed.string(), "-o", "x.db"}, dir.path()); };
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const std::pair<std::string, std::string> deep[] = {
      {repeat("a.", 50000) + "b = 1\n", ":652:130: keys, tables or arrays nested more than 64 levels deep"},
      {"[" + repeat("a.", 50000) + "b]\n", ":652:131: keys, tables or arrays nested more than 64 levels deep"},
      {"x = " + repeat("[", 50000) + "\n", ":652:69: keys, tables or arrays nested more than 64 levels deep"},
      {"x = " + repeat("{ a = ", 50000) + "\n", "nested more than 64 levels deep"},
      {"x = \"" + repeat("[", 50000) + "\"\n", "unknown key 'x'"},  // inside a string, brackets are text
  };
  for (const auto& [tail, expected] : deep) {
    INFO(tail.substr(0, 20));
    write_file(facts, original + "\n" + tail);
    auto r = build();
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(expected) != std::string::npos);
  }

  // A 1 MB key is echoed as at most a line.
  write_file(facts, original + "\n\"" + std::string(1 << 20, 'k') + "\" = 1\n");
  auto long_key = build();
  CHECK(long_key.exit_code == 3);
  CHECK(long_key.err.size() < 2000);
  write_file(facts, original);

  // The same quote twice in one list.
  replace_once(facts, "quote = \"Prime Minister Shehbaz Sharif of Pakistan\"\n\n[[holding]]",
               "quote = [\"Prime Minister Shehbaz Sharif of Pakistan\", \"Prime Minister Shehbaz Sharif of Pakistan\"]\n\n[[holding]]");
  auto twice = build();
  CHECK(twice.exit_code == 3);
  CHECK(twice.err.find("the same quote twice in one list") != std::string::npos);
  write_file(facts, original);

  // A NUL byte in the article, with its line and column.
  auto article = seed / "sco-summit-astana-2024/article.txt";
  auto text = read_file(article);
  write_file(article, text.substr(0, 10) + std::string(1, '\0') + text.substr(10));
  auto nul = build();
  CHECK(nul.exit_code == 3);
  CHECK(nul.err.find("article.txt:1:11: a NUL byte") != std::string::npos);

  // A quote in another Unicode normalization than the article: not found, with the reason.
  write_file(article, text + "\nThe Caf\u00e9 summit.\n");
  replace_once(facts, "quote = \"Prime Minister Shehbaz Sharif of Pakistan\"\n\n[[holding]]",
               "quote = \"Prime Minister Shehbaz Sharif of Pakistan\"\n\n[[place]]\nid = \"cafe\"\nname = \"Cafe\"\n"
               "quote = \"The Cafe\u0301 summit\"\n\n[[holding]]");
  auto nfd = build();
  CHECK(nfd.exit_code == 3);
  CHECK(nfd.err.find("quote not found") != std::string::npos);
  CHECK(nfd.err.find("Unicode normalization form NFC") != std::string::npos);
}

TEST_CASE("hostile: the reading library leaves the process's memory limits to the program", "[hostile][limits]") {
  TempDir dir;
  auto db = build_real_db(dir.path());
  auto before = sqlite3_hard_heap_limit64(-1);
  {
    Database reader(db);
    reader.run_canned("stand-ins");
    CHECK(sqlite3_hard_heap_limit64(-1) == before);  // a program that links the library keeps its own policy
  }
  CHECK(sqlite3_hard_heap_limit64(-1) == before);
}

TEST_CASE("hostile: a seed file that cannot be read is exit 4, not a problem of the data", "[hostile][seed]") {
  TempDir dir;
  auto seed = copy_real_seed(dir.path());
  fs::permissions(dir.path(), fs::perms::all);  // the user below must reach it
  for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
    fs::permissions(entry.path(), fs::perms::all);
  fs::permissions(seed / "sco-summit-astana-2024/facts.toml", fs::perms::none);
  // Root reads any file: as root, the build runs as nobody.
  std::string as_user = ::geteuid() == 0 ? "su nobody -s /bin/sh -c " : "sh -c ";
  // No such user, or the binary out of its reach (a build folder under a
  // private home): nothing to show here.
  if (shell(as_user + "'test -x \"" FACTDB_BINARY "\"'", dir.path()).exit_code != 0) return;
  auto r = shell(as_user + "'\"" FACTDB_BINARY "\" build --seed seed -o x.db'", dir.path());
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("facts.toml: cannot be read: Permission denied") != std::string::npos);
}
