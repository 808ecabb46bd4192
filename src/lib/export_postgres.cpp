// The postgres export: tables, data (COPY), keys and indexes, and the canned
// queries as views and functions, for psql. The schema is read from SQLite's
// own catalog; the queries are translated (see postgres_sql).
#include <fmt/format.h>

#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "factdb/error.h"
#include "factdb/export.h"
#include "factdb/format.h"
#include "factdb/schema.h"
#include "sql_text.h"

namespace factdb {

namespace {

// One value as COPY's text format writes it: \N for NULL, and backslash,
// tab, newline and carriage return escaped.
std::string copy_field(const Value& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return "\\N";
  if (auto* b = std::get_if<Blob>(&v)) {
    std::string hex = "\\\\x";
    for (auto byte : b->bytes) hex += fmt::format("{:02x}", byte);
    return hex;
  }
  return tsv_field(to_text(v));
}

class CopyWriter : public RowSink {
 public:
  explicit CopyWriter(std::ostream& out) : out_(out) {}
  void begin(const std::vector<std::string>&) override {}
  void row(const std::vector<Value>& row) override {
    for (std::size_t i = 0; i < row.size(); ++i) out_ << (i ? "\t" : "") << copy_field(row[i]);
    out_ << '\n';
  }

 private:
  std::ostream& out_;
};

struct Column {
  std::string name, type;
  bool not_null = false;
};

// INTEGER columns that hold 0 or 1 (CHECK (x IN (0, 1))), and the generated
// is_annotation, are booleans in PostgreSQL: the queries use them as conditions.
std::set<std::string> flag_columns(const std::string& create_sql) {
  std::set<std::string> flags;
  static const std::regex check(R"(CHECK \((\w+) IN \(0, 1\)\))");
  for (auto it = std::sregex_iterator(create_sql.begin(), create_sql.end(), check); it != std::sregex_iterator(); ++it)
    flags.insert((*it)[1]);
  static const std::regex generated(R"((\w+)\s+INTEGER\s+GENERATED ALWAYS AS \([^)]*IS NOT NULL\))");
  for (auto it = std::sregex_iterator(create_sql.begin(), create_sql.end(), generated); it != std::sregex_iterator(); ++it)
    flags.insert((*it)[1]);
  return flags;
}

std::string postgres_type(const std::string& sqlite_type, bool flag) {
  if (flag) return "boolean";
  if (sqlite_type == "INTEGER") return "bigint";
  if (sqlite_type == "REAL") return "double precision";
  if (sqlite_type == "BLOB") return "bytea";
  return "text";
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Hand-written: the translation needs SQLite's lexical structure (strings,
// quoted names, comments left alone) and nothing more; no library offers it.
struct Token {
  std::string text;
  bool word = false;  // an identifier or keyword
};

std::vector<Token> tokens_of(std::string_view sql) {
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < sql.size();) {
    char c = sql[i];
    auto take_until = [&](std::string_view end, std::size_t from) {
      auto stop = sql.find(end, from);
      stop = stop == std::string_view::npos ? sql.size() : stop + end.size();
      tokens.push_back({std::string(sql.substr(i, stop - i)), false});
      i = stop;
    };
    if (c == '\'' || c == '"') take_until(std::string_view(&sql[i], 1), i + 1);
    else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') take_until("\n", i + 2);
    else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') take_until("*/", i + 2);
    else if (is_word_char(c)) {
      auto start = i;
      while (i < sql.size() && is_word_char(sql[i])) ++i;
      tokens.push_back({std::string(sql.substr(start, i - start)), true});
    } else {
      tokens.push_back({std::string(1, c), false});
      ++i;
    }
  }
  return tokens;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool blank(const Token& t) { return !t.word && (t.text.find_first_not_of(" \t\r\n") == std::string::npos || t.text.rfind("--", 0) == 0); }

}  // namespace

std::string postgres_sql(std::string_view sqlite_sql) {
  auto tokens = tokens_of(sqlite_sql);
  auto next_word = [&](std::size_t i) {  // index of the next non-blank token after i
    for (++i; i < tokens.size() && blank(tokens[i]); ++i) {}
    return i;
  };
  static const std::set<std::string> after_subquery = {"WHERE", "ORDER", "GROUP", "LIMIT", "UNION", "JOIN",   "LEFT",
                                                       "INNER", "CROSS", "ON",    "HAVING", "EXCEPT", "INTERSECT"};
  std::vector<bool> from_paren;  // for each open parenthesis: does it open a subquery in FROM or JOIN?
  std::string out;
  std::string previous_word;
  int aliases = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    auto word = t.word ? upper(t.text) : "";
    if (word == "NOT" && next_word(i) < tokens.size() && upper(tokens[next_word(i)].text) == "INDEXED") {
      i = next_word(i);  // SQLite's NOT INDEXED: PostgreSQL plans for itself
      continue;
    }
    if (word == "CROSS" && next_word(i) < tokens.size() && upper(tokens[next_word(i)].text) == "JOIN") {
      i = next_word(i) - 1;  // CROSS JOIN ... ON: in PostgreSQL, JOIN ... ON
      while (i + 1 < tokens.size() && blank(tokens[i + 1])) ++i;
      continue;
    }
    if (word == "LIKE") {  // SQLite's LIKE ignores ASCII case
      out += "ILIKE";
      previous_word = word;
      continue;
    }
    if (t.text == "(") from_paren.push_back(previous_word == "FROM" || previous_word == "JOIN");
    out += t.text;
    if (t.text == ")" && !from_paren.empty()) {
      bool subquery = from_paren.back();
      from_paren.pop_back();
      auto n = next_word(i);
      bool has_alias = n < tokens.size() && tokens[n].word && !after_subquery.count(upper(tokens[n].text));
      if (subquery && !has_alias) out += fmt::format(" AS subquery_{}", ++aliases);  // PostgreSQL 15 needs one
    }
    if (t.word) previous_word = word;
    else if (!blank(t)) previous_word.clear();
  }
  return out;
}

namespace {

// search: FTS5's MATCH, bm25() and snippet() have no PostgreSQL spelling; the
// same question in PostgreSQL's full-text search (English stemming, ts_rank).
// Which rows match agrees for plain words; ranks and snippets differ.
constexpr const char* kPostgresSearch = R"(SELECT s.kind,
       s.label AS name,
       ts_headline('english', s.text, websearch_to_tsquery('english', $1),
                   'StartSel=[, StopSel=], MaxWords=16, MinWords=4, MaxFragments=1') AS snippet,
       e.article_id AS article,
       e.start,
       s.ref,
       round(-ts_rank(to_tsvector('english', s.text), websearch_to_tsquery('english', $1))::numeric, 4) AS rank
  FROM search_index s
  LEFT JOIN evidence e ON s.kind = 'passage' AND e.id = CAST(s.ref AS bigint)
 WHERE to_tsvector('english', s.text) @@ websearch_to_tsquery('english', $1)
   AND ($2::text IS NULL OR s.kind = $2)
 ORDER BY rank, s.label
 LIMIT coalesce($3, 20))";

// person and country look a name up in the FTS5 index of names ("s.name_index
// MATCH 'text : "' || replace(:name, ...) || '"*'"), which PostgreSQL cannot
// spell: there the same words are found in the joined names by ILIKE, case
// folded but not accents.
std::string postgres_name_lookup(const std::string& sql) {
  static const std::regex match(R"re((\w+)\.name_index MATCH 'text : "' \|\| replace\((:\w+), '"', '""'\) \|\| '"\*')re");
  return std::regex_replace(sql, match, "$1.text ILIKE '%' || $2 || '%'");
}

}  // namespace

void export_postgres(Database& db, std::ostream& out) {
  // Only factdb's own schema and queries reach the script: a file's could be
  // edited to hold psql meta-commands (\! runs a shell command).
  require_factdb_schema(db.sqlite(), db.path().string());
  out << fmt::format("-- factdb {}: {} for PostgreSQL: psql -v ON_ERROR_STOP=1 -f THIS.sql DATABASE\n", FACTDB_VERSION,
                     comment_text(db.path().filename().string()));
  out << "-- A database created with C collation orders text as SQLite does: createdb -T template0 --locale=C NAME\n";
  out << "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nBEGIN;\n\n";
  // SQLite's group_concat(value, separator), which the queries use.
  out << R"(CREATE FUNCTION group_concat_step(state text, value anyelement, separator text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN state WHEN state IS NULL THEN value::text ELSE state || separator || value::text END $$;
CREATE FUNCTION group_concat_step(state text, value anyelement) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT group_concat_step(state, value, ',') $$;
CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = group_concat_step, STYPE = text);
CREATE AGGREGATE group_concat(anyelement) (SFUNC = group_concat_step, STYPE = text);

)";
  const auto& schema = reference_schema();
  auto create_sql_of = [&](const std::string& name) {
    for (const auto& o : schema)
      if (o.name == name) return o.sql;
    return std::string();
  };
  std::string keys;  // foreign keys, added once every table holds its rows
  for (const auto& table : exported_tables(db)) {
    auto flags = flag_columns(create_sql_of(table));
    auto info = db.run_sql("SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(:t) WHERE hidden <> 1 ORDER BY cid", {{"t", table}});
    std::vector<std::string> columns, pk(info.rows.size());
    std::string body;
    for (const auto& row : info.rows) {
      auto name = to_text(row[0]);
      columns.push_back(quoted_identifier(name));
      body += fmt::format("{}  {} {}{}", body.empty() ? "" : ",\n", quoted_identifier(name), postgres_type(to_text(row[1]), flags.count(name)),
                          std::get<std::int64_t>(row[2]) ? " NOT NULL" : "");
      if (auto k = std::get<std::int64_t>(row[3]); k > 0) pk[static_cast<std::size_t>(k - 1)] = quoted_identifier(name);
    }
    pk.erase(std::remove(pk.begin(), pk.end(), std::string()), pk.end());
    if (!pk.empty()) body += ",\n  PRIMARY KEY (" + fmt::format("{}", fmt::join(pk, ", ")) + ")";
    // Declared in the table or created after the load (indexes.sql), a
    // uniqueness is a constraint of the table here: a foreign key needs it
    // before any index is created.
    auto unique = db.run_sql(
        "SELECT il.name, group_concat('\"' || ii.name || '\"', ', ') FROM pragma_index_list(:t) il "
        "JOIN pragma_index_info(il.name) ii WHERE il.\"unique\" AND il.origin <> 'pk' AND NOT il.partial "
        "GROUP BY il.name ORDER BY il.name",
        {{"t", table}});
    for (const auto& row : unique.rows) body += ",\n  UNIQUE (" + to_text(row[1]) + ")";
    out << fmt::format("CREATE TABLE {} (\n{}\n);\n", quoted_identifier(table), body);
    out << fmt::format("COPY {} ({}) FROM stdin;\n", quoted_identifier(table), fmt::join(columns, ", "));
    CopyWriter copy(out);
    db.run_sql("SELECT * FROM " + quoted_identifier(table), {}, copy);
    out << "\\.\n\n";
    auto fks = db.run_sql("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(:t) ORDER BY id, seq", {{"t", table}});
    std::map<std::int64_t, std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>> by_id;
    for (const auto& row : fks.rows) {
      auto& [parent, from, to] = by_id[std::get<std::int64_t>(row[0])];
      parent = to_text(row[1]);
      from.push_back(quoted_identifier(to_text(row[2])));
      if (!std::holds_alternative<std::nullptr_t>(row[3])) to.push_back(quoted_identifier(to_text(row[3])));
    }
    for (const auto& [id, fk] : by_id) {
      const auto& [parent, from, to] = fk;
      keys += fmt::format("ALTER TABLE {} ADD FOREIGN KEY ({}) REFERENCES {}{};\n", quoted_identifier(table), fmt::join(from, ", "),
                          quoted_identifier(parent), to.empty() ? "" : fmt::format(" ({})", fmt::join(to, ", ")));
    }
  }
  out << keys << '\n';
  for (const auto& o : schema) {
    bool table_constraint = o.sql.rfind("CREATE UNIQUE", 0) == 0 && o.sql.find(" WHERE ") == std::string::npos;  // above
    if (o.type == "index" && !o.sql.empty() && !table_constraint)
      out << o.sql << ";\n";  // plain CREATE INDEX, partial ones too: PostgreSQL's syntax
  }
  out << "CREATE INDEX search_index_words ON search_index USING gin (to_tsvector('english', text));\n\n";

  // The schema's own views, then each canned query as a function taking its
  // parameters (optional ones default to NULL) and, without required ones, a view.
  auto queries = db.canned_queries();
  std::set<std::string> canned_views;
  for (const auto& q : queries) canned_views.insert(view_name(q.name));
  for (const auto& o : schema)
    if (o.type == "view" && !canned_views.count(o.name)) out << postgres_sql(o.sql) << ";\n";
  for (const auto& q : queries) {
    std::vector<std::string> order;
    for (const auto& p : q.params) order.push_back(p.name);
    auto positional = [&](std::string_view written) {
      auto it = std::find(order.begin(), order.end(), std::string(written.substr(1)));
      return it == order.end() ? std::string(written) : fmt::format("${}", it - order.begin() + 1);
    };
    auto sql = q.name == "search" ? std::string(kPostgresSearch)
                                  : postgres_sql(rewrite_params(postgres_name_lookup(q.sql), positional));
    std::vector<std::string> args, outputs, selected;
    for (const auto& p : q.params) {
      auto type = p.type == "integer" ? "bigint" : p.type == "real" ? "double precision" : "text";
      args.push_back(fmt::format("{} {}{}", quoted_identifier(p.name), type,
                                 p.required ? "" : p.default_value ? " DEFAULT " + quoted_literal(*p.default_value) : " DEFAULT NULL"));
    }
    for (const auto& c : q.columns) {
      outputs.push_back(quoted_identifier(c.name) + " text");
      selected.push_back(fmt::format("q.{}::text", quoted_identifier(c.name)));
    }
    auto name = view_name(q.name);
    auto tag = dollar_tag(sql, "query");
    out << fmt::format("\n-- {}: {}\nCREATE FUNCTION {}({}) RETURNS TABLE ({})\n  LANGUAGE sql STABLE AS {}\nSELECT {} FROM (\n{}\n) AS q\n{};\n",
                       comment_text(q.name), comment_text(q.title), quoted_identifier(name), fmt::join(args, ", "),
                       fmt::join(outputs, ", "), tag, fmt::join(selected, ", "), sql, tag);
    if (q.has_view()) {
      std::vector<std::string> nulls(q.params.size(), "NULL");
      out << fmt::format("CREATE VIEW {} AS SELECT * FROM {}({});\n", quoted_identifier(name), quoted_identifier(name),
                         fmt::join(nulls, ", "));
    }
  }
  out << "\nCOMMIT;\n";
}

}  // namespace factdb
