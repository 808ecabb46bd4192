#include "fact_registry.h"

#include <xxhash.h>

#include <algorithm>

namespace factdb::seed {

namespace {
// Whether `lumped` is "a or b ..." and `one` is one of its alternatives: text
// that does not tell two statuses apart agrees with text that names one.
bool lumps(const RowValue& lumped, const RowValue& one) {
  const auto* l = std::get_if<std::string>(&lumped);
  const auto* o = std::get_if<std::string>(&one);
  if (!l || !o) return false;
  for (std::size_t start = 0; start <= l->size();) {
    auto end = std::min(l->find(" or ", start), l->size());
    if (l->compare(start, end - start, *o) == 0 && o->size() == end - start) return end != l->size() || start != 0;
    start = end + 4;
  }
  return false;
}
}  // namespace

FactRegistry::Comparison FactRegistry::compare(std::string_view identity, std::int64_t id, std::uint32_t article,
                                               FilePosition where, Values values) {
  Comparison result;
  auto& conflicts = result.conflicts;
  auto hash = XXH3_128bits(identity.data(), identity.size());
  auto& variants = by_identity_[{hash.high64, hash.low64}];
  for (const auto& other : variants) {
    if (other.fact == id) continue;
    if (other.article == article && !result.same_article) result.same_article = other.where;
    for (const auto& field : values.fields) {
      const auto& key = field.first;  // clang 14 cannot capture structured bindings
      const auto& value = field.second;
      auto was = std::find_if(other.values.fields.begin(), other.values.fields.end(), [&](const auto& f) { return f.first == key; });
      if (was == other.values.fields.end() || std::holds_alternative<std::monostate>(value) ||
          std::holds_alternative<std::monostate>(was->second) || was->second == value || lumps(value, was->second) ||
          lumps(was->second, value))
        continue;
      conflicts.push_back({other.fact, std::string(key), value, was->second, other.article, other.article == article});
    }
  }
  if (std::none_of(variants.begin(), variants.end(), [&](const Variant& v) { return v.fact == id; }))
    variants.push_back({id, article, where, std::move(values)});
  return result;
}

}  // namespace factdb::seed
