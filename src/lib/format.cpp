#include "factdb/format.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "factdb/text.h"

namespace factdb {

namespace {

const std::vector<std::pair<std::string_view, Format>>& formats() {
  static const std::vector<std::pair<std::string_view, Format>> all = {
      {"table", Format::table}, {"csv", Format::csv},     {"tsv", Format::tsv},
      {"json", Format::json},   {"jsonl", Format::jsonl}, {"markdown", Format::markdown}};
  return all;
}

bool is_number(const Value& v) { return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v); }

// The value as plain text: NULL is empty, a BLOB is X'hex' as SQL writes it.
std::string plain(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* b = std::get_if<Blob>(&v)) {
    std::string hex = "X'";
    for (auto byte : b->bytes) hex += fmt::format("{:02X}", byte);
    return hex + "'";
  }
  return {};
}

// Control characters would move the cursor or recolour the terminal: show
// them as escapes, so that what a cell holds is what the reader sees.
std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(s[i + 1]) < 0xA0)  // C1 controls, U+0080..U+009F
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[++i]));
    else out += static_cast<char>(c);
  }
  return out;
}

void write_table(std::ostream& out, const ResultSet& r) {
  const auto n = r.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width(n, 0);
  std::vector<bool> numeric(n, true);
  for (std::size_t c = 0; c < n; ++c) width[c] = text::display_width(terminal_safe(r.columns[c]));
  for (const auto& row : r.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t c = 0; c < n; ++c) {
      line.push_back(terminal_safe(plain(row[c])));
      width[c] = std::max(width[c], text::display_width(line.back()));
      if (!is_number(row[c]) && !std::holds_alternative<std::nullptr_t>(row[c])) numeric[c] = false;
    }
  }
  auto emit = [&](const std::vector<std::string>& line, bool header) {
    std::string text;
    for (std::size_t c = 0; c < n; ++c) {
      auto pad = std::string(width[c] - text::display_width(line[c]), ' ');
      bool right = numeric[c] && !header && !r.rows.empty();
      auto cell = right ? pad + line[c] : line[c] + (c + 1 < n ? pad : "");
      text += (c ? "  " : "") + cell;
    }
    text.erase(text.find_last_not_of(' ') + 1);  // an empty last cell leaves no trailing blanks
    out << text << '\n';
  };
  std::vector<std::string> header;
  for (const auto& c : r.columns) header.push_back(terminal_safe(c));
  emit(header, true);
  std::string rule;
  for (std::size_t c = 0; c < n; ++c) {
    if (c) rule += "  ";
    for (std::size_t i = 0; i < width[c]; ++i) rule += "\u2500";
  }
  out << rule << '\n';
  for (const auto& line : cells) emit(line, false);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string tsv_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else if (c != '\r') out += c;
  }
  return out;
}

template <typename Escape>
void write_delimited(std::ostream& out, const ResultSet& r, const char* separator, const char* line_end, Escape escape) {
  auto emit = [&](auto begin, auto end, auto to_text) {
    for (auto it = begin; it != end; ++it) out << (it == begin ? "" : separator) << escape(to_text(*it));
    out << line_end;
  };
  emit(r.columns.begin(), r.columns.end(), [](const std::string& s) { return s; });
  for (const auto& row : r.rows) emit(row.begin(), row.end(), plain);
}

void write_markdown(std::ostream& out, const ResultSet& r) {
  auto emit = [&](const std::vector<std::string>& cells) {
    out << '|';
    for (const auto& c : cells) out << ' ' << markdown_field(c) << " |";
    out << '\n';
  };
  emit(r.columns);
  out << '|';
  for (std::size_t c = 0; c < r.columns.size(); ++c) out << " --- |";
  out << '\n';
  for (const auto& row : r.rows) {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(plain(v));
    emit(cells);
  }
}

nlohmann::ordered_json json_row(const ResultSet& r, const std::vector<Value>& row) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    const auto& v = row[c];
    if (auto* i = std::get_if<std::int64_t>(&v)) object[r.columns[c]] = *i;
    else if (auto* d = std::get_if<double>(&v)) object[r.columns[c]] = *d;
    else if (auto* s = std::get_if<std::string>(&v)) object[r.columns[c]] = *s;
    else if (std::holds_alternative<Blob>(v)) object[r.columns[c]] = plain(v);
    else object[r.columns[c]] = nullptr;
  }
  return object;
}

std::string dump(const nlohmann::ordered_json& j, int indent) {
  // Replace rather than throw on invalid UTF-8: the data is shown, not lost.
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

const std::vector<std::string_view>& format_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> all;
    for (const auto& [name, f] : formats()) all.push_back(name);
    return all;
  }();
  return names;
}

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [n, f] : formats())
    if (n == name) return f;
  return std::nullopt;
}

void write_result(std::ostream& out, const ResultSet& result, Format format) {
  switch (format) {
    case Format::table: write_table(out, result); break;
    case Format::csv: write_delimited(out, result, ",", "\r\n", csv_field); break;
    case Format::tsv: write_delimited(out, result, "\t", "\n", tsv_field); break;
    case Format::markdown: write_markdown(out, result); break;
    case Format::json: {
      auto array = nlohmann::ordered_json::array();
      for (const auto& row : result.rows) array.push_back(json_row(result, row));
      out << dump(array, 2) << '\n';
      break;
    }
    case Format::jsonl:
      for (const auto& row : result.rows) out << dump(json_row(result, row), -1) << '\n';
      break;
  }
}

}  // namespace factdb
