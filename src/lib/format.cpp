#include "factdb/format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "factdb/text.h"
#include "name_table.h"

namespace factdb {

namespace {

const NameTable<Format>& formats() {
  static const NameTable<Format> table = {{"table", Format::table}, {"csv", Format::csv},     {"tsv", Format::tsv},
                                          {"json", Format::json},   {"jsonl", Format::jsonl}, {"markdown", Format::markdown}};
  return table;
}

bool is_number(const Value& v) { return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v); }

// What a table shows of one value: at most kTableCellBytes of its text, then
// how much was left out. A table is read by a person, and it keeps every row
// until the end: a 50 MB cell must cost neither the memory nor the screen.
Value capped(const Value& v) {
  if (auto* b = std::get_if<Blob>(&v); b && b->bytes.size() * 2 + 3 > kTableCellBytes) {
    Blob head{std::vector<unsigned char>(b->bytes.begin(), b->bytes.begin() + (kTableCellBytes - 3) / 2)};
    return to_text(head) + fmt::format("\u2026 ({} bytes in all)", b->bytes.size());
  }
  auto* s = std::get_if<std::string>(&v);
  if (!s || s->size() <= kTableCellBytes) return v;
  std::size_t cut = kTableCellBytes;
  while (cut > 0 && (static_cast<unsigned char>((*s)[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return s->substr(0, cut) + fmt::format("\u2026 ({} more bytes)", s->size() - cut);
}

// Where the longest run of whole characters of `s` from `from` that fits in
// `max_width` display columns ends (one character at least).
std::size_t prefix_end(const std::string& s, std::size_t from, std::size_t max_width) {
  std::size_t end = from, width = 0;
  while (end < s.size()) {
    std::size_t next = end + 1;
    while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
    auto w = text::display_width(std::string_view(s).substr(end, next - end));
    if (width + w > max_width && end > from) break;
    width += w;
    end = next;
  }
  return end;
}

// `text` in lines of at most `width` display columns, broken at spaces; a
// word wider than that is cut. A line break in the text is kept.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    auto newline = text.find('\n', start);
    std::string para = text.substr(start, newline == std::string::npos ? std::string::npos : newline - start);
    std::string line;
    std::size_t at = 0;
    while (at <= para.size()) {
      auto space = para.find(' ', at);
      std::string word = para.substr(at, space == std::string::npos ? std::string::npos : space - at);
      while (text::display_width(word) > width) {  // too long for any line: cut it
        if (!line.empty()) lines.push_back(line), line.clear();
        auto cut = prefix_end(word, 0, width);
        lines.push_back(word.substr(0, cut));
        word = word.substr(cut);
      }
      if (!line.empty() && text::display_width(line) + 1 + text::display_width(word) > width) lines.push_back(line), line.clear();
      line += (line.empty() ? "" : " ") + word;
      if (space == std::string::npos) break;
      at = space + 1;
    }
    lines.push_back(line);
    if (newline == std::string::npos) break;
    start = newline + 1;
  }
  return lines;
}

// Column widths that fit `available` columns, as psql's wrapped format does:
// a column narrower than its fair share keeps its width; the others share
// what is left. Empty when some column would get fewer than `narrowest`.
std::vector<std::size_t> fitted_widths(const std::vector<std::size_t>& natural, std::size_t available, std::size_t narrowest) {
  std::vector<std::size_t> width = natural;
  std::vector<bool> settled(natural.size(), false);
  std::size_t left = available, open = natural.size();
  for (bool changed = true; changed && open > 0;) {
    changed = false;
    for (std::size_t c = 0; c < natural.size(); ++c)
      if (!settled[c] && natural[c] <= left / open) {
        settled[c] = true, left -= natural[c], --open, changed = true;
      }
  }
  // Each wide column gets `narrowest` columns; what is left goes to them in
  // proportion to the rest of their width: a long text gets more room than a
  // list of ids.
  std::size_t floors = 0, rest_total = 0, given = 0;
  for (std::size_t c = 0; c < natural.size(); ++c)
    if (!settled[c]) floors += narrowest, rest_total += natural[c] - std::min(natural[c], narrowest);
  if (floors > left) return {};
  for (std::size_t c = 0; c < natural.size(); ++c)
    if (!settled[c]) {
      auto rest = natural[c] - std::min(natural[c], narrowest);
      width[c] = narrowest + (rest_total ? (left - floors) * rest / rest_total : 0);
      given += width[c];
    }
  for (std::size_t c = 0; c < natural.size() && given < left; ++c)  // the rounding's remainder
    if (!settled[c] && width[c] < natural[c]) ++width[c], ++given;
  return width;
}

void write_expanded(std::ostream& out, const ResultSet& r, const std::vector<std::vector<std::string>>& cells,
                    const TableStyle& style) {
  std::size_t label = 0;
  for (const auto& c : r.columns) label = std::max(label, text::display_width(terminal_safe(c)));
  std::size_t value_width = style.width > label + 2 + 10 ? style.width - label - 2 : 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string head = fmt::format("-[ {} ]", i + 1);
    std::size_t rule = std::max<std::size_t>(style.width ? std::min<std::size_t>(style.width, 40) : 40, head.size());
    for (std::size_t k = head.size(); k < rule; ++k) head += "-";
    out << sgr(head, "2", style.colour) << '\n';
    for (std::size_t c = 0; c < r.columns.size(); ++c) {
      auto name = terminal_safe(r.columns[c]);
      auto lines = value_width ? wrap(cells[i][c], value_width) : std::vector<std::string>{cells[i][c]};
      for (std::size_t l = 0; l < lines.size(); ++l) {
        std::string shown_label = l ? std::string(label, ' ') : name + std::string(label - text::display_width(name), ' ');
        std::string line = sgr(shown_label, l ? nullptr : "1", style.colour) + "  " + lines[l];
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
      }
    }
  }
}

void write_table(std::ostream& out, const ResultSet& r, const TableStyle& style) {
  const auto n = r.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width(n, 0);
  std::vector<bool> numeric(n, true);
  for (std::size_t c = 0; c < n; ++c) width[c] = text::display_width(terminal_safe(r.columns[c]));
  for (const auto& row : r.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t c = 0; c < n; ++c) {
      bool null = std::holds_alternative<std::nullptr_t>(row[c]);
      line.push_back(terminal_safe(null ? style.null_text : to_text(capped(row[c]))));
      width[c] = std::max(width[c], text::display_width(line.back()));
      if (!is_number(row[c]) && !null) numeric[c] = false;
    }
  }
  if (style.expanded) return write_expanded(out, r, cells, style);
  std::size_t total = n ? 2 * (n - 1) : 0;
  for (auto w : width) total += w;
  bool wrapped = style.width > 0 && total > style.width;
  if (wrapped) {
    // Columns narrower than a short word (or than their header) read badly:
    // then one record per block instead.
    auto fitted = fitted_widths(width, style.width > 2 * (n - 1) ? style.width - 2 * (n - 1) : 0, 12);
    for (std::size_t c = 0; c < n && !fitted.empty(); ++c)
      if (fitted[c] < std::min(width[c], text::display_width(terminal_safe(r.columns[c])))) fitted.clear();
    if (fitted.empty()) return write_expanded(out, r, cells, style);
    width = fitted;
  }
  // Codes go around each cell's text, after its width is measured.
  auto emit = [&](const std::vector<std::string>& line, const std::vector<Value>* values) {
    std::vector<std::vector<std::string>> parts(n);
    std::size_t height = 1;
    for (std::size_t c = 0; c < n; ++c) {
      parts[c] = wrapped ? wrap(line[c], width[c]) : std::vector<std::string>{line[c]};
      height = std::max(height, parts[c].size());
    }
    for (std::size_t l = 0; l < height; ++l) {
      std::string text;
      for (std::size_t c = 0; c < n; ++c) {
        const std::string part = l < parts[c].size() ? parts[c][l] : std::string();
        auto pad = std::string(width[c] - std::min(width[c], text::display_width(part)), ' ');
        bool right = numeric[c] && values && !r.rows.empty();
        const char* code = !values ? "1" : style.cell_colour ? style.cell_colour(r.columns[c], (*values)[c]) : nullptr;
        auto shown = sgr(part, part.empty() ? nullptr : code, style.colour);
        auto cell = right ? pad + shown : shown + (c + 1 < n ? pad : "");
        text += (c ? "  " : "") + cell;
      }
      text.erase(text.find_last_not_of(' ') + 1);  // an empty last cell leaves no trailing blanks
      out << text << '\n';
    }
  };
  std::vector<std::string> header;
  for (const auto& c : r.columns) header.push_back(terminal_safe(c));
  emit(header, nullptr);
  std::string rule;
  for (std::size_t c = 0; c < n; ++c) {
    if (c) rule += "  ";
    for (std::size_t i = 0; i < width[c]; ++i) rule += "\u2500";
  }
  out << sgr(rule, "2", style.colour) << '\n';
  for (std::size_t i = 0; i < cells.size(); ++i) emit(cells[i], &r.rows[i]);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}


std::string dump(const nlohmann::ordered_json& j, int indent) {
  // Replace rather than throw on invalid UTF-8: the data is shown, not lost.
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Column names as JSON keys: a name that repeats an earlier one gets _2,
// _3, ... (SELECT 1 AS a, 2 AS a), so no value is lost to a duplicate key.
std::vector<std::string> json_keys(const std::vector<std::string>& columns) {
  std::vector<std::string> keys;
  for (const auto& c : columns) {
    auto key = c;
    for (int n = 2; std::find(keys.begin(), keys.end(), key) != keys.end(); ++n) key = c + "_" + std::to_string(n);
    keys.push_back(key);
  }
  return keys;
}

nlohmann::ordered_json json_value(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (std::holds_alternative<Blob>(v)) return to_text(v);
  return nullptr;
}

// A column of ids ("fact_ids") holds a JSON array as text, which SQL can only
// return as text; in JSON it is the array itself. A cell that is not one
// stays text.
nlohmann::ordered_json json_cell(const std::string& key, const Value& v) {
  auto* s = std::get_if<std::string>(&v);
  bool ids = key.size() >= 4 && key.compare(key.size() - 4, 4, "_ids") == 0;
  if (ids && s && !s->empty() && s->front() == '[') {
    auto parsed = nlohmann::ordered_json::parse(*s, nullptr, false);
    if (parsed.is_array()) return parsed;
  }
  return json_value(v);
}

nlohmann::ordered_json json_row(const std::vector<std::string>& keys, const std::vector<Value>& row) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < keys.size(); ++c) object[keys[c]] = json_cell(keys[c], row[c]);
  return object;
}

// One row as a JSON object, as nlohmann's dump would write it (compact for
// indent < 0, else pretty at nesting `level`), except that an infinite REAL
// is written as SQLite's JSON functions write it, 9.0e+999, not as null.
std::string json_row_text(const std::vector<std::string>& keys, const std::vector<Value>& row, int indent, int level) {
  if (keys.empty()) return "{}";
  std::string inner = indent < 0 ? "" : "\n" + std::string(static_cast<std::size_t>(indent * (level + 1)), ' ');
  std::string out = "{";
  for (std::size_t c = 0; c < keys.size(); ++c) {
    out += (c ? "," : "") + inner + dump(keys[c], -1) + (indent < 0 ? ":" : ": ");
    auto* d = std::get_if<double>(&row[c]);
    out += d && std::isinf(*d) ? (*d > 0 ? "9.0e+999" : "-9.0e+999") : dump(json_cell(keys[c], row[c]), -1);
  }
  return out + (indent < 0 ? "" : "\n" + std::string(static_cast<std::size_t>(indent * level), ' ')) + "}";
}

// csv and tsv: a header line, then a line per row.
class DelimitedWriter : public RowSink {
 public:
  using Escape = std::string (*)(const std::string&);
  DelimitedWriter(std::ostream& out, const char* separator, const char* line_end, Escape escape)
      : out_(out), separator_(separator), line_end_(line_end), escape_(escape) {}
  void begin(const std::vector<std::string>& columns) override {
    for (std::size_t c = 0; c < columns.size(); ++c) out_ << (c ? separator_ : "") << escape_(columns[c]);
    out_ << line_end_;
  }
  void row(const std::vector<Value>& row) override {
    for (std::size_t c = 0; c < row.size(); ++c) out_ << (c ? separator_ : "") << escape_(to_text(row[c]));
    out_ << line_end_;
  }

 private:
  std::ostream& out_;
  const char* separator_;
  const char* line_end_;
  Escape escape_;
};

class MarkdownWriter : public RowSink {
 public:
  explicit MarkdownWriter(std::ostream& out) : out_(out) {}
  void begin(const std::vector<std::string>& columns) override {
    emit(columns);
    out_ << '|';
    for (std::size_t c = 0; c < columns.size(); ++c) out_ << " --- |";
    out_ << '\n';
  }
  void row(const std::vector<Value>& row) override {
    cells_.clear();
    for (const auto& v : row) cells_.push_back(to_text(v));
    emit(cells_);
  }

 private:
  void emit(const std::vector<std::string>& cells) {
    out_ << '|';
    for (const auto& c : cells) out_ << ' ' << markdown_cell(c) << " |";
    out_ << '\n';
  }
  std::ostream& out_;
  std::vector<std::string> cells_;
};

// One pretty-printed array, written object by object: the same bytes as
// nlohmann's dump(2) of the whole array.
class JsonWriter : public RowSink {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void begin(const std::vector<std::string>& columns) override { keys_ = json_keys(columns); }
  void row(const std::vector<Value>& row) override { out_ << (rows_++ ? ",\n  " : "[\n  ") << json_row_text(keys_, row, 2, 1); }
  void end() override { out_ << (rows_ ? "\n]\n" : "[]\n"); }

 private:
  std::ostream& out_;
  std::vector<std::string> keys_;
  std::size_t rows_ = 0;
};

class JsonLinesWriter : public RowSink {
 public:
  explicit JsonLinesWriter(std::ostream& out) : out_(out) {}
  void begin(const std::vector<std::string>& columns) override { keys_ = json_keys(columns); }
  void row(const std::vector<Value>& row) override { out_ << json_row_text(keys_, row, -1, 0) << '\n'; }

 private:
  std::ostream& out_;
  std::vector<std::string> keys_;
};

// Aligned columns need the widest cell of each: every row is kept until end().
class TableWriter : public CollectingSink {
 public:
  TableWriter(std::ostream& out, TableStyle style) : out_(out), style_(std::move(style)) {}
  void row(const std::vector<Value>& row) override {
    auto& kept = result.rows.emplace_back();
    for (const auto& v : row) kept.push_back(capped(v));
  }
  void end() override { write_table(out_, result, style_); }

 private:
  std::ostream& out_;
  TableStyle style_;
};

}  // namespace

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

std::string sgr(const std::string& text, const char* code, bool on) {
  return on && code ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
}

std::string to_text(const Value& v) {
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

namespace {

// Bidirectional embeddings, overrides and isolates (U+202A..U+202E,
// U+2066..U+2069): invisible, they reorder what a reader sees ("Trojan
// Source"). `s[i]` starts a three-byte UTF-8 sequence; returns its code point
// when it is one of them, else 0.
unsigned bidi_control_at(const std::string& s, std::size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2) return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 0x2000 + (b2 - 0x80);
  if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 0x2040 + (b2 - 0x80);
  return 0;
}

std::string escape_controls(const std::string& s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') out += keep_newlines ? "\n" : "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
    else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(s[i + 1]) < 0xA0)  // C1 controls, U+0080..U+009F
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[++i]));
    else if (auto bidi = bidi_control_at(s, i)) {
      out += fmt::format("\\u{:04x}", bidi);
      i += 2;
    } else out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

std::string terminal_safe(const std::string& s) { return escape_controls(s, false); }

std::string message_safe(const std::string& s) { return escape_controls(s, true); }

std::string markdown_cell(const std::string& s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = std::min(s.find('\n', start), s.size());
    std::string line = s.substr(start, end - start);
    line.erase(std::remove(line.begin(), line.end(), '\r'), line.end());
    if (start > 0) out += "<br>";
    // Controls first, as escapes; then what Markdown would read as syntax,
    // the escapes' own backslashes included, so they show as written.
    auto safe = terminal_safe(line);
    auto word_char = [&](std::size_t i) { return i < safe.size() && std::isalnum(static_cast<unsigned char>(safe[i])); };
    for (std::size_t i = 0; i < safe.size(); ++i) {
      char c = safe[i];
      // '_' inside a word (fact_ids) never starts emphasis, so it stays bare.
      bool intraword_underscore = c == '_' && i > 0 && word_char(i - 1) && word_char(i + 1);
      switch (c) {
        case '|': case '\\': case '[': case ']': case '`': case '*': case '~': case '_':
          if (!intraword_underscore) out += '\\';
          out += c;
          break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        default: out += c;
      }
    }
    start = end + 1;
  }
  return out;
}

const std::vector<std::string_view>& format_names() { return formats().names(); }

std::optional<Format> parse_format(std::string_view name) { return formats().find(name); }

std::unique_ptr<RowSink> result_writer(std::ostream& out, Format format, const TableStyle& style) {
  switch (format) {
    case Format::csv: return std::make_unique<DelimitedWriter>(out, ",", "\r\n", csv_field);
    case Format::tsv: return std::make_unique<DelimitedWriter>(out, "\t", "\n", tsv_field);
    case Format::markdown: return std::make_unique<MarkdownWriter>(out);
    case Format::json: return std::make_unique<JsonWriter>(out);
    case Format::jsonl: return std::make_unique<JsonLinesWriter>(out);
    case Format::table: break;
  }
  return std::make_unique<TableWriter>(out, style);
}

void write_result(std::ostream& out, const ResultSet& result, Format format, const TableStyle& style) {
  if (format == Format::table) return write_table(out, result, style);  // no copy of the rows
  auto writer = result_writer(out, format);
  writer->begin(result.columns);
  for (const auto& row : result.rows) writer->row(row);
  writer->end();
}

namespace {

nlohmann::ordered_json support_json(const Support& s) {
  nlohmann::ordered_json j;
  j["fact_id"] = s.fact_id;
  j["kind"] = s.kind;
  j["basis"] = s.is_annotation ? "annotation" : "article";
  j["article"] = s.article_id;
  if (s.is_annotation) {
    j["source"] = s.source;
    j["url"] = s.url;
    j["note"] = s.note;
  } else {
    j["line"] = s.line.value_or(0);
    j["column"] = s.column.value_or(0);
    j["end_line"] = s.end_line.value_or(0);
    j["end_column"] = s.end_column.value_or(0);
    j["start"] = s.start.value_or(0);
    j["length"] = s.length.value_or(0);
    j["quote"] = s.quote;
  }
  return j;
}

// Columns that repeat what the evidence lines below a row show in full.
bool shown_as_evidence(const std::string& column) {
  return column == "fact_ids" || column == "evidence" || column == "role_basis";
}

void write_explanation_text(std::ostream& out, const Explanation& e) {
  auto n = e.first_row - 1;  // numbered as in the whole answer, whatever the page
  for (const auto& row : e.rows) {
    std::string line = fmt::format("{}.", ++n);
    for (std::size_t c = 0; c < e.columns.size(); ++c) {
      if (shown_as_evidence(e.columns[c])) continue;
      line += fmt::format("{} {}: {}", c ? " |" : "", terminal_safe(e.columns[c]), terminal_safe(to_text(row.values[c])));
    }
    out << line << '\n';
    for (const auto& s : row.support) {
      if (s.is_annotation)
        out << fmt::format("   {} #{}  annotation, {} <{}>: {}\n", terminal_safe(s.kind), s.fact_id, terminal_safe(s.source),
                           terminal_safe(s.url), terminal_safe(s.note));
      else
        out << fmt::format("   {} #{}  {}, {}:{}-{}:{} (characters {}-{}): \"{}\"\n", terminal_safe(s.kind), s.fact_id,
                           terminal_safe(s.article_id), s.line.value_or(0), s.column.value_or(0), s.end_line.value_or(0),
                           s.end_column.value_or(0), s.start.value_or(0), s.start.value_or(0) + s.length.value_or(0) - 1,
                           terminal_safe(s.quote));
    }
    if (row.support.empty()) out << "   (no facts listed)\n";
  }
}

}  // namespace

void write_explanation(std::ostream& out, const Explanation& explanation, Format format) {
  if (format == Format::table) return write_explanation_text(out, explanation);
  ResultSet rows{explanation.columns, {}};
  for (const auto& row : explanation.rows) rows.rows.push_back(row.values);
  if (format == Format::json || format == Format::jsonl) {
    auto array = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
      nlohmann::ordered_json item;
      item["row"] = json_row(json_keys(rows.columns), rows.rows[i]);
      item["evidence"] = nlohmann::ordered_json::array();
      for (const auto& s : explanation.rows[i].support) item["evidence"].push_back(support_json(s));
      if (format == Format::jsonl) out << dump(item, -1) << '\n';
      else array.push_back(std::move(item));
    }
    if (format == Format::json) out << dump(array, 2) << '\n';
    return;
  }
  // Flat formats: one line per citation or annotation, with the row it supports.
  ResultSet flat{{"row"}, {}};
  flat.columns.insert(flat.columns.end(), explanation.columns.begin(), explanation.columns.end());
  for (const char* c : {"fact_id", "fact_kind", "basis", "article", "line", "column", "end_line", "end_column", "start", "length",
                        "quote", "source", "url", "note"})
    flat.columns.emplace_back(c);
  std::int64_t n = 0;
  for (const auto& row : explanation.rows) {
    ++n;
    for (const auto& s : row.support) {
      std::vector<Value> line{n};
      line.insert(line.end(), row.values.begin(), row.values.end());
      auto opt = [](const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); };
      auto str = [](const std::string& v) { return v.empty() ? Value(nullptr) : Value(v); };
      for (Value v : {Value(s.fact_id), Value(s.kind), Value(std::string(s.is_annotation ? "annotation" : "article")),
                      Value(s.article_id), opt(s.line), opt(s.column), opt(s.end_line), opt(s.end_column), opt(s.start),
                      opt(s.length), str(s.quote), str(s.source),
                      str(s.url), str(s.note)})
        line.push_back(std::move(v));
      flat.rows.push_back(std::move(line));
    }
  }
  write_result(out, flat, format);
}

}  // namespace factdb
