// factdb-bench: measures factdb against the limit and against what users would
// otherwise do, side by side in one run on the same machine. Every figure is
// the median of --repeat runs.
//
//   load            factdb build on the corpus, end to end
//   raw             the same rows, already in memory, inserted into the same
//                   schema with prepared statements in one transaction, no checks
//   sqlite3_import  the same rows as CSV, loaded by the sqlite3 shell's .import
//   queries         every canned query on the built database
//   cli / sqlite3   `factdb query stand-ins` against the sqlite3 shell running
//                   the same SQL on the same file, as whole processes
//
// It prints a table and writes a JSON report (--json).
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <cmath>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "factdb/database.h"
#include "factdb/format.h"
#include "factdb/schema.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string factdb, generator, sqlite3, work, json;
  std::string web_test, web_modules, seed;  // the browser test, its npm modules, and the seed it exports
  int articles = 14000;
  int long_paragraphs = 12000;
  int repeat = 3;
  bool load_only = false;  // make bench-scale: the build alone, at a size where the rest would take hours
  std::string compare;     // a report of the full benchmark to set the figures beside
};

// Figures to a precision the machine's noise allows.
double rounded(double x, int digits) {
  double scale = std::pow(10.0, digits);
  return std::round(x * scale) / scale;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Process {
  double seconds = 0;
  long peak_rss_kb = 0;
};

// Runs a command to completion, its output discarded (stdin from `input` if
// given); fails the benchmark if it fails.
Process run(const std::vector<std::string>& args, const std::string& input = "") {
  auto start = Clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = input.empty() ? ::open("/dev/null", O_RDONLY) : ::open(input.c_str(), O_RDONLY);
    int out = ::open("/dev/null", O_WRONLY);
    ::dup2(in, 0);
    ::dup2(out, 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  Process p{seconds_since(start), usage.ru_maxrss};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string command;
    for (const auto& a : args) command += a + " ";
    throw std::runtime_error("failed: " + command);
  }
  return p;
}

std::string shell_word(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// What a shell command writes on standard output; fails the benchmark if it fails.
std::string output_of(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string out;
  char buffer[4096];
  while (auto n = std::fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
  if (::pclose(pipe.release()) != 0) throw std::runtime_error("failed: " + command + "\n" + out);
  return out;
}

// Every row of every table a build fills, as stored: the input of the raw and
// sqlite3 baselines. FTS5's own shadow tables are filled by inserting into
// search_index and name_index, as the build does.
struct Table {
  std::string name;
  std::vector<std::string> columns;  // insertable ones: generated columns left out
  std::vector<bool> nullable;
  std::vector<std::vector<std::string>> text;  // each value as text ...
  std::vector<std::vector<bool>> is_null;      // ... or NULL
  std::vector<std::vector<int>> type;          // and its SQLite type
};

std::vector<Table> read_rows(const fs::path& db_path) {
  SQLite::Database db(db_path.string());
  std::vector<Table> tables;
  SQLite::Statement list(db, fmt::format("SELECT name FROM ({}) WHERE type = 'table' ORDER BY position", factdb::kOwnObjectsSql));
  while (list.executeStep()) tables.push_back({list.getColumn(0).getString(), {}, {}, {}, {}, {}});
  for (auto& t : tables) {
    SQLite::Statement info(db, "SELECT name, \"notnull\" = 0 AND pk = 0 FROM pragma_table_xinfo(?) WHERE hidden = 0");
    info.bind(1, t.name);
    while (info.executeStep()) {
      t.columns.push_back(info.getColumn(0).getString());
      t.nullable.push_back(info.getColumn(1).getInt() != 0);
    }
    std::string cols;
    for (const auto& c : t.columns) cols += (cols.empty() ? "\"" : ", \"") + c + "\"";
    SQLite::Statement rows(db, "SELECT " + cols + " FROM \"" + t.name + "\"");  // in storage order
    while (rows.executeStep()) {
      std::vector<std::string> values;
      std::vector<bool> nulls;
      std::vector<int> types;
      for (int i = 0; i < rows.getColumnCount(); ++i) {
        auto c = rows.getColumn(i);
        nulls.push_back(c.isNull());
        types.push_back(c.getType());
        values.push_back(c.isNull() ? std::string() : c.getString());
      }
      t.text.push_back(std::move(values));
      t.is_null.push_back(std::move(nulls));
      t.type.push_back(std::move(types));
    }
  }
  return tables;
}

// The schema of the built file: its tables (the FTS table included; its
// shadow tables follow from it), and apart, its secondary indexes, which the
// baselines too create after their bulk insert, the fastest way.
struct Schema {
  std::string tables, indexes;
};

Schema schema_of(const fs::path& db_path) {
  SQLite::Database db(db_path.string());
  Schema schema;
  SQLite::Statement stmt(db,
                         "SELECT type, sql FROM sqlite_schema WHERE sql IS NOT NULL AND type IN ('table', 'index') "
                         "AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow') ORDER BY rowid");
  while (stmt.executeStep())
    (stmt.getColumn(0).getString() == "table" ? schema.tables : schema.indexes) += stmt.getColumn(1).getString() + ";\n";
  return schema;
}

// The raw baseline: prepared statements, one transaction, nothing else.
double insert_raw(const std::vector<Table>& tables, const Schema& schema, const fs::path& target) {
  fs::remove(target);
  SQLite::Database db(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  db.exec(schema.tables);
  auto start = Clock::now();
  SQLite::Transaction transaction(db);
  for (const auto& t : tables) {
    std::string cols, marks;
    for (const auto& c : t.columns) {
      cols += (cols.empty() ? "\"" : ", \"") + c + "\"";
      marks += marks.empty() ? "?" : ", ?";
    }
    SQLite::Statement insert(db, "INSERT INTO \"" + t.name + "\" (" + cols + ") VALUES (" + marks + ")");
    for (std::size_t r = 0; r < t.text.size(); ++r) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        int i = static_cast<int>(c) + 1;
        if (t.is_null[r][c]) insert.bind(i);
        else if (t.type[r][c] == SQLITE_INTEGER) insert.bind(i, static_cast<std::int64_t>(std::stoll(t.text[r][c])));
        else insert.bindNoCopy(i, t.text[r][c]);
      }
      insert.exec();
      insert.reset();
    }
  }
  db.exec(schema.indexes);
  transaction.commit();
  return seconds_since(start);
}

// The same rows as CSV files, and the sqlite3 script a user would write to
// load them: .import into a staging table (the shell cannot fill a table with
// a generated column, nor tell NULL from an empty field), then INSERT ... SELECT.
std::string write_import(const std::vector<Table>& tables, const Schema& schema, const fs::path& dir) {
  fs::create_directories(dir);
  std::string script = "PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\nBEGIN;\n";
  for (const auto& t : tables) {
    auto file = dir / (t.name + ".csv");
    {  // the same RFC 4180 CSV as factdb writes
      factdb::ResultSet rows{t.columns, {}};
      rows.rows.reserve(t.text.size());
      for (std::size_t r = 0; r < t.text.size(); ++r) {
        std::vector<factdb::Value> row;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
          row.push_back(t.is_null[r][c] ? factdb::Value(nullptr) : factdb::Value(t.text[r][c]));
        rows.rows.push_back(std::move(row));
      }
      std::ofstream out(file, std::ios::binary);
      factdb::write_result(out, rows, factdb::Format::csv);
    }
    std::string select;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const auto& name = t.columns[c];
      auto quoted = "\"" + name + "\"";
      select += (select.empty() ? "" : ", ") + (t.nullable[c] ? "nullif(" + quoted + ", '')" : quoted);
    }
    std::string cols;
    for (const auto& c : t.columns) cols += (cols.empty() ? "\"" : ", \"") + c + "\"";
    script += "CREATE TEMP TABLE staging (" + cols + ");\n";
    script += ".import --csv --skip 1 " + file.string() + " staging\n";
    script += "INSERT INTO \"" + t.name + "\" (" + cols + ") SELECT " + select + " FROM staging;\n";
    script += "DROP TABLE staging;\n";
  }
  return script + schema.indexes + "COMMIT;\n";
}

// make bench-scale: the build of a corpus ten times the size, beside the
// figures of the benchmark's own corpus. Rows are counted in the file, not
// read into memory as the full benchmark does for its raw inserts.
int report_growth(const Options& o, const fs::path& db, double load_s, long peak_rss_kb) {
  SQLite::Database file(db.string(), SQLite::OPEN_READONLY);
  auto fact_rows = file.execAndGet("SELECT (SELECT count(*) FROM fact) + (SELECT count(*) FROM evidence)").getInt64();
  nlohmann::ordered_json report;
  report["articles"] = o.articles;
  report["fact_rows"] = fact_rows;
  report["db_mb"] = rounded(static_cast<double>(fs::file_size(db)) / (1 << 20), 2);
  report["load_s"] = rounded(load_s, 4);
  report["peak_rss_mb"] = rounded(static_cast<double>(peak_rss_kb) / 1024, 1);
  factdb::ResultSet table{{"measure", "this run", "smaller run", "ratio"}, {}};
  nlohmann::json smaller;
  if (!o.compare.empty() && fs::exists(o.compare)) std::ifstream(o.compare) >> smaller;
  for (const auto& [key, value] : report.items()) {
    auto measured = value.is_number_integer() ? factdb::Value(value.get<std::int64_t>()) : factdb::Value(value.get<double>());
    std::vector<factdb::Value> row{key, measured, nullptr, nullptr};
    if (smaller.contains(key) && smaller[key].get<double>() > 0) {
      row[2] = smaller[key].get<double>();
      row[3] = rounded(value.get<double>() / smaller[key].get<double>(), 2);
    }
    table.rows.push_back(std::move(row));
  }
  if (smaller.contains("load_s") && smaller.contains("fact_rows")) {
    // 1.0: load time grows in proportion to the rows; above it, faster than linear
    double per_row = load_s / static_cast<double>(fact_rows);
    double smaller_per_row = smaller["load_s"].get<double>() / smaller["fact_rows"].get<double>();
    report["load_growth"] = rounded(per_row / smaller_per_row, 3);
    table.rows.push_back({std::string("load_growth"), report["load_growth"].get<double>(), nullptr, nullptr});
  }
  report["repeat"] = 1;
  std::ofstream(o.json) << report.dump(2) << '\n';
  factdb::write_result(std::cout, table, factdb::Format::table);
  std::cout << "report: " << o.json << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"factdb benchmark"};
  Options o;
  app.add_option("--factdb", o.factdb, "The factdb binary")->required();
  app.add_option("--generator", o.generator, "The factdb-gen-corpus binary")->required();
  app.add_option("--sqlite3", o.sqlite3, "The sqlite3 shell")->default_val("sqlite3");
  app.add_option("--work", o.work, "Working folder; the corpus is cached there")->required();
  app.add_option("--articles", o.articles, "Articles in the corpus")->capture_default_str();
  app.add_option("--long-paragraphs", o.long_paragraphs, "Paragraphs of the one long article built on its own")
      ->capture_default_str();
  app.add_option("--repeat", o.repeat, "Runs per figure; the median is reported")->capture_default_str();
  app.add_option("--json", o.json, "Where to write the JSON report")->required();
  app.add_option("--web-test", o.web_test, "tests/web/browser_test.mjs: measure how soon the seed's web page answers");
  app.add_option("--web-modules", o.web_modules, "The folder holding the browser test's node_modules");
  app.add_option("--seed", o.seed, "The seed whose web page is measured")->default_val("seed");
  app.add_flag("--load-only", o.load_only, "Only build the corpus and report its load time, size and peak memory");
  app.add_option("--compare", o.compare, "With --load-only: the JSON report of a smaller run, shown beside");
  CLI11_PARSE(app, argc, argv);

  try {
    fs::path work(o.work);
    fs::create_directories(work);
    // Named for the generator's version too: a corpus of an older generator is not reused.
    auto corpus = work / ("corpus-v2-" + std::to_string(o.articles));
    if (!fs::exists(corpus / "sources.toml")) run({o.generator, "--articles", std::to_string(o.articles), "-o", corpus.string()});
    auto db = work / "bench.db";

    // load, with the peak memory of the build process
    std::vector<double> load;
    long peak_rss_kb = 0;
    for (int i = 0; i < o.repeat; ++i) {
      auto p = run({o.factdb, "build", "--seed", corpus.string(), "-o", db.string(), "--quiet"});
      load.push_back(p.seconds);
      peak_rss_kb = std::max(peak_rss_kb, p.peak_rss_kb);
    }

    if (o.load_only) return report_growth(o, db, median(load), peak_rss_kb);

    auto tables = read_rows(db);
    auto schema = schema_of(db);
    std::int64_t fact_rows = 0, all_rows = 0;
    for (const auto& t : tables) {
      all_rows += static_cast<std::int64_t>(t.text.size());
      if (t.name == "fact" || t.name == "evidence") fact_rows += static_cast<std::int64_t>(t.text.size());
    }

    std::vector<double> raw;
    for (int i = 0; i < o.repeat; ++i) raw.push_back(insert_raw(tables, schema, work / "raw.db"));

    auto script = write_import(tables, schema, work / "csv");
    std::ofstream(work / "import.sql") << script;
    std::vector<double> import;
    for (int i = 0; i < o.repeat; ++i) {
      fs::remove(work / "import.db");
      {
        SQLite::Database fresh((work / "import.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        fresh.exec(schema.tables);
      }
      import.push_back(run({o.sqlite3, (work / "import.db").string()}, (work / "import.sql").string()).seconds);
    }

    // every canned query twice: over the whole corpus (a typical value for
    // required parameters: a name from the corpus, a word of its passages),
    // and narrowed to one article, as a reader of that article would ask.
    // Whole answers of hundreds of thousands of rows outlast the 10 s a
    // command is allowed by default: the benchmark times them all the same.
    factdb::Limits no_limit;
    no_limit.timeout_ms = 0;
    factdb::Database reader(db, no_limit);
    auto first_name = [&](const char* kind) {
      auto r = reader.run_sql("SELECT name FROM entity WHERE kind = :kind ORDER BY id LIMIT 1", {{"kind", kind}});
      return std::get<std::string>(r.rows.at(0).at(0));
    };
    auto middle_article = std::get<std::string>(
        reader.run_sql("SELECT id FROM article ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM article)").rows.at(0).at(0));
    const std::map<std::string, factdb::ParamValues> typical = {{"person", {{"name", first_name("person")}}},
                                                                {"country", {{"country", first_name("country")}}},
                                                                {"search", {{"q", "summit"}}},
                                                                {"attended", {{"who", first_name("person")}}},
                                                                {"organization", {{"organization", first_name("organization")}}}};
    // A page or one article takes milliseconds, where a neighbour's burst on
    // a shared machine can double one run: those get more runs than the
    // whole answers, whose median of --repeat is steady.
    auto time_ms = [&](const std::string& name, const factdb::ParamValues& params, std::size_t& rows, factdb::Page page = {},
                       int runs = 0) {
      std::vector<double> times;
      for (int i = 0; i < std::max(runs, o.repeat); ++i) {
        auto start = Clock::now();
        rows = reader.run_canned(name, params, page).rows.size();
        times.push_back(seconds_since(start) * 1000);
      }
      return median(times);
    };
    constexpr int kShortRuns = 7;
    nlohmann::ordered_json query_ms = nlohmann::ordered_json::object();
    double slowest_ms = 0, slowest_article_ms = 0, slowest_page_ms = 0;
    std::string slowest, slowest_article, slowest_page;
    for (const auto& q : reader.canned_queries()) {
      auto params = typical.count(q.name) ? typical.at(q.name) : factdb::ParamValues{};
      std::size_t rows = 0, article_rows = 0;
      auto ms = time_ms(q.name, params, rows);
      auto& entry = query_ms[q.name];
      entry["ms"] = rounded(ms, 3);
      entry["rows"] = rows;
      if (ms > slowest_ms) slowest_ms = ms, slowest = q.name;
      // the first page a person or an app asks for: 1,000 rows of the whole corpus
      std::size_t page_rows = 0;
      auto page_ms = time_ms(q.name, params, page_rows, factdb::Page{0, 1000}, kShortRuns);
      entry["first_page_ms"] = rounded(page_ms, 3);
      if (page_ms > slowest_page_ms) slowest_page_ms = page_ms, slowest_page = q.name;
      bool by_article = std::any_of(q.params.begin(), q.params.end(), [](const auto& p) { return p.name == "article"; });
      if (!by_article) continue;
      params.emplace_back("article", middle_article);
      auto article_ms = time_ms(q.name, params, article_rows, {}, kShortRuns);
      entry["one_article_ms"] = rounded(article_ms, 3);
      entry["one_article_rows"] = article_rows;
      if (article_ms > slowest_article_ms) slowest_article_ms = article_ms, slowest_article = q.name;
    }

    // start-up: the whole process, factdb against the sqlite3 shell on the same SQL
    auto stored = reader.run_sql("SELECT sql FROM canned_query WHERE name = 'stand-ins'");
    auto stand_ins_sql = factdb::sql_with_null_params(std::get<std::string>(stored.rows.at(0).at(0)));
    std::vector<double> cli, shell;
    for (int i = 0; i < std::max(o.repeat, 5); ++i) {
      cli.push_back(run({o.factdb, "query", "stand-ins", "--db", db.string(), "-f", "csv"}).seconds);
      shell.push_back(run({o.sqlite3, "-csv", "-header", db.string(), stand_ins_sql}).seconds);
    }

    // One long article, and one an eighth as long: the build of a single
    // article must grow no faster than its text.
    auto build_long = [&](int paragraphs) {
      auto seed = work / ("long-" + std::to_string(paragraphs));
      if (!fs::exists(seed / "sources.toml"))
        run({o.generator, "--articles", "1", "--paragraphs", std::to_string(paragraphs), "-o", seed.string()});
      std::vector<double> times;
      for (int i = 0; i < o.repeat; ++i)
        times.push_back(run({o.factdb, "build", "--seed", seed.string(), "-o", (work / "long.db").string(), "--quiet"}).seconds);
      return median(times);
    };
    auto long_s = build_long(o.long_paragraphs);
    auto eighth_s = build_long(std::max(1, o.long_paragraphs / 8));

    nlohmann::ordered_json report;
    report["articles"] = o.articles;
    report["fact_rows"] = fact_rows;
    report["all_rows"] = all_rows;
    report["db_mb"] = rounded(static_cast<double>(fs::file_size(db)) / (1 << 20), 2);
    report["load_s"] = rounded(median(load), 4);
    report["raw_s"] = rounded(median(raw), 4);
    report["sqlite3_import_s"] = rounded(median(import), 4);
    report["load_vs_raw"] = rounded(median(load) / median(raw), 3);
    report["load_vs_sqlite3_import"] = rounded(median(load) / median(import), 3);
    report["peak_rss_mb"] = rounded(static_cast<double>(peak_rss_kb) / 1024, 1);
    report["slowest_canned_query_ms"] = rounded(slowest_ms, 3);
    report["slowest_canned_query"] = slowest;
    report["slowest_first_page_ms"] = rounded(slowest_page_ms, 3);
    report["slowest_first_page_query"] = slowest_page;
    report["slowest_one_article_query_ms"] = rounded(slowest_article_ms, 3);
    report["slowest_one_article_query"] = slowest_article;
    report["canned_query_ms"] = query_ms;
    report["long_article_paragraphs"] = o.long_paragraphs;
    report["long_article_build_s"] = rounded(long_s, 4);
    report["long_article_growth"] = rounded(long_s / eighth_s / 8, 3);  // 1.0: linear in the article's length
    report["cli_s"] = rounded(median(cli), 4);
    report["sqlite3_s"] = rounded(median(shell), 4);
    report["cli_vs_sqlite3"] = rounded(median(cli) / median(shell), 3);
    if (!o.web_test.empty()) {
      // The seed's page in Chromium: the median of five loads, from the start
      // of the page's load to its first answer on screen.
      auto measured = output_of("node " + shell_word(o.web_test) + " " + shell_word(o.factdb) + " " + shell_word(o.seed) + " " +
                                shell_word(o.web_modules) + " --load-time");
      auto value = [&](const std::string& key) {
        auto at = measured.find(key + " ");
        if (at == std::string::npos) throw std::runtime_error("the browser test did not report " + key + ": " + measured);
        return std::stod(measured.substr(at + key.size() + 1));
      };
      report["web_load_ms"] = value("web_load_ms");
      report["web_folder_mb"] = rounded(value("web_folder_bytes") / 1e6, 3);
    }
    report["repeat"] = o.repeat;
    std::ofstream(o.json) << report.dump(2) << '\n';

    factdb::ResultSet table{{"measure", "value"}, {}};
    for (const auto& [key, value] : report.items()) {
      if (value.is_object()) {
        for (const auto& [q, m] : value.items()) {
          auto line = fmt::format("{} ms ({} rows)", m["ms"].get<double>(), m["rows"].get<std::int64_t>());
          if (m.contains("first_page_ms")) line += fmt::format("; first 1,000: {} ms", m["first_page_ms"].get<double>());
          if (m.contains("one_article_ms"))
            line += fmt::format("; one article: {} ms ({} rows)", m["one_article_ms"].get<double>(),
                                m["one_article_rows"].get<std::int64_t>());
          table.rows.push_back({"query " + q, line});
        }
      } else if (value.is_string()) {
        table.rows.push_back({key, value.get<std::string>()});
      } else if (value.is_number_integer()) {
        table.rows.push_back({key, value.get<std::int64_t>()});
      } else {
        table.rows.push_back({key, value.get<double>()});
      }
    }
    factdb::write_result(std::cout, table, factdb::Format::table);
    std::cout << "report: " << o.json << '\n';
  } catch (const std::exception& e) {
    std::cerr << "factdb-bench: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
