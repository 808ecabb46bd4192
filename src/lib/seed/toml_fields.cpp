#include "toml_fields.h"

#include <fmt/format.h>

#include <algorithm>

namespace factdb::seed {

const char* type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

void TomlFields::check_keys(const toml::table& item, std::string_view what, const std::vector<std::string_view>& allowed) {
  for (auto&& [key, node] : item) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    std::string expected;
    for (auto k : allowed) expected += (expected.empty() ? "" : ", ") + std::string(k);
    diagnostics_.fail(seed::at(file_, key), fmt::format("unknown key '{}' in [[{}]]; expected one of: {}", key.str(), what, expected));
  }
}

std::optional<std::string> TomlFields::optional_string(const toml::table& item, std::string_view key) {
  const auto* node = item.get(key);
  if (!node) return std::nullopt;
  if (const auto* s = node->as_string()) return s->get();
  fail(*node, fmt::format("'{}' must be a string, not {}", key, type_name(*node)));
  return std::nullopt;
}

std::optional<std::string> TomlFields::required_string(const toml::table& item, std::string_view key, std::string_view what) {
  if (!item.get(key)) {
    fail(item, fmt::format("[[{}]] needs '{}'", what, key));
    return std::nullopt;
  }
  return optional_string(item, key);
}

std::vector<Quote> TomlFields::quotes(const toml::node& node) {
  std::vector<Quote> quotes;
  auto one = [&](const toml::node& q) {
    if (const auto* s = q.as_string()) {
      quotes.push_back({s->get(), 0, &q});
    } else if (const auto* t = q.as_table()) {
      check_keys(*t, "quote", {"text", "occurrence"});
      auto text = required_string(*t, "text", "quote");
      std::int64_t occurrence = 0;
      if (const auto* o = t->get("occurrence")) {
        if (auto v = o->value<std::int64_t>(); v && *v >= 1) occurrence = *v;
        else fail(*o, "'occurrence' must be a whole number from 1 up");
      }
      // The view must point into the document, not at the optional's copy.
      if (text) quotes.push_back({t->get("text")->as_string()->get(), occurrence, &q});
    } else {
      fail(q, fmt::format("a quote must be a string or {{ text = \"...\", occurrence = N }}, not {}", type_name(q)));
    }
  };
  if (const auto* arr = node.as_array()) {
    if (arr->empty()) fail(node, "'quote' is an empty array; give at least one quote");
    for (const auto& q : *arr) {
      one(q);
      if (quotes.empty() || quotes.back().node != &q) continue;
      for (std::size_t i = 0; i + 1 < quotes.size(); ++i)
        if (quotes[i].text == quotes.back().text && quotes[i].occurrence == quotes.back().occurrence) {
          fail(q, fmt::format("the same quote twice in one list (first at {}): \"{}\"", to_string(at(*quotes[i].node)),
                              shown(quotes.back().text)));
          quotes.pop_back();
          break;
        }
    }
  } else {
    one(node);
  }
  return quotes;
}

}  // namespace factdb::seed
