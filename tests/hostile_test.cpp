// The threat model, tried as an attacker would: a .db, a seed folder, a
// parameter, standard input or an output path may come from someone else.
// Nothing in them may run, escape its place, outlast a limit or destroy a file.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "factdb/database.h"
#include "factdb/error.h"
#include "factdb/export.h"
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

TEST_CASE("hostile: export sql writes only factdb's own schema; data cannot reach the sqlite3 shell as a command", "[hostile][export]") {
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
      {"link.txt", "leads out of the article folder through a symbolic link"},
      {"linkdir/secret.txt", "leads out of the article folder through a symbolic link"},
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
}

TEST_CASE("hostile: a failed write to standard output exits 4 with a message; a closed pipe ends quietly", "[hostile][output]") {
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
