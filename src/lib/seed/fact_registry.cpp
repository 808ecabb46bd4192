#include "fact_registry.h"

#include <xxhash.h>

#include <algorithm>

namespace factdb::seed {

namespace {
constexpr std::int64_t kIdMask = (std::int64_t{1} << 53) - 1;
constexpr XXH64_hash_t kCheckSeed = 0x9E3779B97F4A7C15ULL;
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
          std::holds_alternative<std::monostate>(was->second) || was->second == value)
        continue;
      conflicts.push_back({other.fact, std::string(key), value, was->second, other.where, other.article, other.article == article});
    }
  }
  if (std::none_of(variants.begin(), variants.end(), [&](const Variant& v) { return v.fact == id; }))
    variants.push_back({id, article, where, std::move(values)});
  return result;
}

}  // namespace factdb::seed
