// A fixed list of names for the values of an enum: what an option accepts.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace factdb {

template <typename T>
class NameTable {
 public:
  NameTable(std::initializer_list<std::pair<std::string_view, T>> entries) : entries_(entries) {
    for (const auto& entry : entries_) names_.push_back(entry.first);
  }
  // The names, in the order given: the order help lists them in.
  const std::vector<std::string_view>& names() const { return names_; }
  std::optional<T> find(std::string_view name) const {
    for (const auto& [n, value] : entries_)
      if (n == name) return value;
    return std::nullopt;
  }
  std::string_view name_of(T value) const {
    for (const auto& [n, v] : entries_)
      if (v == value) return n;
    return {};
  }

 private:
  std::vector<std::pair<std::string_view, T>> entries_;
  std::vector<std::string_view> names_;
};

}  // namespace factdb
