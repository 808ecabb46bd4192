#include "identities.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <charconv>

#include "factdb/error.h"

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

// Reads the decimal number at `at` in `text` and moves past it.
template <class Number>
Number read_number(std::string_view text, std::size_t& at) {
  Number n{};
  auto [end, error] = std::from_chars(text.data() + at, text.data() + text.size(), n);
  if (error != std::errc()) throw Error(ExitCode::internal, fmt::format("unreadable field values '{}'", text));
  at = static_cast<std::size_t>(end - text.data());
  return n;
}
}  // namespace

// Each field as its index in the kind, a type letter and the value:
// "3s5:Putin", "4i2000;", "5-". Lengths, not separators, delimit text, so
// any value reads back as it was.
std::string FieldValues::encode(const FactKind& kind) const {
  std::string text;
  for (const auto& [field, value] : fields) {
    text += std::to_string(field - kind.fields.data());
    if (const auto* s = std::get_if<std::string>(&value)) text.append("s").append(std::to_string(s->size())).append(":").append(*s);
    else if (const auto* i = std::get_if<std::int64_t>(&value)) text.append("i").append(std::to_string(*i)).append(";");
    else text.append("-");
  }
  return text;
}

FieldValues FieldValues::decode(const FactKind& kind, std::string_view text) {
  FieldValues values;
  auto fail = [&] { return Error(ExitCode::internal, fmt::format("unreadable field values '{}'", text)); };
  for (std::size_t at = 0; at < text.size();) {
    auto index = read_number<std::size_t>(text, at);
    if (index >= kind.fields.size() || at >= text.size()) throw fail();
    const auto* field = &kind.fields[index];
    switch (text[at++]) {
      case 's': {
        auto size = read_number<std::size_t>(text, at);
        if (at >= text.size() || text[at] != ':' || text.size() - at - 1 < size) throw fail();
        values.fields.emplace_back(field, std::string(text.substr(at + 1, size)));
        at += 1 + size;
        break;
      }
      case 'i': {
        auto number = read_number<std::int64_t>(text, at);
        if (at >= text.size() || text[at] != ';') throw fail();
        values.fields.emplace_back(field, number);
        ++at;
        break;
      }
      case '-': values.fields.emplace_back(field, std::monostate{}); break;
      default: throw fail();
    }
  }
  return values;
}

IdentityKey identity_key(std::string_view identity) {
  auto hash = XXH3_128bits(identity.data(), identity.size());
  return {hash.high64, hash.low64};
}

Identities::Comparison Identities::compare(IdentityKey key, std::int64_t id, std::uint32_t article, FilePosition where,
                                           FieldValues values) {
  Comparison result;
  auto& conflicts = result.conflicts;
  auto& variants = by_identity_[key];
  for (const auto& other : variants) {
    if (other.fact == id) continue;
    if (other.article == article && !result.same_article) result.same_article = other.where;
    for (const auto& field : values.fields) {
      const auto* spec = field.first;  // clang 14 cannot capture structured bindings
      const auto& value = field.second;
      auto was = std::find_if(other.values.fields.begin(), other.values.fields.end(), [&](const auto& f) { return f.first == spec; });
      if (was == other.values.fields.end() || std::holds_alternative<std::monostate>(value) ||
          std::holds_alternative<std::monostate>(was->second) || was->second == value || lumps(value, was->second) ||
          lumps(was->second, value))
        continue;
      conflicts.push_back({other.fact, spec, value, was->second, other.article});
    }
  }
  if (std::none_of(variants.begin(), variants.end(), [&](const Variant& v) { return v.fact == id; }))
    variants.push_back({id, article, where, std::move(values)});
  return result;
}

}  // namespace factdb::seed
