// The sql export: a script that rebuilds the database in the sqlite3 shell.
#include <fmt/format.h>

#include "factdb/export.h"
#include "factdb/error.h"
#include "factdb/schema.h"
#include "sql_text.h"

namespace factdb {

namespace {

// Writes the one text column of each row on a line of its own: statements
// that SQLite itself has written.
class LineWriter : public RowSink {
 public:
  explicit LineWriter(std::ostream& out) : out_(out) {}
  void begin(const std::vector<std::string>&) override {}
  void row(const std::vector<Value>& row) override { out_ << std::get<std::string>(row.at(0)) << ";\n"; }

 private:
  std::ostream& out_;
};

std::vector<std::string> column_names(Database& db, const std::string& table) {
  // hidden = 0: generated columns are computed again, and FTS5's own columns are not data
  auto rows = db.run_sql("SELECT name FROM pragma_table_xinfo(:t) WHERE hidden = 0 ORDER BY cid", {{"t", table}});
  std::vector<std::string> names;
  for (const auto& row : rows.rows) names.push_back(std::get<std::string>(row.at(0)));
  return names;
}

}  // namespace

void export_sqlite_sql(Database& db, std::ostream& out) {
  out << fmt::format("-- factdb {}: rebuilds {} in the sqlite3 shell: sqlite3 NEW.db < THIS.sql\n", FACTDB_VERSION,
                     comment_text(db.path().filename().string()));
  out << "PRAGMA foreign_keys = OFF;\nBEGIN TRANSACTION;\n";
  out << fmt::format("PRAGMA application_id = {};\nPRAGMA user_version = {};\n", db.application_id(), db.schema_version());

  // Tables with their rows first, then what is built on them, each in the
  // order the schema created it. The schema is factdb's own, never the SQL a
  // file holds: a file's schema can be edited to end in ";\n.shell ...".
  require_factdb_schema(db.sqlite(), db.path().string());
  const auto& schema = reference_schema();
  for (const auto& table : exported_tables(db)) {
    for (const auto& o : schema)
      if (o.name == table && !o.sql.empty()) out << o.sql << ";\n";
    auto columns = column_names(db, table);
    std::string names, values;
    for (const auto& c : columns) {
      names += (names.empty() ? "" : ", ") + quoted_identifier(c);
      values += fmt::format("{}quote({})", values.empty() ? "" : " || ', ' || ", quoted_identifier(c));
    }
    // quote() writes each value as the SQL literal that gives it back exactly:
    // text with its quotes doubled, integers and reals as numbers, blobs as X'..'.
    auto insert = fmt::format("INSERT INTO {} ({}) VALUES (", quoted_identifier(table), names);
    LineWriter lines(out);
    db.run_sql(fmt::format("SELECT {} || {} || ')' FROM {}", quoted_literal(insert), values, quoted_identifier(table)), {}, lines);
  }
  for (const auto& type : {"index", "view", "trigger"})
    for (const auto& o : schema)
      if (o.type == type && !o.sql.empty()) out << o.sql << ";\n";
  out << "COMMIT;\n";
}

}  // namespace factdb
