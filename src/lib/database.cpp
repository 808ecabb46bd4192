#include "factdb/database.h"

#include "factdb/closest.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <memory>
#include <regex>

#include "factdb/error.h"
#include "factdb/schema.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cerrno>

namespace fs = std::filesystem;

namespace factdb {

// What the authorizer refused last, so the error can say what and why rather
// than SQLite's bare "not authorized".
struct Database::Sandbox {
  std::string refusal;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

namespace {

// Pragmas that only read. Those in the first list may take an argument (a
// table name, a check limit); the second are read-only only without one.
constexpr const char* kPragmasWithArgument[] = {
    "table_info", "table_xinfo",      "table_list", "index_list",      "index_info",
    "index_xinfo", "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"};
constexpr const char* kPragmasWithoutArgument[] = {
    "user_version", "application_id", "schema_version", "database_list", "collation_list", "function_list",
    "pragma_list",  "module_list",    "compile_options", "encoding",     "page_count",     "page_size",
    "freelist_count", "data_version"};
// Functions that reach outside the database or hand out raw pointers.
constexpr const char* kRefusedFunctions[] = {"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"};

template <std::size_t N>
bool listed(const char* const (&list)[N], const char* name) {
  return name && std::any_of(std::begin(list), std::end(list), [&](const char* s) { return std::strcmp(s, name) == 0; });
}

const char* action_name(int action) {
  switch (action) {
    case SQLITE_INSERT: return "INSERT";
    case SQLITE_UPDATE: return "UPDATE";
    case SQLITE_DELETE: return "DELETE";
    case SQLITE_ATTACH: return "ATTACH";
    case SQLITE_DETACH: return "DETACH";
    case SQLITE_TRANSACTION: return "a transaction";
    case SQLITE_SAVEPOINT: return "a savepoint";
    case SQLITE_ALTER_TABLE: return "ALTER TABLE";
    case SQLITE_REINDEX: return "REINDEX";
    case SQLITE_ANALYZE: return "ANALYZE";
    case SQLITE_DROP_TABLE: case SQLITE_DROP_INDEX: case SQLITE_DROP_VIEW: case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_TEMP_TABLE: case SQLITE_DROP_TEMP_INDEX: case SQLITE_DROP_TEMP_VIEW: case SQLITE_DROP_TEMP_TRIGGER:
    case SQLITE_DROP_VTABLE: return "DROP";
    default: return "CREATE";  // every remaining action code creates something
  }
}

int authorize(void* context, int action, const char* arg1, const char* arg2, const char*, const char*) {
  auto* sandbox = static_cast<Database::Sandbox*>(context);
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_FUNCTION:
      if (!listed(kRefusedFunctions, arg2)) return SQLITE_OK;
      if (sandbox->refusal.empty()) sandbox->refusal = fmt::format("refused: the function {}() reaches outside the database", arg2);
      return SQLITE_DENY;
    case SQLITE_PRAGMA:
      if (listed(kPragmasWithArgument, arg1) || (!arg2 && listed(kPragmasWithoutArgument, arg1))) return SQLITE_OK;
      if (sandbox->refusal.empty()) sandbox->refusal = fmt::format("refused: PRAGMA {}{} could change the connection or the file; only pragmas that read are allowed",
                                     arg1 ? arg1 : "", arg2 ? fmt::format(" = {}", arg2) : "");
      return SQLITE_DENY;
    case SQLITE_UPDATE:
      // SQLite itself asks for this when a table-valued pragma such as
      // pragma_table_info() is first used. A real UPDATE of the schema table
      // is still stopped: the file is open read-only, in defensive mode, and
      // inspect() refuses any statement that is not read-only.
      if (arg1 && (std::strcmp(arg1, "sqlite_master") == 0 || std::strcmp(arg1, "sqlite_schema") == 0)) return SQLITE_OK;
      [[fallthrough]];
    default:
      // Several actions may be refused for one statement; the first says most.
      if (!sandbox->refusal.empty()) return SQLITE_DENY;
      sandbox->refusal = fmt::format("refused: {} is not allowed; factdb opens databases read-only", action_name(action));
      if (arg1 && std::strncmp(arg1, "sqlite_", 7) == 0)  // CREATE and DROP first show as writes to the schema table
        sandbox->refusal = "refused: changing the schema (CREATE, DROP) is not allowed; factdb opens databases read-only";
      else if (arg1 && (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE))
        sandbox->refusal = fmt::format("refused: {} on table {} is not allowed; factdb opens databases read-only",
                                       action_name(action), arg1);
      return SQLITE_DENY;
  }
}

// Called by SQLite every few thousand virtual-machine steps: a non-zero
// return interrupts the statement.
int past_deadline(void* context) {
  return std::chrono::steady_clock::now() > static_cast<Database::Sandbox*>(context)->deadline ? 1 : 0;
}

// Limits well below SQLite's defaults, as its guidance for untrusted SQL
// suggests, yet roomy for any query a reader of these databases writes.
constexpr std::pair<int, int> kSqlLimits[] = {
    {SQLITE_LIMIT_LENGTH, 100'000'000},     {SQLITE_LIMIT_SQL_LENGTH, static_cast<int>(kMaxSqlBytes)},
    {SQLITE_LIMIT_COLUMN, 500},              {SQLITE_LIMIT_EXPR_DEPTH, 200},
    {SQLITE_LIMIT_COMPOUND_SELECT, 100},     {SQLITE_LIMIT_FUNCTION_ARG, 32},
    {SQLITE_LIMIT_ATTACHED, 0},              {SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000},
    {SQLITE_LIMIT_VARIABLE_NUMBER, 100},     {SQLITE_LIMIT_TRIGGER_DEPTH, 10},
    {SQLITE_LIMIT_WORKER_THREADS, 0}};

// Parameter names and trailing text of a statement, which SQLiteCpp keeps to itself.
struct StatementShape {
  std::vector<std::string> params;  // as written: ":name"; "" for a positional "?"
  bool has_more_statements = false;
};

// True when `tail`, what follows a statement, holds more than whitespace and comments.
bool more_statements(sqlite3* db, const char* tail) {
  if (!tail || !*tail) return false;
  sqlite3_stmt* next = nullptr;
  int rc = sqlite3_prepare_v2(db, tail, -1, &next, nullptr);
  sqlite3_finalize(next);
  return rc != SQLITE_OK || next != nullptr;
}

StatementShape inspect(sqlite3* db, const std::string& sql, Database::Sandbox& sandbox) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  sandbox.refusal.clear();
  int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  if (rc != SQLITE_OK) {
    // SQLite reports a denial as SQLITE_AUTH or, for functions, SQLITE_ERROR.
    if (!sandbox.refusal.empty()) throw Error(ExitCode::sql, sandbox.refusal);
    if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
      throw Error(ExitCode::bad_data, fmt::format("the database is damaged: {}", sqlite3_errmsg(db)));
    throw Error(ExitCode::sql, fmt::format("SQL error: {}", sqlite3_errmsg(db)));
  }
  if (!stmt) throw Error(ExitCode::sql, "SQL error: no statement given");
  StatementShape shape;
  for (int i = 1; i <= sqlite3_bind_parameter_count(stmt.get()); ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt.get(), i);
    shape.params.emplace_back(name ? name : "");
  }
  shape.has_more_statements = more_statements(db, tail);
  if (!sqlite3_stmt_readonly(stmt.get()))
    throw Error(ExitCode::sql, "refused: the statement would write; factdb opens databases read-only");
  return shape;
}

// The first word of `sql`, upper-cased, past blanks and comments.
std::string first_keyword(const std::string& sql) {
  std::size_t i = 0;
  while (i < sql.size()) {
    if (std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
    else if (sql.compare(i, 2, "--") == 0) i = std::min(sql.find('\n', i), sql.size());
    else if (sql.compare(i, 2, "/*") == 0) i = std::min(sql.find("*/", i + 2), sql.size() - 2) + 2;
    else break;
  }
  std::string word;
  for (; i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])); ++i)
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i])));
  return word;
}

Value infer_value(const std::string& text) {
  static const std::regex integer(R"(-?[0-9]{1,18})");
  static const std::regex real(R"(-?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|-?[0-9]+[eE][-+]?[0-9]+)");
  if (std::regex_match(text, integer)) return std::int64_t{std::stoll(text)};
  if (std::regex_match(text, real)) {
    errno = 0;
    double value = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(value))
      throw Error(ExitCode::usage, fmt::format("the value {} is beyond the range of a number (about 1.8e308)", text));
    return value;  // an underflow is as near to zero as a number gets
  }
  return text;
}

Value typed_value(const QueryParam& param, const std::string& text, const std::string& query) {
  auto fail = [&](const char* what) {
    return Error(ExitCode::usage, fmt::format("query '{}': parameter '{}' expects {}, got '{}'", query, param.name, what, text));
  };
  if (param.type == "integer") {
    static const std::regex integer(R"(\s*-?[0-9]{1,18}\s*)");
    if (!std::regex_match(text, integer)) throw fail("an integer");
    return std::int64_t{std::stoll(text)};
  }
  if (param.type == "real") {
    try {
      std::size_t used = 0;
      double v = std::stod(text, &used);
      if (used != text.size()) throw fail("a number");
      return v;
    } catch (const std::logic_error&) {
      throw fail("a number");
    }
  }
  return text;
}

}  // namespace

namespace {

// A file name as a SQLite URI: every byte but the unreserved ones and '/'
// percent-encoded, so a name such as "file:x.db?mode=rwc" or one holding '#'
// or '?' is read as the name it is, never as a URI of its own.
std::string file_uri(const fs::path& path, bool immutable) {
  std::string uri = "file:";
  for (unsigned char c : fs::absolute(path).string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') uri += static_cast<char>(c);
    else uri += fmt::format("%{:02X}", c);
  }
  return uri + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

// What the first 100 bytes of a SQLite file say, read before SQLite opens it.
struct FileHeader {
  bool sqlite = false;
  bool wal = false;  // file format version numbers 2: WAL mode
};

FileHeader read_header(const fs::path& path) {
  unsigned char bytes[100] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(bytes), sizeof bytes);
  FileHeader header;
  header.sqlite = in.gcount() == sizeof bytes && std::memcmp(bytes, "SQLite format 3", 16) == 0;
  header.wal = header.sqlite && (bytes[18] == 2 || bytes[19] == 2);
  return header;
}

}  // namespace

std::string select_problem(SQLite::Database& db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  if (rc != SQLITE_OK) return fmt::format("does not compile: {}", sqlite3_errmsg(db.getHandle()));
  if (!stmt) return "holds no statement";
  if (more_statements(db.getHandle(), tail)) return "holds more than one statement";
  if (!sqlite3_stmt_readonly(stmt.get())) return "would write";
  auto keyword = first_keyword(sql);
  if ((keyword != "SELECT" && keyword != "WITH" && keyword != "VALUES") || sqlite3_column_count(stmt.get()) == 0)
    return fmt::format("is a {} statement, not a SELECT", keyword.empty() ? "malformed" : keyword);
  return "";
}

Database::Database(const fs::path& path, Limits limits, SchemaPolicy policy)
    : path_(path), limits_(limits), sandbox_(std::make_unique<Sandbox>()) {
  // stat, not open: opening a FIFO blocks until a writer comes, and opening a
  // device may do something.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      throw Error(ExitCode::missing_file, fmt::format("{}: no such database; write one with 'factdb build -o {}'", path.string(), path.string()));
    throw Error(ExitCode::missing_file, fmt::format("{}: cannot be read: {}", path.string(), std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) throw Error(ExitCode::missing_file, fmt::format("{}: is a folder, not a database file", path.string()));
  if (!S_ISREG(info.st_mode))
    throw Error(ExitCode::missing_file, fmt::format("{}: is not a regular file (a FIFO, socket or device); a database is a file", path.string()));
  if (info.st_size == 0) throw Error(ExitCode::bad_data, fmt::format("{}: an empty file, not a factdb database", path.string()));
  if (::access(path.c_str(), R_OK) != 0)
    throw Error(ExitCode::missing_file, fmt::format("{}: cannot be read (permission denied?)", path.string()));
  auto header = read_header(path);
  if (!header.sqlite) throw Error(ExitCode::bad_data, fmt::format("{}: not a SQLite database", path.string()));
  wal_mode_ = header.wal;
  if (wal_mode_ && policy == SchemaPolicy::require_factdb)
    throw Error(ExitCode::bad_data,
                fmt::format("{}: in WAL mode, which factdb never writes; reading it would create -wal and -shm files beside it. "
                            "Convert it with: sqlite3 {} 'PRAGMA journal_mode=DELETE', then run 'factdb check'",
                            path.string(), path.string()));
  try {
    db_ = std::make_unique<SQLite::Database>(file_uri(path, wal_mode_), SQLite::OPEN_READONLY | SQLITE_OPEN_URI);
    sqlite3* handle = db_->getHandle();
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    for (auto [limit, value] : kSqlLimits) sqlite3_limit(handle, limit, value);
    db_->exec("PRAGMA cell_size_check = ON");
    // SQLite's default 2 MB of page cache is less than one page of a
    // whole-corpus answer reads (facts, statements, quotes, names), so a
    // connection kept open read the same pages again from the file each time.
    // The cache grows only with the pages read: a small query costs no more.
    db_->exec("PRAGMA cache_size = -65536");
    application_id_ = db_->execAndGet("PRAGMA application_id").getInt();
    schema_version_ = db_->execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB)
      throw Error(ExitCode::bad_data, fmt::format("{}: not a SQLite database", path.string()));
    if (e.getErrorCode() == SQLITE_CANTOPEN)
      throw Error(ExitCode::missing_file, fmt::format("{}: cannot be opened: {}", path.string(), e.what()));
    throw Error(ExitCode::bad_data, fmt::format("{}: cannot be read as a database: {}", path.string(), e.what()));
  }
  if (application_id_ != kApplicationId)
    throw Error(ExitCode::bad_data, fmt::format("{}: a SQLite database, but not one written by factdb (application_id {})",
                                                path.string(), application_id_));
  if (schema_version_ != kSchemaVersion)
    throw Error(ExitCode::bad_data,
                fmt::format("{}: schema version {}, but this factdb reads version {}; {}", path.string(), schema_version_,
                            kSchemaVersion,
                            schema_version_ > kSchemaVersion ? "upgrade factdb" : "rebuild the database with 'factdb build'"));
  if (policy == SchemaPolicy::require_factdb) require_factdb_schema(*db_, path.string());
  sqlite3_set_authorizer(db_->getHandle(), authorize, sandbox_.get());
  // The raw connection (sqlite()) is held to the command's deadline too.
  sandbox_->deadline = limits_.deadline;
  sqlite3_progress_handler(db_->getHandle(), 1000, past_deadline, sandbox_.get());
}

Database::~Database() = default;

Error Database::time_limit_error() const {
  return Error(ExitCode::time_limit, fmt::format("query stopped after its time limit of {} ms (--timeout-ms)", limits_.timeout_ms));
}

ResultSet Database::run_sql(const std::string& sql, const ParamValues& params, const Page& page) {
  CollectingSink sink;
  run_sql(sql, params, sink, page);
  return std::move(sink.result);
}

ResultSet Database::run_canned(const std::string& name, const ParamValues& params, const Page& page) {
  CollectingSink sink;
  run_canned(name, params, sink, page);
  return std::move(sink.result);
}

void Database::run_sql(const std::string& sql, const ParamValues& params, RowSink& sink, const Page& page) {
  auto shape = inspect(db_->getHandle(), sql, *sandbox_);
  if (shape.has_more_statements)
    throw Error(ExitCode::sql, "refused: more than one statement; run one SQL statement at a time");
  std::vector<std::pair<std::string, Value>> bound;
  for (const auto& name : shape.params) {
    if (name.empty()) throw Error(ExitCode::usage, "positional parameters (?) cannot be bound; name them, as in :name");
    auto bare = name.substr(1);
    auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == bare; });
    if (it == params.end()) throw Error(ExitCode::usage, fmt::format("parameter {} has no value; pass -p {}=VALUE", name, bare));
    bound.emplace_back(name, infer_value(it->second));
  }
  for (const auto& param : params) {
    const auto& name = param.first;
    bool used = std::any_of(shape.params.begin(), shape.params.end(), [&](const auto& p) { return p.substr(1) == name; });
    if (!used) throw Error(ExitCode::usage, fmt::format("unknown parameter '{}': the SQL has no :{}", name, name));
  }
  run(sql, bound, sink, page);
}

// An article or event the database does not hold is an error naming the
// closest it does, not an empty answer that reads as "nothing was said".
void Database::refuse_unknown_id(const std::string& param, const Value& value) {
  // The ids an article or event parameter may take, and the kinds search's `kind` may.
  static const std::pair<const char*, const char*> known_values[] = {
      {"article", "SELECT id AS v FROM article"},
      {"event", "SELECT id AS v FROM event"},
      {"kind", "SELECT 'passage' AS v UNION SELECT DISTINCT kind FROM entity"}};
  const auto* id = std::get_if<std::string>(&value);
  if (!id) return;
  for (const auto& [name, sql] : known_values) {
    if (param != name) continue;
    CollectingSink found;
    run(fmt::format("SELECT 1 FROM ({}) WHERE v = :id", sql), {{":id", value}}, found);  // as bound: "2024" stays text
    if (!found.result.rows.empty()) return;
    std::vector<std::string> known;
    for (const auto& row : run_sql(fmt::format("SELECT * FROM ({}) ORDER BY 1", sql)).rows)
      if (const auto* k = std::get_if<std::string>(&row[0])) known.push_back(*k);
    auto closest = closest_names(known, *id);
    std::string list;
    for (const auto& k : closest) list += "\n  " + k;
    throw Error(ExitCode::usage,
                fmt::format("no {} '{}' in the database{}", name, *id,
                            !closest.empty() ? "; the closest:" + list
                            : known.size() <= 10 ? "; it has: " + fmt::format("{}", fmt::join(known, ", "))
                                                 : fmt::format("; it has {}: factdb sql \"{}\"", known.size(), sql)));
  }
}

namespace {

// A parameter a canned query looks up in the index of names, and the kinds
// of entity it may name: the shape person, country and the others share.
struct NameParam {
  std::string param;
  std::vector<std::string> kinds;
};

std::vector<NameParam> name_params(const std::string& sql) {
  static const std::regex lookup(
      R"re(name_index MATCH 'text : "' \|\| replace\(:(\w+), '"', '""'\) \|\| '"\*'\s+AND \w+\.kind (?:= '(\w+)'|IN \(([^)]*)\)))re");
  static const std::regex quoted(R"re('(\w+)')re");
  std::vector<NameParam> found;
  for (std::sregex_iterator it(sql.begin(), sql.end(), lookup), end; it != end; ++it) {
    NameParam p{(*it)[1].str(), {}};
    if ((*it)[2].matched) p.kinds.push_back((*it)[2].str());
    auto list = (*it)[3].str();
    for (std::sregex_iterator k(list.begin(), list.end(), quoted); k != end; ++k) p.kinds.push_back((*k)[1].str());
    found.push_back(std::move(p));
  }
  return found;
}

}  // namespace

void Database::check_names(const CannedQuery& q, const std::vector<std::pair<std::string, Value>>& bound) {
  for (const auto& np : name_params(q.sql)) {
    auto value = std::find_if(bound.begin(), bound.end(), [&](const auto& b) { return b.first == ":" + np.param; });
    if (value == bound.end()) continue;
    const auto* words = std::get_if<std::string>(&value->second);
    if (!words) continue;
    std::string kinds;
    for (const auto& k : np.kinds) kinds += (kinds.empty() ? "'" : ", '") + k + "'";
    auto fitting = run_sql(fmt::format("SELECT DISTINCT label FROM name_index WHERE name_index MATCH 'text : \"' || "
                                       "replace(:words, '\"', '\"\"') || '\"*' AND kind IN ({}) ORDER BY label",
                                       kinds),
                           {{"words", *words}});
    auto kind_words = fmt::format("{}", fmt::join(np.kinds, " or "));
    if (fitting.rows.empty()) {
      std::vector<std::string> known;
      for (const auto& row : run_sql(fmt::format("SELECT name FROM entity WHERE kind IN ({0}) UNION "
                                                 "SELECT m.name FROM mention m JOIN entity e ON e.id = m.entity_id WHERE e.kind IN ({0}) UNION "
                                                 "SELECT a.name FROM alias a JOIN entity e ON e.id = a.entity_id WHERE e.kind IN ({0}) ORDER BY 1",
                                                 kinds))
                                  .rows)
        if (const auto* k = std::get_if<std::string>(&row[0])) {
          known.push_back(*k);
          // and each word of it: "Mokhbr" is closest to "Mokhber", not to the whole name
          std::string word;
          for (char c : *k + " ") {
            if (c != ' ' && c != '-') word += c;
            else if (!word.empty()) {
              if (word.size() >= 4 && word != *k && std::find(known.begin(), known.end(), word) == known.end()) known.push_back(word);
              word.clear();
            }
          }
        }
      auto closest = closest_names(known, *words);
      auto count = run_sql(fmt::format("SELECT count(*) FROM entity WHERE kind IN ({})", kinds)).rows.at(0).at(0);
      throw Error(ExitCode::usage, fmt::format("no {} named '{}' in the database{}", kind_words, *words,
                                               closest.empty() ? fmt::format("; it names {} ({}): factdb search --kind {} WORDS",
                                                                             std::get<std::int64_t>(count), kind_words, np.kinds.front())
                                                               : "; the closest: " + fmt::format("{}", fmt::join(closest, ", "))));
    }
    if (fitting.rows.size() > 1) {
      std::vector<std::string> labels;
      for (const auto& row : fitting.rows) labels.push_back(std::get<std::string>(row[0]));
      notes_.push_back(fmt::format("'{}' fits {} names ({}): {}; the answer holds them all", *words, labels.size(), kind_words,
                                   fmt::join(labels, ", ")));
    }
  }
}

void Database::run_canned(const std::string& name, const ParamValues& params, RowSink& sink, const Page& page) {
  std::optional<CannedQuery> q;
  try {
    Budget budget(*this);
    q = read_canned_query(*db_, name);
  } catch (const SQLite::Exception& e) {
    throw canned_query_error(e);
  }
  if (!q) {
    std::vector<std::string> known;
    for (const auto& row : run_sql("SELECT name FROM canned_query ORDER BY name").rows)
      if (const auto* n = std::get_if<std::string>(&row[0])) known.push_back(*n);
    throw Error(ExitCode::usage,
                fmt::format("no canned query named '{}'{}", name, did_you_mean_or_list(known, name, "the database has")));
  }
  for (const auto& param : params) {
    const auto& given = param.first;
    if (std::none_of(q->params.begin(), q->params.end(), [&](const auto& p) { return p.name == given; })) {
      std::vector<std::string> known;
      for (const auto& p : q->params) known.push_back(p.name);
      throw Error(ExitCode::usage, fmt::format("query '{}' has no parameter '{}'{}", name, given,
                                               did_you_mean_or_list(known, given, "it takes", "; it takes none")));
    }
  }
  std::vector<std::pair<std::string, Value>> bound;
  for (const auto& p : q->params) {
    auto given = std::find_if(params.rbegin(), params.rend(), [&](const auto& v) { return v.first == p.name; });
    if (given != params.rend()) bound.emplace_back(":" + p.name, typed_value(p, given->second, name));
    else if (p.default_value) bound.emplace_back(":" + p.name, typed_value(p, *p.default_value, name));
    else if (p.required)
      throw Error(ExitCode::usage, fmt::format("query '{}' needs -p {}=VALUE ({})", name, p.name, p.description));
    else bound.emplace_back(":" + p.name, nullptr);
  }
  notes_.clear();
  for (const auto& [param, value] : bound) refuse_unknown_id(param.substr(1), value);
  check_names(*q, bound);
  // A tampered query is refused like any other SQL.
  if (inspect(db_->getHandle(), q->sql, *sandbox_).has_more_statements)
    throw Error(ExitCode::sql, fmt::format("refused: canned query '{}' holds more than one statement", name));
  run(q->sql, bound, sink, page);
}

std::vector<CannedQuery> Database::canned_queries() {
  try {
    Budget budget(*this);
    return read_canned_queries(*db_);
  } catch (const SQLite::Exception& e) {
    throw canned_query_error(e);
  }
}

Error Database::canned_query_error(const SQLite::Exception& e) const {
  if (e.getErrorCode() == SQLITE_INTERRUPT) return time_limit_error();
  return Error(ExitCode::bad_data, fmt::format("{}: cannot read its canned queries: {}", path_.string(), e.what()));
}

Database::Budget::Budget(Database& db) : sandbox_(*db.sandbox_), after_(db.limits_.deadline) {
  sandbox_.deadline = db.limits_.deadline;
  if (db.limits_.timeout_ms > 0)
    sandbox_.deadline = std::min(sandbox_.deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(db.limits_.timeout_ms));
  if (std::chrono::steady_clock::now() > sandbox_.deadline) throw db.time_limit_error();
}

Database::Budget::~Budget() { sandbox_.deadline = after_; }

void Database::run(const std::string& sql, const std::vector<std::pair<std::string, Value>>& bound, RowSink& sink, const Page& page) {
  Budget budget(*this);
  try {
    SQLite::Statement stmt(*db_, sql);
    for (const auto& [name, value] : bound) {
      int index = stmt.getIndex(name.c_str());
      if (index == 0) continue;  // a declared parameter the SQL does not use
      if (auto* i = std::get_if<std::int64_t>(&value)) stmt.bind(index, *i);
      else if (auto* d = std::get_if<double>(&value)) stmt.bind(index, *d);
      else if (auto* s = std::get_if<std::string>(&value)) stmt.bind(index, *s);
      else stmt.bind(index);
    }
    std::vector<std::string> columns;
    for (int i = 0; i < stmt.getColumnCount(); ++i) columns.emplace_back(stmt.getColumnName(i));
    sink.begin(columns);
    std::vector<Value> row;
    std::uint64_t seen = 0, kept = 0;
    while ((!page.limit || kept < *page.limit) && stmt.executeStep()) {
      if (seen++ < page.offset) continue;  // before the page: stepped over, never read
      ++kept;
      row.clear();
      for (int i = 0; i < stmt.getColumnCount(); ++i) {
        auto column = stmt.getColumn(i);
        switch (column.getType()) {
          case SQLITE_INTEGER: row.emplace_back(column.getInt64()); break;
          case SQLITE_FLOAT: row.emplace_back(column.getDouble()); break;
          case SQLITE_TEXT: row.emplace_back(column.getString()); break;
          case SQLITE_BLOB: {
            auto* p = static_cast<const unsigned char*>(column.getBlob());
            row.emplace_back(Blob{std::vector<unsigned char>(p, p + column.getBytes())});
            break;
          }
          default: row.emplace_back(nullptr);
        }
      }
      sink.row(row);
    }
    sink.end();
  } catch (const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
      case SQLITE_AUTH:
        if (!sandbox_->refusal.empty()) throw Error(ExitCode::sql, sandbox_->refusal);
        break;
      case SQLITE_INTERRUPT:
        throw time_limit_error();
      case SQLITE_NOMEM:
        throw Error(ExitCode::memory_limit, "query stopped: it needs more memory than SQLite may use");
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        throw Error(ExitCode::bad_data, fmt::format("{} is damaged: {}", path_.string(), e.what()));
      case SQLITE_TOOBIG:
        throw Error(ExitCode::sql, fmt::format("SQL error: {} (a value may hold at most 100,000,000 bytes)", e.what()));
      default:
        break;
    }
    throw Error(ExitCode::sql, fmt::format("SQL error: {}", e.what()));
  }
}

}  // namespace factdb
