// End to end: the built factdb binary, run as a user runs it.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <nlohmann/json.hpp>

#include <sstream>

#include "factdb/database.h"
#include "factdb/text.h"
#include "helpers.h"

using namespace factdb::testing;
using nlohmann::json;

namespace {

// A folder with facts.db built by the CLI from the real seed.
struct Workspace {
  TempDir dir;
  Workspace() {
    auto r = run_factdb({"build", "--seed", real_seed().string(), "-o", "facts.db"}, dir.path());
    REQUIRE(r.exit_code == 0);
  }
  RunResult operator()(const std::vector<std::string>& args) const { return run_factdb(args, dir.path()); }
};

}  // namespace

TEST_CASE("cli: build writes facts.db and prints counts per table", "[cli]") {
  TempDir dir;
  auto r = run_factdb({"build", "--seed", real_seed().string()}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "facts.db"));
  CHECK(r.out.find("wrote facts.db") != std::string::npos);
  CHECK(r.out.find("attendance") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("cli: build --timings says on stderr where the time went, --quiet keeps stdout empty", "[cli]") {
  TempDir dir;
  auto r = run_factdb({"build", "--seed", real_seed().string(), "--quiet", "--timings"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  for (const char* phase : {"read, check and stage the articles", "sort the staged rows into their tables",
                            "create the indexes", "check the file written",
                            "count, flush to disk and rename"})
    CHECK(r.err.find(phase) != std::string::npos);
}

TEST_CASE("cli: query stand-ins answers the headline question", "[cli][headline]") {
  Workspace ws;
  auto r = ws({"query", "stand-ins"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Shehbaz Sharif") != std::string::npos);
  CHECK(r.out.find("Mohammad Mokhbar") != std::string::npos);
  CHECK(r.out.find("Vladimir Putin") == std::string::npos);
}

TEST_CASE("cli: an unknown article, event, query or parameter is an error naming the closest, never an empty answer",
          "[cli]") {
  Workspace ws;
  auto article = ws({"query", "stand-ins", "-p", "article=sco-summit"});
  CHECK(article.exit_code == 2);
  CHECK(article.out.empty());
  CHECK(article.err == "factdb: no article 'sco-summit' in the database; the closest:\n  sco-summit-astana-2024\n");
  auto event = ws({"query", "attendees", "-p", "event=sco-sumit-astana-2024"});
  CHECK(event.exit_code == 2);
  CHECK(event.err.find("no event 'sco-sumit-astana-2024' in the database; the closest:\n  sco-summit-astana-2024") !=
        std::string::npos);
  auto far = ws({"query", "stand-ins", "-p", "article=the-times"});
  CHECK(far.exit_code == 2);
  CHECK(far.err.find("it has: sco-summit-astana-2024") != std::string::npos);
  auto digits = ws({"why", "stand-ins", "-p", "article=2024"});  // an id of digits is still an id, and unknown
  CHECK(digits.exit_code == 2);
  auto query = ws({"query", "stnad-ins"});
  CHECK(query.exit_code == 2);
  CHECK(query.err == "factdb: no canned query named 'stnad-ins'; did you mean stand-ins?\n");
  auto param = ws({"query", "stand-ins", "-p", "evnet=x"});
  CHECK(param.exit_code == 2);
  CHECK(param.err == "factdb: query 'stand-ins' has no parameter 'evnet'; did you mean event?\n");
  CHECK(ws({"query", "stand-ins", "-p", "article=sco-summit-astana-2024"}).exit_code == 0);
}

TEST_CASE("cli: a command line that does not parse is told in words, with the closest command, option or value",
          "[cli]") {
  Workspace ws;
  auto check = [&](const std::vector<std::string>& args, const std::string& expected) {
    auto r = ws(args);
    INFO(expected);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("factdb: " + expected, 0) == 0);
  };
  check({}, "which command? one of: new, build, queries, query,");
  check({"quer"}, "no command 'quer'; did you mean query?");
  check({"bild", "--seed", "x"}, "no command 'bild'; did you mean build?");
  check({"query", "stand-ins", "-f", "jsn"},
        "--format: must be one of table, csv, tsv, json, jsonl or markdown, not 'jsn'; did you mean json?");
  check({"query", "stand-ins", "--timeout-ms", "abc"}, "--timeout-ms: must be a whole number \u2265 0, not 'abc'");
  check({"query", "stand-ins", "--max-memory-mb", "-1"}, "--max-memory-mb: must be a whole number \u2265 0, not '-1'");
  check({"search", "Kashmir", "-n", "0"}, "--limit: must be a whole number \u2265 1, not '0'");
  check({"query", "stand-ins", "--fromat", "json"}, "no option '--fromat'; did you mean --format?");
  check({"export", "--format", "postgre", "-o", "x"}, "--format: must be one of");
  CHECK(ws({"query", "stand-ins", "--timeout-ms", "0"}).exit_code == 0);
}

TEST_CASE("cli: query without a name lists the queries, and queries NAME shows one in full", "[cli]") {
  Workspace ws;
  auto list = ws({"query", "-f", "tsv"});
  CHECK(list.exit_code == 0);
  CHECK(list.out.rfind("name\ttitle\tparameters\n", 0) == 0);
  CHECK(list.out.find("\nstand-ins\tLeaders who attended in place of a head of state\t") != std::string::npos);
  CHECK(list.out == ws({"queries", "-f", "tsv"}).out);
  auto one = ws({"queries", "stand-ins", "-f", "json"});
  REQUIRE(one.exit_code == 0);
  auto j = json::parse(one.out);
  CHECK(j["title"] == "Leaders who attended in place of a head of state");
  CHECK(j["parameters"][0]["name"] == "article");
  CHECK(j["parameters"][0]["required"] == false);
  CHECK(j["columns"][0]["name"] == "person");
  CHECK(j["examples"].size() >= 3);
  auto text = ws({"queries", "person"});
  CHECK(text.out.find("parameter    name") != std::string::npos);
  CHECK(text.out.find("text, required: Words of the person's name") != std::string::npos);
  auto unknown = ws({"queries", "stnad-ins"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "factdb: no canned query named 'stnad-ins'; did you mean stand-ins?\n");
}

TEST_CASE("cli: tables fit a width, pick columns, go one record per block, and show NULL as asked", "[cli]") {
  Workspace ws;
  auto widest = [](const std::string& out) {
    std::size_t widest = 0, start = 0;
    for (auto end = out.find('\n'); end != std::string::npos; start = end + 1, end = out.find('\n', start))
      widest = std::max(widest, factdb::text::display_width(std::string_view(out).substr(start, end - start)));
    return widest;
  };
  auto piped = ws({"query", "stand-ins"});
  CHECK(widest(piped.out) > 300);  // a pipe gets the table as wide as it is
  // every canned query, a typical value for a required parameter
  const std::map<std::string, std::string> typical = {{"person", "name=Sharif"}, {"country", "country=Pakistan"},
                                                      {"search", "q=Kashmir"}, {"attended", "who=Sharif"},
                                                      {"organization", "organization=SCO"}};
  int fitted_queries = 0;
  for (const auto& q : factdb::Database(ws.dir / "facts.db").canned_queries()) {
    INFO(q.name);
    std::vector<std::string> args = {"query", q.name, "--width", "100"};
    if (typical.count(q.name)) args.insert(args.end(), {"-p", typical.at(q.name)});
    auto fitted = ws(args);
    CHECK(fitted.exit_code == 0);
    CHECK(widest(fitted.out) <= 100);
    ++fitted_queries;
  }
  CHECK(fitted_queries >= 27);
  CHECK(ws({"query", "stand-ins", "--width", "100", "--wide"}).out == piped.out);
  // A page of the answer: --limit, --offset; why numbers its rows as in the whole answer.
  CHECK(ws({"query", "stand-ins", "--columns", "person", "-f", "tsv", "--limit", "1", "--offset", "1"}).out == "person\nMohammad Mokhbar\n");
  CHECK(ws({"why", "stand-ins", "--limit", "1", "--offset", "1"}).out.rfind("2. person: Mohammad Mokhbar", 0) == 0);
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  auto searched = lines(ws({"search", "the", "-f", "tsv", "--columns", "name"}).out);  // a header, then the results
  auto paged = lines(ws({"search", "the", "-f", "tsv", "--columns", "name", "--limit", "2", "--offset", "1"}).out);
  REQUIRE(searched.size() >= 4);
  CHECK(paged == std::vector<std::string>{searched[0], searched[2], searched[3]});
  auto picked = ws({"query", "stand-ins", "--columns", "person,country", "-f", "tsv"});
  CHECK(picked.out == "person\tcountry\nShehbaz Sharif\tPakistan\nMohammad Mokhbar\tIran\n");
  auto unknown = ws({"query", "stand-ins", "--columns", "persn"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "factdb: --columns: no column 'persn'; did you mean person?\n");
  auto blocks = ws({"query", "stand-ins", "-x", "--columns", "person,office"});
  CHECK(blocks.out == "-[ 1 ]----------------------------------\nperson  Shehbaz Sharif\noffice  Prime Minister\n"
                      "-[ 2 ]----------------------------------\nperson  Mohammad Mokhbar\noffice  acting President\n");
  auto nulls = ws({"query", "offices", "--null", "(null)", "--columns", "person,as_of"});
  CHECK(nulls.out.find("(null)") != std::string::npos);
}

TEST_CASE("cli: the sqlite3 shell's view and factdb query give the same rows", "[cli][headline]") {
  Workspace ws;
  auto shell = run({SQLITE3_SHELL, "-json", "facts.db", "SELECT * FROM stand_ins"}, ws.dir.path());
  REQUIRE(shell.exit_code == 0);
  auto ours = ws({"query", "stand-ins", "--format", "json"});
  REQUIRE(ours.exit_code == 0);
  auto a = json::parse(shell.out);
  auto b = json::parse(ours.out);
  CHECK(a.size() == 2);
  // The shell gives the text SQL returns; factdb's JSON the array that text writes.
  for (auto& row : a) row["fact_ids"] = json::parse(row["fact_ids"].get<std::string>());
  CHECK(a == b);
  CHECK(b[0]["fact_ids"].is_array());
}

TEST_CASE("cli: every output format is well-formed", "[cli]") {
  Workspace ws;
  auto csv = ws({"query", "attendees", "-f", "csv"});
  CHECK(csv.out.rfind("event,person,office,represents,evidence,fact_ids\r\n", 0) == 0);
  auto jsonl = ws({"query", "attendees", "-f", "jsonl"});
  std::istringstream lines(jsonl.out);
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) CHECK(json::parse(line).contains("person"));
  CHECK(n == 9);
  auto md = ws({"query", "meetings", "-f", "markdown"});
  CHECK(md.out.rfind("| participants | subject | place | event | evidence | fact_ids |", 0) == 0);
  auto tsv = ws({"query", "tensions", "-f", "tsv"});
  CHECK(tsv.out.find("India and Pakistan\tthe Kashmir conflict") != std::string::npos);
  auto parsed = json::parse(ws({"query", "attendees", "-f", "json"}).out);
  CHECK(parsed.size() == 9);
  CHECK(parsed[0].contains("person"));
  auto table = ws({"query", "attendees", "-f", "table"}).out;
  CHECK(table.rfind("event ", 0) == 0);
  CHECK(std::count(table.begin(), table.end(), '\n') == 2 + 9);  // header, rule, a line per row
  auto bad = ws({"query", "attendees", "-f", "xml"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("cli: queries lists every canned query with its parameters", "[cli]") {
  Workspace ws;
  auto r = ws({"queries", "-f", "json"});
  REQUIRE(r.exit_code == 0);
  auto list = json::parse(r.out);
  CHECK(list.size() >= 12);
  bool found_person = false;
  for (const auto& q : list)
    if (q["name"] == "person") found_person = q["parameters"].get<std::string>().find("name (text, required)") == 0;
  CHECK(found_person);
}

TEST_CASE("cli: query parameters and sql parameters, with clear usage errors", "[cli]") {
  Workspace ws;
  auto mokhber = ws({"query", "person", "-p", "name=Mokhber", "-f", "json"});
  CHECK(mokhber.exit_code == 0);
  CHECK(json::parse(mokhber.out).at(0)["person"] == "Mohammad Mokhbar");
  auto missing = ws({"query", "person"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("needs -p name=VALUE") != std::string::npos);
  auto malformed = ws({"query", "person", "-p", "name"});
  CHECK(malformed.exit_code == 2);
  auto nobody = ws({"query", "person", "-p", "name=Mokhbr"});
  CHECK(nobody.exit_code == 2);
  CHECK(nobody.out.empty());
  CHECK(nobody.err == "factdb: no person named 'Mokhbr' in the database; the closest: Mokhbar, Mokhber\n");
  auto several = ws({"query", "person", "-p", "name=Sh", "-f", "csv"});
  CHECK(several.exit_code == 0);
  CHECK(several.err == "factdb: note: 'Sh' fits 2 names (person): Shavkat Mirziyoyev, Shehbaz Sharif; the answer holds them all\n");
  auto sql = ws({"sql", "SELECT name FROM entity WHERE id = :id", "-p", "id=iran", "-f", "csv"});
  CHECK(sql.exit_code == 0);
  CHECK(sql.out == "name\r\nIran\r\n");
}

TEST_CASE("cli: sql is read-only, refusals exit 5 and change nothing", "[cli]") {
  Workspace ws;
  auto before = read_file(ws.dir / "facts.db");
  auto r = ws({"sql", "DELETE FROM attendance"});
  CHECK(r.exit_code == 5);
  CHECK(r.err.find("refused") != std::string::npos);
  CHECK(ws({"sql", "ATTACH 'x.db' AS x"}).exit_code == 5);
  CHECK(ws({"sql", "SELECT nonsense FROM"}).exit_code == 5);
  CHECK(read_file(ws.dir / "facts.db") == before);
  CHECK_FALSE(fs::exists(ws.dir / "x.db"));
}

TEST_CASE("cli: documented exit codes for missing files, bad databases and bad usage", "[cli]") {
  TempDir dir;
  auto missing = run_factdb({"query", "stand-ins", "--db", "nope.db"}, dir.path());
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("nope.db") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "nope.db"));
  write_file(dir / "junk.db", "junk junk junk junk junk junk junk junk junk junk junk junk junk junk");
  CHECK(run_factdb({"query", "stand-ins", "--db", "junk.db"}, dir.path()).exit_code == 3);
  CHECK(run_factdb({"no-such-command"}, dir.path()).exit_code == 2);
  CHECK(run_factdb({}, dir.path()).exit_code == 2);
  CHECK(run_factdb({"build", "--seed", "no-such-seed"}, dir.path()).exit_code == 4);
}

TEST_CASE("cli: a bad seed exits 3 with file and line, and keeps the previous database", "[cli][atomic]") {
  Workspace ws;
  auto before = read_file(ws.dir / "facts.db");
  auto seed = copy_real_seed(ws.dir.path());
  replace_once(seed / "sco-summit-astana-2024" / "facts.toml", "status = \"acceding\"", "status = \"almost\"");
  auto r = ws({"build", "--seed", "seed", "-o", "facts.db"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("seed/sco-summit-astana-2024/facts.toml:") != std::string::npos);
  CHECK(r.err.find("'status' is \"almost\"; expected one of:") != std::string::npos);
  CHECK(r.out.empty());
  CHECK(read_file(ws.dir / "facts.db") == before);
  CHECK(temporary_files(ws.dir.path()).empty());
}

TEST_CASE("cli: check passes on a fresh database and fails on a tampered one", "[cli]") {
  Workspace ws;
  auto ok = ws({"check"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("FAILED") == std::string::npos);
  SQLite::Database fresh((ws.dir / "facts.db").string(), SQLite::OPEN_READONLY);
  auto spans = fresh.execAndGet("SELECT count(*) FROM evidence").getInt64();
  CHECK(ok.out.find(fmt::format("all {} spans match their article verbatim", spans)) != std::string::npos);
  {
    SQLite::Database db((ws.dir / "facts.db").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE evidence SET quote = replace(quote, 'Sharif', 'Sharaf') WHERE quote LIKE '%Sharif%'");
  }
  auto bad = ws({"check"});
  CHECK(bad.exit_code == 3);
  CHECK(bad.out.find("evidence        FAILED") != std::string::npos);
  {
    SQLite::Database db((ws.dir / "facts.db").string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  auto newer = ws({"check"});
  CHECK(newer.exit_code == 3);
  CHECK(newer.err.find("schema version 99, but this factdb reads version " + std::to_string(factdb::kSchemaVersion) + "; upgrade factdb") !=
        std::string::npos);
  {
    SQLite::Database db((ws.dir / "facts.db").string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 1");
  }
  auto older = ws({"query", "stand-ins"});
  CHECK(older.exit_code == 3);
  CHECK(older.err.find("rebuild the database with 'factdb build'") != std::string::npos);
}

TEST_CASE("cli: check finds a reference to a row that is not there, whatever order the rows are in", "[cli]") {
  TempDir dir;
  auto built = build_real_db(dir.path());
  auto check_after = [&](const std::string& sql) {
    auto copy = dir / "tampered.db";
    fs::copy_file(built, copy, fs::copy_options::overwrite_existing);
    {
      SQLite::Database db(copy.string(), SQLite::OPEN_READWRITE);
      db.exec(sql);
    }
    auto r = run_factdb({"check", "--db", copy.string()});
    auto line = r.out.substr(r.out.find("foreign keys"));
    return std::make_pair(r.exit_code, line.substr(0, line.find('\n')));
  };
  CHECK(check_after("SELECT 1") == std::make_pair(0, std::string("foreign keys    ok      every reference resolves")));
  // A fact some statement rests on; a span two citations quote; the statement a citation belongs to (two columns).
  auto fact = check_after("DELETE FROM fact WHERE id = (SELECT fact_id FROM statement LIMIT 1)");
  CHECK(fact.first == 3);
  CHECK(fact.second.find("FAILED") != std::string::npos);
  CHECK(fact.second.find("refers to a missing fact") != std::string::npos);
  auto span = check_after("UPDATE citation SET evidence_id = 424242 WHERE (fact_id, article_id, evidence_id) IN "
                          "(SELECT fact_id, article_id, evidence_id FROM citation LIMIT 2)");
  CHECK(span.first == 3);
  CHECK(span.second.find("2 dangling reference(s); for one: citation (evidence_id) = (424242) refers to a missing evidence") !=
        std::string::npos);
  auto statement = check_after("DELETE FROM statement WHERE (fact_id, article_id) IN (SELECT fact_id, article_id FROM citation LIMIT 1)");
  CHECK(statement.first == 3);
  CHECK(statement.second.find("citation (fact_id, article_id) = (") != std::string::npos);
  CHECK(statement.second.find("refers to a missing statement") != std::string::npos);
  // Not read itself (the reference to statement, and statement's to article, imply it), still found.
  auto article = check_after("UPDATE citation SET article_id = 'nowhere' WHERE (fact_id, article_id, evidence_id) IN "
                             "(SELECT fact_id, article_id, evidence_id FROM citation LIMIT 1)");
  CHECK(article.first == 3);
  CHECK(article.second.find("1 dangling reference(s); for one: citation (fact_id, article_id) = (") != std::string::npos);
  CHECK(article.second.find(", nowhere) refers to a missing statement") != std::string::npos);
}

TEST_CASE("cli: --version and --help on every subcommand", "[cli]") {
  TempDir dir;
  auto version = run_factdb({"--version"}, dir.path());
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("factdb ", 0) == 0);
  // Every subcommand the top-level help lists, not a list kept here.
  auto top = run_factdb({"--help"}, dir.path());
  std::istringstream lines(top.out.substr(top.out.find("Subcommands:")));
  std::vector<std::string> subcommands;
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("  ", 0) == 0) subcommands.push_back(line.substr(2, line.find(' ', 2) - 2));
  CHECK(subcommands.size() == 14);
  for (const auto& sub : subcommands) {
    auto help = run_factdb({sub, "--help"}, dir.path());
    INFO(sub);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Usage: ") != std::string::npos);
    CHECK(help.out.find(" " + sub) != std::string::npos);
  }
}

TEST_CASE("cli: sql reads the statement from standard input when it is left out or -", "[cli]") {
  Workspace ws;
  auto piped = run_factdb({"sql", "-f", "csv"}, ws.dir.path(), "SELECT count(*) AS facts\n  FROM fact;\n");
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == "facts\r\n114\r\n");
  auto dash = run_factdb({"sql", "-", "-f", "csv", "-p", "kind=attendance"}, ws.dir.path(),
                         "SELECT count(*) AS n FROM fact WHERE kind = :kind");
  CHECK(dash.exit_code == 0);
  CHECK(dash.out == "n\r\n9\r\n");
  auto empty = run_factdb({"sql"}, ws.dir.path(), "  \n");
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("standard input held no SQL") != std::string::npos);
  auto write = run_factdb({"sql"}, ws.dir.path(), "DELETE FROM fact");
  CHECK(write.exit_code == 5);
}

TEST_CASE("cli: -o writes a file whole, - is standard output, a missing folder exits 4", "[cli][atomic]") {
  Workspace ws;
  auto to_file = ws({"query", "stand-ins", "-f", "csv", "-o", "stand-ins.csv"});
  CHECK(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  auto to_stdout = ws({"query", "stand-ins", "-f", "csv", "-o", "-"});
  CHECK(read_file(ws.dir / "stand-ins.csv") == to_stdout.out);
  CHECK(to_stdout.out.find("Mohammad Mokhbar") != std::string::npos);
  auto why = ws({"why", "stand-ins", "-f", "json", "-o", "why.json"});
  CHECK(why.exit_code == 0);
  CHECK(json::parse(read_file(ws.dir / "why.json")).size() == 2);
  auto missing = ws({"query", "stand-ins", "-o", "no-such-folder/out.csv"});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("no-such-folder") != std::string::npos);
  // a query that fails leaves the previous file as it was, and no temporary file
  auto failed = ws({"sql", "SELECT * FROM no_such_table", "-o", "stand-ins.csv"});
  CHECK(failed.exit_code == 5);
  CHECK(read_file(ws.dir / "stand-ins.csv") == to_stdout.out);
  CHECK(temporary_files(ws.dir.path()).empty());
}

TEST_CASE("cli: build -o - writes the database to standard output and its report to stderr", "[cli]") {
  TempDir dir;
  auto piped = run_factdb({"build", "--seed", real_seed().string(), "-o", "-"}, dir.path());
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.out.rfind("SQLite format 3", 0) == 0);
  CHECK(piped.err.find("wrote the database to standard output") != std::string::npos);
  auto file = run_factdb({"build", "--seed", real_seed().string(), "-o", "facts.db", "--quiet"}, dir.path());
  REQUIRE(file.exit_code == 0);
  CHECK(piped.out == read_file(dir / "facts.db"));  // the same bytes, wherever it was built
}

TEST_CASE("cli: bash completion offers subcommands, options, their choices and the database's canned queries", "[cli][completion]") {
  Workspace ws;
  auto script = ws({"completion", "bash"});
  REQUIRE(script.exit_code == 0);
  write_file(ws.dir / "factdb.bash", script.out);
  auto complete = [&](const std::string& words, int cword) {
    auto bin = fs::path(FACTDB_BINARY).parent_path().string();
    auto r = run({"bash", "-c",
                  "PATH='" + bin + "':$PATH; source ./factdb.bash; COMP_WORDS=(" + words + "); COMP_CWORD=" +
                      std::to_string(cword) + "; _factdb; printf '%s\\n' \"${COMPREPLY[@]}\""},
                 ws.dir.path());
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  CHECK(complete("factdb qu", 1) == "queries\nquery\n");
  CHECK(complete("factdb query st", 2) == "stances\nstand-ins\n");  // from facts.db's canned_query
  CHECK(complete("factdb query stand-ins --for", 3) == "--format\n");
  CHECK(complete("factdb query stand-ins -f js", 4) == "json\njsonl\n");
  CHECK(complete("factdb graph --format ''", 3) == "dot\nsvg\npng\n");
}

TEST_CASE("cli: zsh completion parses and knows every subcommand, and the man page documents each one", "[cli][completion]") {
  TempDir dir;
  auto zsh = run_factdb({"completion", "zsh", "-o", "_factdb"}, dir.path());
  REQUIRE(zsh.exit_code == 0);
  auto syntax = run({"zsh", "-n", "_factdb"}, dir.path());
  CHECK(syntax.exit_code == 0);
  CHECK(syntax.err.empty());
  auto script = read_file(dir / "_factdb");
  auto man = run_factdb({"manpage"}, dir.path());
  REQUIRE(man.exit_code == 0);
  for (const char* sub : {"build", "queries", "query", "sql", "check", "why", "search", "info", "export", "ask", "graph"}) {
    INFO(sub);
    CHECK(script.find(std::string("'") + sub + ":") != std::string::npos);
    CHECK(man.out.find(std::string(".SS \"factdb ") + sub + " ") != std::string::npos);
  }
  CHECK(man.out.find("\\-\\-timeout\\-ms") != std::string::npos);
  CHECK(man.out.find(".SH EXIT STATUS") != std::string::npos);
  CHECK(man.out.find("(default: \\fBfacts.db\\fR)") != std::string::npos);
  // every canned query, with its parameters
  CHECK(man.out.find(".SH CANNED QUERIES") != std::string::npos);
  for (const char* query : {"stand-ins", "person", "attended", "organization", "search"})
    CHECK(man.out.find(std::string(".B ") + std::regex_replace(query, std::regex("-"), "\\-") + "\n") != std::string::npos);
  CHECK(man.out.find("\\fB\\-p who=\\fR\\fItext\\fR (required)") != std::string::npos);
}

TEST_CASE("cli: every example in the man page runs as written on the seed", "[cli][docs]") {
  TempDir dir;
  fs::copy(real_seed(), dir / "seed", fs::copy_options::recursive);
  auto man = run_factdb({"manpage"}, dir.path()).out;
  auto section = man.substr(man.find(".SH EXAMPLES"));
  section = section.substr(0, section.find(".SH ", 1));
  int ran = 0;
  for (std::size_t at = section.find("\\fBfactdb "); at != std::string::npos; at = section.find("\\fBfactdb ", at + 1)) {
    auto line = section.substr(at + 3, section.find("\\fR\n", at) - at - 3);
    std::string command;  // the roff read back: \- is -, \e is a backslash
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line.compare(i, 2, "\\-") == 0) command += '-', ++i;
      else if (line.compare(i, 2, "\\e") == 0) command += '\\', ++i;
      else command += line[i];
    }
    INFO(command);
    auto r = run({"bash", "-c", "\"$0\" " + command.substr(std::string("factdb ").size()), FACTDB_BINARY}, dir.path());
    CHECK(r.exit_code == 0);
    ++ran;
  }
  CHECK(ran >= 8);
}

TEST_CASE("cli: colour on a terminal only, never with NO_COLOR, never in a pipe or file", "[cli][terminal]") {
  Workspace ws;
  // script(1) gives the command a terminal; its output comes back through a pipe.
  auto on_terminal = [&](const std::string& env, const std::string& command) {
    return run({"sh", "-c", env + " script -qec '" + std::string(FACTDB_BINARY) + " " + command + "' /dev/null"}, ws.dir.path());
  };
  auto coloured = on_terminal("", "check");
  CHECK(coloured.out.find("\x1b[1mcheck\x1b[0m") != std::string::npos);  // the header in bold
  CHECK(coloured.out.find("\x1b[32mok\x1b[0m") != std::string::npos);    // each ok in green
  auto no_colour = on_terminal("NO_COLOR=1", "check");
  CHECK(no_colour.out.find("ok") != std::string::npos);
  CHECK(no_colour.out.find('\x1b') == std::string::npos);
  auto error = on_terminal("", "query no-such-query");
  CHECK(error.out.find("\x1b[1;31mfactdb:\x1b[0m") != std::string::npos);
  auto piped = ws({"check"});
  CHECK(piped.out.find('\x1b') == std::string::npos);
  auto to_file = on_terminal("", "query stand-ins -o out.txt");
  CHECK(read_file(ws.dir / "out.txt").find('\x1b') == std::string::npos);
}

TEST_CASE("cli: build --progress reports articles and phases on stderr, and nothing without it off a terminal", "[cli][terminal]") {
  TempDir dir;
  generate_corpus(dir / "seed", 20);
  auto shown = run_factdb({"build", "--seed", "seed", "-o", "a.db", "--progress", "--quiet"}, dir.path());
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.empty());
  CHECK(shown.err.find("articles 20/20") != std::string::npos);
  CHECK(shown.err.find("create the indexes") != std::string::npos);
  CHECK(shown.err.find("check the file written") != std::string::npos);
  auto silent = run_factdb({"build", "--seed", "seed", "-o", "b.db", "--quiet"}, dir.path());
  CHECK(silent.exit_code == 0);
  CHECK(silent.err.empty());
  auto asked = run_factdb({"ask", "who stood in for a head of state?", "--db", "a.db", "-q"}, dir.path());
  CHECK(asked.exit_code == 0);
  CHECK(asked.err.empty());
}

TEST_CASE("cli: on a terminal a long build shows its progress in place and clears it, a short one shows none", "[cli][terminal]") {
  TempDir dir;
  generate_corpus(dir / "seed", 2000);  // seconds to build, well past the half second before progress shows
  auto on_terminal = [&](const std::string& seed) {
    return run({"script", "-qec", std::string(FACTDB_BINARY) + " build --seed " + seed + " -o out.db", "/dev/null"}, dir.path());
  };
  auto long_build = on_terminal("seed");
  REQUIRE(long_build.exit_code == 0);
  CHECK(long_build.out.find("\r\x1b[Karticles ") != std::string::npos);  // redrawn in place
  CHECK(long_build.out.find("articles 2000/2000") != std::string::npos);
  CHECK(long_build.out.find("wrote out.db") != std::string::npos);
  auto clear = long_build.out.rfind("\r\x1b[K");
  CHECK(clear < long_build.out.find("wrote out.db"));  // cleared before the report
  auto short_build = on_terminal(real_seed().string());
  REQUIRE(short_build.exit_code == 0);
  CHECK(short_build.out.find("articles ") == std::string::npos);
}
