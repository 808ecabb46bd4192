#include "rows.h"

#include <fmt/format.h>

namespace factdb::seed {

void Rows::in_context(const Location& where, std::string what) {
  origin_ = {&*interned_.insert(where.file).first, where.line, where.column, &*interned_.insert(std::move(what)).first};
}

void Rows::insert(std::string_view table, const Columns& columns, std::string_view verb) {
  // No allocation per row: the key is reused, the SQL built once.
  key_.clear();
  key_.append(verb).append(" ").append(table);
  for (const auto& column : columns) key_.append(",").append(column.first);
  auto& sql = insert_sql_[key_];
  if (!sql) {
    std::string names, marks;
    for (const auto& [name, value] : columns) {
      names += (names.empty() ? "" : ", ") + std::string(name);
      marks += marks.empty() ? "?" : ", ?";
    }
    sql = intern(fmt::format("{} INTO {} ({}) VALUES ({})", verb, table, names, marks));
  }
  values_.clear();
  for (const auto& column : columns) values_.push_back(column.second);
  writer_.push(sql, values_, origin_);
}

void Rows::execute(const std::string& sql, const std::vector<RowValue>& values) {
  writer_.push(intern(sql), values, origin_);
}

}  // namespace factdb::seed
