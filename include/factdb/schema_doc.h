// The schema's own documentation: the schema_doc table and docs/schema.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factdb {

class Database;

struct DocEntry {
  std::string object;       // table or view
  std::string column;       // "" for the object itself
  std::string kind;         // "table", "view" or "column"
  std::string description;  // "" when the source gives none
};

// Descriptions read from the comments of a schema file: the comment block
// right above each CREATE TABLE / VIEW describes it (its `-- column: NAME
// TEXT` lines describe a view's columns), and the comment after each column
// definition (continued on comment-only lines below it) describes the column.
std::vector<DocEntry> parse_schema_comments(std::string_view schema_sql);

// A Markdown reference of every table and view of `db` with its columns,
// types and descriptions, from its schema_doc table. Deterministic: the same
// schema gives the same text.
std::string schema_markdown(Database& db);

}  // namespace factdb
