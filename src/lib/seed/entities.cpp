#include "entities.h"

#include <fmt/format.h>

#include <algorithm>

namespace factdb::seed {

namespace {

std::string holding_key(const std::string& person, const std::string& office) { return person + '\x1f' + office; }

std::string value_text(const RowValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return "'" + *s + "'";
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return "unset";
}

bool kind_allowed(std::string_view refs, std::string_view kind) {
  if (refs == "*") return true;
  for (std::size_t start = 0; start < refs.size();) {
    auto end = std::min(refs.find(' ', start), refs.size());
    if (refs.substr(start, end - start) == kind) return true;
    start = end + 1;
  }
  return false;
}
}  // namespace

bool Entities::define(const std::string& id, std::string_view kind, const Location& where, const std::string& article_id) {
  auto [it, fresh] = definitions_.emplace(id, Definition{std::string(kind), where, article_id, {}});
  if (fresh) return true;
  const auto& first = it->second;
  if (first.article_id == article_id) {
    diagnostics_.fail(where, fmt::format("duplicate id '{}': already defined as a {} at {}", id, first.kind, to_string(first.where)));
    return false;
  }
  if (first.kind != kind) {
    // Neither article is to blame more than the other: both places are named.
    diagnostics_.fail(where, fmt::format("'{}' is a {} here but a {} at {}", id, kind, first.kind, to_string(first.where)));
    diagnostics_.fail(first.where, fmt::format("'{}' is a {} here but a {} at {}", id, first.kind, kind, to_string(where)));
    return false;
  }
  return true;
}

std::vector<Entities::Attribute> Entities::merge(const std::string& id, const std::vector<Attribute>& attributes) {
  std::vector<Attribute> fresh;
  auto it = definitions_.find(id);
  if (it == definitions_.end()) return fresh;
  auto& known = it->second.attributes;
  for (const auto& a : attributes) {
    auto k = std::find_if(known.begin(), known.end(), [&](const Attribute& x) { return x.column == a.column; });
    if (k == known.end()) {
      known.push_back(a);
      if (!std::holds_alternative<std::monostate>(a.value)) fresh.push_back(a);
    } else if (std::holds_alternative<std::monostate>(a.value)) {
      // Left out: says nothing.
    } else if (std::holds_alternative<std::monostate>(k->value)) {
      *k = a;
      fresh.push_back(a);
    } else if (k->value != a.value) {
      diagnostics_.fail(a.where, fmt::format("'{}' of '{}' is {} here but {} at {}", a.column, id, value_text(a.value),
                                             value_text(k->value), to_string(k->where)));
      diagnostics_.fail(k->where, fmt::format("'{}' of '{}' is {} here but {} at {}", a.column, id, value_text(k->value),
                                              value_text(a.value), to_string(a.where)));
    }
  }
  return fresh;
}

bool Entities::check(const std::string& id, std::string_view refs, std::string_view field, const Location& where) {
  auto it = definitions_.find(id);
  if (it == definitions_.end()) {
    diagnostics_.fail(where, fmt::format("unknown {} '{}' in '{}': no article defines id = \"{}\"",
                                         refs == "*" ? "entity" : describe_kinds(refs, false), shown(id), field, shown(id)));
    return false;
  }
  if (kind_allowed(refs, it->second.kind)) return true;
  diagnostics_.fail(where, fmt::format("'{}' is a {} (defined at {}), but '{}' must name {}", id, it->second.kind,
                                       to_string(it->second.where), field, describe_kinds(refs)));
  return false;
}

void Entities::require(const std::string& id, std::string_view refs, std::string_view field, const Location& where) {
  if (definitions_.count(id)) check(id, refs, field, where);
  else pending_.push_back({id, refs, field, where});
}

void Entities::add_holding(const std::string& person, const std::string& office) {
  holdings_.insert(holding_key(person, office));
}

void Entities::require_holding(const std::string& person, const std::string& office, const Location& where) {
  if (!holdings_.count(holding_key(person, office))) pending_holdings_.push_back({{person, office}, where});
}

const Entities::Definition* Entities::find(const std::string& id) const {
  auto it = definitions_.find(id);
  return it == definitions_.end() ? nullptr : &it->second;
}

void Entities::finish() {
  for (const auto& p : pending_) check(p.id, p.refs, p.field, p.where);
  pending_.clear();
  for (const auto& [key, where] : pending_holdings_) {
    const auto& [person, office] = key;
    if (!holdings_.count(holding_key(person, office)))
      diagnostics_.fail(where, fmt::format("'{}' holds no office '{}': add a [[holding]] with person = \"{}\", office = \"{}\"",
                                           person, office, person, office));
  }
  pending_holdings_.clear();
}

}  // namespace factdb::seed
