#include "rows.h"

namespace factdb::seed {

void Rows::in_context(const Location& where, std::string what) {
  origin_ = {&*interned_.insert(where.file).first, where.line, where.column, &*interned_.insert(std::move(what)).first};
}

void Rows::insert(std::string_view table, const Columns& columns, std::string_view verb, std::string_view upsert) {
  // No allocation per row: the key is reused, the SQL built once.
  key_.clear();
  key_.append(verb).append(" ").append(upsert).append(" ").append(table);
  for (const auto& column : columns) key_.append(",").append(column.first);
  auto& sql = insert_sql_[key_];
  if (!sql) {
    std::vector<std::string_view> names;
    for (const auto& column : columns) names.push_back(column.first);
    sql = intern(staging_.insert_sql(verb, table, names, upsert));
  }
  values_.clear();
  for (const auto& column : columns) values_.push_back(column.second);
  writer_.push(sql, values_, origin_);
}

void Rows::content(int kind, std::int64_t id, std::uint32_t check) {
  if (content_sql_.empty()) return;
  values_.clear();
  values_.push_back(std::int64_t{kind});
  values_.push_back(id);
  values_.push_back(std::int64_t{check});
  writer_.push(&content_sql_, values_, origin_);
}

void Rows::update(std::string_view table, std::string_view column, RowValue value, std::string_view key_column, RowValue key) {
  key_.clear();
  key_.append(table).append(",").append(column).append(",").append(key_column);
  auto& sql = update_sql_[key_];
  if (!sql) sql = intern(staging_.update_sql(table, column, key_column));
  values_.clear();
  values_.push_back(std::move(value));
  values_.push_back(std::move(key));
  writer_.push(sql, values_, origin_);
}

}  // namespace factdb::seed
