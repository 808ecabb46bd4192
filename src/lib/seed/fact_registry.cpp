#include "fact_registry.h"

#include <xxhash.h>

#include <algorithm>

namespace factdb::seed {

namespace {
constexpr std::int64_t kIdMask = (std::int64_t{1} << 53) - 1;
constexpr XXH64_hash_t kCheckSeed = 0x9E3779B97F4A7C15ULL;
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

std::pair<std::int64_t, bool> ContentIds::id(std::string_view content) {
  auto id = static_cast<std::int64_t>(XXH3_64bits(content.data(), content.size()) & kIdMask);
  auto check = XXH3_64bits_withSeed(content.data(), content.size(), kCheckSeed);
  for (;; id = (id + 1) & kIdMask) {
    if (id == 0) continue;  // ids start at 1
    auto [it, fresh] = checks_.emplace(id, check);
    if (fresh) return {id, true};
    if (it->second == check) return {id, false};
  }
}

FactRegistry::Fact* FactRegistry::find(std::int64_t id) {
  auto it = facts_.find(id);
  return it == facts_.end() ? nullptr : &it->second;
}

FactRegistry::Comparison FactRegistry::compare(const std::string& identity, std::int64_t id, std::uint32_t article,
                                                          const Location& where, Values values) {
  Comparison result;
  auto& conflicts = result.conflicts;
  auto& variants = by_identity_[identity];
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
      conflicts.push_back({other.fact, std::string(key), value, was->second, other.where, other.article, other.article == article});
    }
  }
  if (std::none_of(variants.begin(), variants.end(), [&](const Variant& v) { return v.fact == id; }))
    variants.push_back({id, article, where, std::move(values)});
  return result;
}

}  // namespace factdb::seed
