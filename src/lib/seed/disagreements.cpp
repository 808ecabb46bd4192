#include "disagreements.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace factdb::seed {

namespace {

constexpr std::string_view kTable = "temp.identity_statement";

RowValue text_or_null(const RowValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return v;
}

// Whether a conflict only tells a change over time: a statement is as of its
// article's date, so the same holding or status given otherwise by articles
// of different dates is not a disagreement; two dates given for the same
// thing still are.
bool tells_a_change(const FactKind& kind, const Identities::Conflict& c, const std::string& mine, const std::string& theirs) {
  bool dated_kind = std::any_of(kind.fields.begin(), kind.fields.end(), [](const FieldSpec& f) { return f.type == FieldType::date; });
  return dated_kind && c.field->type != FieldType::date && !mine.empty() && !theirs.empty() && mine != theirs;
}

}  // namespace

Disagreements::Disagreements(SQLite::Database& db) : db_(db) {
  db.exec(fmt::format("CREATE TABLE {} (key_high INTEGER, key_low INTEGER, fact_id INTEGER, article INTEGER, kind TEXT, "
                      "field_values TEXT)",
                      kTable));
}

void Disagreements::record(Rows& rows, const FactKind& kind, IdentityKey key, std::int64_t fact_id, std::uint32_t article,
                           const FieldValues& values) {
  rows.insert(kTable, {{"key_high", static_cast<std::int64_t>(key.first)},
                       {"key_low", static_cast<std::int64_t>(key.second)},
                       {"fact_id", fact_id},
                       {"article", std::int64_t{article}},
                       {"kind", std::string(kind.key)},
                       {"field_values", values.encode(kind)}});
}

void Disagreements::derive(const std::vector<std::string>& published) {
  SQLite::Statement insert(db_, "INSERT INTO main.disagreement (fact_id, other_fact_id, field, value, other_value) VALUES (?, ?, ?, ?, ?)");
  auto bind = [&](int index, const RowValue& v) {
    auto text = text_or_null(v);
    if (const auto* s = std::get_if<std::string>(&text)) insert.bind(index, *s);
    else insert.bind(index);
  };
  {
    SQLite::Statement statements(db_, fmt::format("SELECT key_high, key_low, fact_id, article, kind, field_values FROM {} "
                                                  "ORDER BY key_high, key_low, rowid",
                                                  kTable));
    Identities identities;
    IdentityKey current{};
    std::set<std::tuple<std::int64_t, std::int64_t, const FieldSpec*>> recorded;  // this identity's (fact, other fact, field)
    bool first = true;
    while (statements.executeStep()) {
      IdentityKey key{static_cast<std::uint64_t>(statements.getColumn(0).getInt64()),
                      static_cast<std::uint64_t>(statements.getColumn(1).getInt64())};
      if (first || key != current) {
        identities.clear();
        recorded.clear();
        current = key;
        first = false;
      }
      auto fact_id = statements.getColumn(2).getInt64();
      auto article = static_cast<std::uint32_t>(statements.getColumn(3).getInt64());
      const auto& kind = *find_kind(statements.getColumn(4).getString());
      auto values = FieldValues::decode(kind, statements.getColumn(5).getString());
      for (const auto& c : identities.compare(key, fact_id, article, {}, std::move(values)).conflicts) {
        if (tells_a_change(kind, c, published[article], published[c.other_article])) continue;
        bool mine_first = fact_id < c.other_fact;
        // A fact restated by a third article meets the same rival again: the
        // disagreement is between the two facts, recorded once.
        if (!recorded.emplace(mine_first ? fact_id : c.other_fact, mine_first ? c.other_fact : fact_id, c.field).second)
          continue;
        insert.bind(1, mine_first ? fact_id : c.other_fact);
        insert.bind(2, mine_first ? c.other_fact : fact_id);
        insert.bind(3, std::string(c.field->key));
        bind(4, mine_first ? c.value : c.other_value);
        bind(5, mine_first ? c.other_value : c.value);
        insert.exec();
        insert.reset();
      }
    }
  }
  db_.exec(fmt::format("DROP TABLE {}", kTable));
}

}  // namespace factdb::seed
