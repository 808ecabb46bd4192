#include "seed_loader.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <toml++/toml.h>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "fact_kinds.h"
#include "parse_ahead.h"
#include "row_writer.h"
#include "factdb/error.h"
#include "factdb/sha256.h"
#include "factdb/text.h"

namespace fs = std::filesystem;

namespace factdb::seed {

namespace {

using Value = RowValue;

constexpr std::string_view kFactsFile = "facts.toml";
constexpr std::size_t kParseAhead = 4;  // parsed files waiting for the loader, at most
constexpr std::string_view kSourcesFile = "sources.toml";
constexpr std::string_view kSupportKeys[] = {"quote", "annotation", "label"};

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

// "country organization" -> "a country or organization" (without the article: "country or organization").
std::string describe_kinds(std::string_view kinds, bool with_article = true) {
  std::istringstream words{std::string(kinds)};
  std::string text;
  for (std::string w; words >> w;) text += (text.empty() ? "" : " or ") + w;
  if (!with_article || text.empty()) return text;
  return (std::string("aeiou").find(text[0]) != std::string::npos ? "an " : "a ") + text;
}

// A value as a message shows it: whole when short, else its start and an ellipsis.
std::string shown(std::string_view s, std::size_t max_chars = 80) {
  if (text::char_count(s) <= max_chars) return std::string(s);
  std::size_t cut = 0;
  for (std::size_t chars = 0; cut < s.size() && chars < max_chars - 1; ++chars)
    do ++cut; while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80);
  return std::string(s.substr(0, cut)) + "\u2026";
}

// [a-z0-9]+(-[a-z0-9]+)*, by hand: std::regex made this a tenth of a build.
bool is_slug(const std::string& s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::missing_file, fmt::format("cannot read {}", path.string()));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// A quote as written in the seed: the text, and which occurrence is meant
// when the text occurs more than once (0: it must be unique).
struct Quote {
  std::string_view text;  // into the parsed document, which outlives the quote
  std::int64_t occurrence = 0;
  const toml::node* node = nullptr;
};

struct Span {
  std::size_t start = 0;  // bytes
  std::size_t length = 0;
};

// An entity id: where it was first defined, what kind of entity it names,
// and the attributes its first definition gave (events, offices), which
// every later article naming it must repeat.
struct Definition {
  std::string kind;
  Location where;
  std::string article_id;
  bool inserted = false;
  std::vector<std::pair<std::string_view, Value>> attributes;
};

// A fact with an identity (see FactKind::identity), as first stated.
struct Stated {
  std::int64_t fact_id = 0;
  std::string article_id;
  Location where;
  bool is_annotation = false;
  std::vector<std::pair<std::string_view, Value>> values;  // by field key
};

std::string value_text(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return {};
}

// State of the article being loaded.
struct ArticleContext {
  std::string id;
  std::string facts_file;  // path as shown in messages
  std::string text_file;
  std::string text;
  // Built once the text is read: quotes are found, and byte offsets turned
  // into characters, in time that does not grow with the article.
  std::unique_ptr<text::TextIndex> index;
  std::unique_ptr<text::CharOffsets> chars;
  std::map<std::pair<std::size_t, std::size_t>, std::int64_t> evidence_ids;  // (byte start, length) -> id
  std::unordered_map<std::string, std::int64_t> labels;                      // label -> fact id (0: not inserted)
};

class Loader {
 public:
  Loader(SQLite::Database& db, fs::path seed_dir, std::function<void(std::size_t, std::size_t)> progress)
      : db_(db), seed_dir_(std::move(seed_dir)), progress_(std::move(progress)) {}

  void run() {
    std::error_code ec;
    if (!fs::is_directory(seed_dir_, ec))
      throw Error(ExitCode::missing_file, fmt::format("seed folder {} does not exist or is not a folder", seed_dir_.string()));
    in_context({(seed_dir_ / kSourcesFile).string()}, "[[source]]");
    load_sources();
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(seed_dir_)) {
      auto name = entry.path().filename().string();
      if (!entry.is_directory() || name.empty() || name[0] == '.') continue;
      if (entry.is_symlink() && outside_folder(seed_dir_, name)) {
        fail(Location{entry.path().string()}, "article folder is a symbolic link leading out of the seed folder");
        continue;
      }
      folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());  // stable order, whatever the file system's
    if (folders.empty())
      fail(Location{seed_dir_.string()}, "no article folders: expected one folder per article, each with facts.toml");
    std::vector<fs::path> facts_files;
    for (const auto& folder : folders) facts_files.push_back(folder / kFactsFile);
    ParseAhead parsed(std::move(facts_files), kParseAhead);
    for (std::size_t i = 0; i < folders.size(); ++i) {
      load_article(folders[i], parsed.next());
      if (progress_) progress_(i + 1, folders.size());
    }
    for (auto& failure : writer_.finish()) diagnostics_.push_back(std::move(failure));
    if (!diagnostics_.empty()) {
      std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
      });
      throw SeedError(std::move(diagnostics_));
    }
  }

 private:
  // ------------------------------------------------------------ diagnostics

  // A message may echo a key or value from the seed: at most a line of it,
  // however long what the seed holds.
  void fail(Location where, std::string message) {
    diagnostics_.push_back({std::move(where), shown(message, 400)});
  }

  static Location at(const std::string& file, const toml::node& node) {
    return {file, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
  }

  // Once anything failed the rest is only validated: inserting rows that may
  // refer to rejected ones would report errors that are not the user's.
  bool inserting() const { return diagnostics_.empty(); }

  // ------------------------------------------------------------ SQL

  // Which seed entry the next rows come from: how an error found while
  // writing them names the place.
  void in_context(const Location& where, std::string what) {
    origin_ = {&*interned_.insert(where.file).first, where.line, where.column, &*interned_.insert(std::move(what)).first};
  }

  // Queues a statement for the writer thread.
  void execute(const std::string* sql, const std::vector<Value>& values) { writer_.push(sql, values, origin_); }

  const std::string* intern(std::string sql) { return &*sql_texts_.insert(std::move(sql)).first; }

  void insert(std::string_view table, const std::vector<std::pair<std::string_view, Value>>& columns,
              std::string_view verb = "INSERT") {
    // The SQL is built once per table, verb and column list.
    auto& key = insert_key_;  // reused: no allocation per row
    key.clear();
    key.append(verb).append(" ").append(table);
    for (const auto& column : columns) key.append(",").append(column.first);
    auto& sql = insert_sql_[key];
    if (!sql) {
      std::string names, marks;
      for (const auto& [name, value] : columns) {
        names += (names.empty() ? "" : ", ") + std::string(name);
        marks += marks.empty() ? "?" : ", ?";
      }
      sql = intern(fmt::format("{} INTO {} ({}) VALUES ({})", verb, table, names, marks));
    }
    values_.clear();
    for (const auto& column : columns) values_.push_back(column.second);
    execute(sql, values_);
  }

  // ------------------------------------------------------------ sources.toml

  void load_sources() {
    auto path = seed_dir_ / kSourcesFile;
    if (!fs::exists(path)) return;  // a seed without annotations needs no sources
    auto file = path.string();
    auto doc = parse_toml(path);
    if (!doc) return;
    for (auto&& [key, node] : *doc) {
      if (key.str() != "source") {
        fail(at(file, node), fmt::format("unknown key '{}' in {}; expected [[source]] entries", key.str(), kSourcesFile));
        continue;
      }
      auto* items = node.as_array();
      if (!items) {
        fail(at(file, node), "expected [[source]] tables");
        continue;
      }
      for (auto& item_node : *items) {
        auto* item = item_node.as_table();
        if (!item) {
          fail(at(file, item_node), "expected a table for each [[source]]");
          continue;
        }
        check_keys(file, *item, "source", {"id", "title", "url"});
        auto id = required_string(file, *item, "id", "source");
        auto title = required_string(file, *item, "title", "source");
        auto url = optional_string(file, *item, "url");
        if (!id || !title) continue;
        if (!sources_.insert(*id).second) {
          fail(at(file, *item), fmt::format("duplicate source id '{}'", *id));
          continue;
        }
        in_context(at(file, *item), "[[source]]");
        if (inserting())
          insert("annotation_source", {{"id", *id}, {"title", *title}, {"url", url ? Value(*url) : Value()}});
      }
    }
  }

  // ------------------------------------------------------------ TOML helpers

  std::optional<toml::table> parse_toml(const fs::path& path) { return take(parse_toml_file(path)); }

  std::optional<toml::table> take(ParsedFile parsed) {
    if (!parsed.unreadable.empty()) throw Error(ExitCode::missing_file, parsed.unreadable);
    if (parsed.error) diagnostics_.push_back(std::move(*parsed.error));
    return std::move(parsed.doc);
  }

  void check_keys(const std::string& file, const toml::table& item, std::string_view what,
                  const std::vector<std::string_view>& allowed) {
    for (auto&& [key, node] : item) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string expected;
      for (auto k : allowed) expected += (expected.empty() ? "" : ", ") + std::string(k);
      Location where{file, static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
      fail(where, fmt::format("unknown key '{}' in [[{}]]; expected one of: {}", key.str(), what, expected));
    }
  }

  std::optional<std::string> optional_string(const std::string& file, const toml::table& item, std::string_view key) {
    const auto* node = item.get(key);
    if (!node) return std::nullopt;
    if (const auto* s = node->as_string()) return s->get();
    fail(at(file, *node), fmt::format("'{}' must be a string, not {}", key, type_name(*node)));
    return std::nullopt;
  }

  std::optional<std::string> required_string(const std::string& file, const toml::table& item, std::string_view key,
                                             std::string_view what) {
    if (!item.get(key)) {
      fail(at(file, item), fmt::format("[[{}]] needs '{}'", what, key));
      return std::nullopt;
    }
    return optional_string(file, item, key);
  }

  // ------------------------------------------------------------ quotes and evidence

  // Parses `quote = "..."`, `quote = { text = "...", occurrence = N }` or an array of these.
  std::vector<Quote> parse_quotes(const std::string& file, const toml::node& node) {
    std::vector<Quote> quotes;
    auto one = [&](const toml::node& q) {
      if (const auto* s = q.as_string()) {
        quotes.push_back({s->get(), 0, &q});
      } else if (const auto* t = q.as_table()) {
        check_keys(file, *t, "quote", {"text", "occurrence"});
        auto text = required_string(file, *t, "text", "quote");
        std::int64_t occurrence = 0;
        if (const auto* o = t->get("occurrence")) {
          if (auto v = o->value<std::int64_t>(); v && *v >= 1) occurrence = *v;
          else fail(at(file, *o), "'occurrence' must be a whole number from 1 up");
        }
        // The view must point into the document, not at the optional's copy.
        if (text) quotes.push_back({t->get("text")->as_string()->get(), occurrence, &q});
      } else {
        fail(at(file, q), fmt::format("a quote must be a string or {{ text = \"...\", occurrence = N }}, not {}", type_name(q)));
      }
    };
    if (const auto* arr = node.as_array()) {
      if (arr->empty()) fail(at(file, node), "'quote' is an empty array; give at least one quote");
      for (const auto& q : *arr) {
        one(q);
        if (quotes.empty() || quotes.back().node != &q) continue;
        for (std::size_t i = 0; i + 1 < quotes.size(); ++i)
          if (quotes[i].text == quotes.back().text && quotes[i].occurrence == quotes.back().occurrence) {
            fail(at(file, q), fmt::format("the same quote twice in one list (first at {}): \"{}\"", to_string(at(file, *quotes[i].node)),
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

  // Finds `quote` in the article. With `first_is_fine`, a text that occurs
  // more than once means its first occurrence (entity names); otherwise it is
  // an error unless the quote says which occurrence it means.
  std::optional<Span> locate(const ArticleContext& a, const Quote& quote, bool first_is_fine) {
    Location where = at(a.facts_file, *quote.node);
    if (quote.text.empty()) {
      fail(where, "empty quote");
      return std::nullopt;
    }
    auto hits = a.index->find_all(quote.text);
    if (hits.empty()) {
      std::string hint;
      std::string curly(quote.text);
      for (std::size_t p = 0; (p = curly.find('\'', p)) != std::string::npos;) curly.replace(p, 1, "\u2019");
      if (curly != quote.text && !a.index->find_all(curly).empty())
        hint = " (the article writes \u2019 where the quote has ')";
      for (auto [form, name] : {std::pair{text::Normalization::nfc, "NFC"}, std::pair{text::Normalization::nfd, "NFD"}}) {
        auto normalized = text::normalized(quote.text, form);
        if (hint.empty() && normalized != quote.text && !a.index->find_all(normalized).empty())
          hint = fmt::format(" (the article writes it in Unicode normalization form {}, the quote in another: the same "
                             "letters as other bytes; copy the quote from the article byte for byte)", name);
      }
      fail(where, fmt::format("quote not found in {}: \"{}\"{}", a.text_file, shown(quote.text), hint));
      return std::nullopt;
    }
    if (quote.occurrence > 0) {
      if (static_cast<std::size_t>(quote.occurrence) > hits.size()) {
        fail(where, fmt::format("quote occurs {} time(s) in {}, so occurrence = {} does not exist: \"{}\"", hits.size(),
                                a.text_file, quote.occurrence, shown(quote.text)));
        return std::nullopt;
      }
      return Span{hits[static_cast<std::size_t>(quote.occurrence - 1)], quote.text.size()};
    }
    if (hits.size() > 1 && !first_is_fine) {
      std::string lines;
      int last_line = 0;
      for (auto h : hits) {
        int line = text::line_column(a.text, h).line;
        if (line != last_line) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
        last_line = line;
      }
      fail(where, fmt::format("quote is ambiguous: it occurs {} times in {} (lines {}); quote more of the sentence or "
                              "write {{ text = \"...\", occurrence = N }}: \"{}\"",
                              hits.size(), a.text_file, lines, shown(quote.text)));
      return std::nullopt;
    }
    return Span{hits.front(), quote.text.size()};
  }

  // The span from the start of quote `from` to the end of quote `to`.
  std::optional<Span> locate_range(const ArticleContext& a, const toml::node& from, const toml::node& to) {
    auto first = parse_quotes(a.facts_file, from);
    auto last = parse_quotes(a.facts_file, to);
    if (first.size() != 1 || last.size() != 1) return std::nullopt;
    auto begin = locate(a, first.front(), false);
    auto end = locate(a, last.front(), false);
    if (!begin || !end) return std::nullopt;
    if (end->start + end->length <= begin->start) {
      fail(at(a.facts_file, to), "section 'to' comes before 'from' in the text");
      return std::nullopt;
    }
    return Span{begin->start, end->start + end->length - begin->start};
  }

  // The evidence row for `span`, inserted the first time it is cited.
  std::int64_t evidence_id(ArticleContext& a, Span span) {
    auto key = std::make_pair(span.start, span.length);
    if (auto it = a.evidence_ids.find(key); it != a.evidence_ids.end()) return it->second;
    auto id = next_evidence_id_++;
    auto quote = a.text.substr(span.start, span.length);
    insert("evidence", {{"id", id},
                        {"article_id", a.id},
                        {"start", static_cast<std::int64_t>(a.chars->chars_before(span.start) + 1)},
                        {"length", static_cast<std::int64_t>(text::char_count(quote))},
                        {"quote", quote}});
    a.evidence_ids.emplace(key, id);
    return id;
  }

  // ------------------------------------------------------------ articles

  void load_article(const fs::path& folder, ParsedFile parsed) {
    auto facts_path = folder / kFactsFile;
    if (!parsed.exists) {
      fail(Location{folder.string()}, fmt::format("article folder has no {}", kFactsFile));
      return;
    }
    auto doc = take(std::move(parsed));
    if (!doc) return;
    ArticleContext a;
    a.facts_file = facts_path.string();
    if (!load_article_header(folder, *doc, a)) return;

    // Top-level keys other than [article] name kinds of fact.
    const auto& kinds = fact_kinds();
    for (auto&& [key, node] : *doc) {
      const std::string_view name = key.str();  // clang 14 cannot capture structured bindings
      if (name == "article") continue;
      bool known = std::any_of(kinds.begin(), kinds.end(), [&](const FactKind& k) { return k.key == name; });
      if (!known) {
        std::string expected;
        for (const auto& k : kinds) expected += (expected.empty() ? "" : ", ") + std::string(k.key);
        fail(at(a.facts_file, node), fmt::format("unknown kind of fact [[{}]]; expected one of: article, {}", key.str(), expected));
      } else if (!node.is_array_of_tables()) {
        fail(at(a.facts_file, node), fmt::format("'{}' must be a list of tables, written [[{}]]", key.str(), key.str()));
      }
    }
    define_ids(a, *doc);
    for (const auto& kind : kinds) {
      const auto* items = doc->get_as<toml::array>(kind.key);
      if (!items || !items->is_array_of_tables()) continue;
      for (const auto& item : *items) load_fact(a, kind, *item.as_table());
    }
  }

  // Reads [article], the text it names, and its sections. False when the rest
  // of the file cannot be checked (no text to look quotes up in).
  bool load_article_header(const fs::path& folder, const toml::table& doc, ArticleContext& a) {
    const auto* header = doc.get_as<toml::table>("article");
    if (!header) {
      fail(Location{a.facts_file, 1, 1}, "missing [article] table (id, text, sections)");
      return false;
    }
    check_keys(a.facts_file, *header, "article", {"id", "text", "source_site", "sections"});
    a.id = optional_string(a.facts_file, *header, "id").value_or(folder.filename().string());
    if (!is_slug(a.id))
      fail(at(a.facts_file, *header), fmt::format("article id '{}' must be lower-case letters, digits and hyphens", a.id));
    if (!article_ids_.insert(a.id).second)
      fail(at(a.facts_file, *header), fmt::format("duplicate article id '{}'", a.id));
    auto text_name = required_string(a.facts_file, *header, "text", "article");
    if (!text_name) return false;
    auto text_path = folder / *text_name;
    a.text_file = text_path.string();
    if (auto problem = outside_folder(folder, *text_name)) {
      fail(at(a.facts_file, *header->get("text")),
           fmt::format("article text \"{}\" {}; it must be a file inside the article's own folder", shown(*text_name), *problem));
      return false;
    }
    std::error_code ec;
    auto status = fs::status(text_path, ec);
    if (!fs::is_regular_file(status)) {
      fail(at(a.facts_file, *header->get("text")),
           fs::exists(status) ? fmt::format("article text {} is not a regular file (a folder, FIFO or device)", a.text_file)
                              : fmt::format("article text {} does not exist", a.text_file));
      return false;
    }
    a.text = read_file(text_path);
    if (a.text.empty()) {
      fail(Location{a.text_file}, "article text is empty");
      return false;
    }
    if (auto bad = text::first_invalid_utf8(a.text)) {
      auto lc = text::line_column(a.text, *bad);
      fail(Location{a.text_file, lc.line, lc.column}, fmt::format("invalid UTF-8 (byte 0x{:02x}); article text must be UTF-8",
                                                                 static_cast<unsigned char>(a.text[*bad])));
      return false;
    }
    if (auto nul = a.text.find('\0'); nul != std::string::npos) {
      auto lc = text::line_column(a.text, nul);
      fail(Location{a.text_file, lc.line, lc.column}, "a NUL byte; an article's text must not hold one");
      return false;
    }
    a.index = std::make_unique<text::TextIndex>(a.text);
    a.chars = std::make_unique<text::CharOffsets>(a.text);
    auto source_site = optional_string(a.facts_file, *header, "source_site");
    if (source_site && a.index->find_all(*source_site).empty())
      fail(at(a.facts_file, *header->get("source_site")),
           fmt::format("source_site \"{}\" is not printed in {}; leave it out when the text does not name it", *source_site,
                       a.text_file));

    // Sections: each a span of the text, by quote or from one quote to another.
    std::vector<std::pair<std::string, Span>> sections;
    const auto* list = header->get("sections");
    if (list && !list->is_array()) fail(at(a.facts_file, *list), "'sections' must be an array of { role, quote } tables");
    if (const auto* arr = list ? list->as_array() : nullptr) {
      for (const auto& node : *arr) {
        const auto* s = node.as_table();
        if (!s) {
          fail(at(a.facts_file, node), "each section must be { role = \"...\", quote = \"...\" } or { role, from, to }");
          continue;
        }
        check_keys(a.facts_file, *s, "section", {"role", "quote", "from", "to"});
        auto role = required_string(a.facts_file, *s, "role", "section");
        std::optional<Span> span;
        if (const auto* q = s->get("quote")) {
          auto quotes = parse_quotes(a.facts_file, *q);
          if (quotes.size() == 1) span = locate(a, quotes.front(), false);
        } else if (s->get("from") && s->get("to")) {
          span = locate_range(a, *s->get("from"), *s->get("to"));
        } else {
          fail(at(a.facts_file, *s), "a section needs 'quote', or 'from' and 'to'");
        }
        if (role && span) sections.emplace_back(*role, *span);
      }
    }
    auto headline = std::find_if(sections.begin(), sections.end(), [](const auto& s) { return s.first == "headline"; });
    if (headline == sections.end()) {
      fail(at(a.facts_file, *header), "[article] needs a section with role = \"headline\"");
      return false;
    }
    if (!inserting()) return true;
    in_context(at(a.facts_file, *header), "[article]");
    insert("article", {{"id", a.id},
                       {"title", a.text.substr(headline->second.start, headline->second.length)},
                       {"source_site", source_site ? Value(*source_site) : Value()},
                       {"sha256", sha256_hex(a.text)},
                       {"text", a.text}});
    for (const auto& [role, span] : sections) {
      in_context(at(a.facts_file, *header), fmt::format("section '{}'", role));
      insert("article_section", {{"article_id", a.id}, {"role", role}, {"evidence_id", evidence_id(a, span)}});
    }
    in_context(at(a.facts_file, *header), "[article]");
    auto body = std::find_if(sections.begin(), sections.end(), [](const auto& s) { return s.first == "body"; });
    insert_passages(a, body != sections.end() ? body->second : Span{0, a.text.size()});
    return true;
  }

  // The paragraphs of `body` (runs of non-blank lines) become passages: the
  // unit full-text search finds and returns.
  void insert_passages(ArticleContext& a, Span body) {
    std::int64_t seq = 0;
    std::size_t paragraph_start = std::string::npos, paragraph_end = 0;
    auto flush = [&] {
      if (paragraph_start == std::string::npos) return;
      Span paragraph{paragraph_start, paragraph_end - paragraph_start};
      auto id = evidence_id(a, paragraph);
      insert("passage", {{"evidence_id", id}, {"article_id", a.id}, {"seq", ++seq}});
      // Indexed now, while the writer has time to spare, rather than by a
      // pass over every passage once the load is done.
      insert("search_index", {{"text", a.text.substr(paragraph.start, paragraph.length)},
                              {"kind", std::string("passage")},
                              {"ref", std::to_string(id)},
                              {"label", fmt::format("{} \u00b6{}", a.id, seq)}});
      paragraph_start = std::string::npos;
    };
    for (std::size_t line = body.start; line < body.start + body.length;) {
      auto newline = a.text.find('\n', line);
      auto end = std::min(newline == std::string::npos ? a.text.size() : newline, body.start + body.length);
      auto first = a.text.find_first_not_of(" \t\r", line);
      if (first >= end) {
        flush();
      } else {
        if (paragraph_start == std::string::npos) paragraph_start = first;
        paragraph_end = a.text.find_last_not_of(" \t\r", end - 1) + 1;
      }
      line = end + 1;
    }
    flush();
  }

  // First pass over an article: every entity id it defines, so that
  // references resolve whatever order the file is written in. An id first
  // defined by an earlier article is named again here: the same entity.
  void define_ids(ArticleContext& a, const toml::table& doc) {
    for (const auto& kind : fact_kinds()) {
      if (kind.entity_kind.empty()) continue;
      const auto* items = doc.get_as<toml::array>(kind.key);
      if (!items || !items->is_array_of_tables()) continue;
      for (const auto& node : *items) {
        const auto* id_node = node.as_table()->get("id");
        if (!id_node || !id_node->is_string()) continue;  // reported when the fact is loaded
        auto id = id_node->as_string()->get();
        auto where = at(a.facts_file, *id_node);
        if (!is_slug(id)) {
          fail(where, fmt::format("id '{}' must be lower-case letters, digits and hyphens", shown(id)));
          continue;
        }
        auto [it, fresh] = entities_.emplace(id, Definition{std::string(kind.entity_kind), where, a.id, false, {}});
        if (fresh) continue;
        const auto& first = it->second;
        if (first.article_id == a.id)
          fail(where, fmt::format("duplicate id '{}': already defined as a {} at {}", id, first.kind, to_string(first.where)));
        else if (first.kind != kind.entity_kind)
          fail(where, fmt::format("'{}' is a {} (defined at {}), not a {}", id, first.kind, to_string(first.where),
                                  kind.entity_kind));
      }
    }
  }

  // Checks that `id` names something a field of type ref may point to.
  bool resolve_ref(const ArticleContext& a, const FieldSpec& field, const toml::node& node, const std::string& id) {
    auto it = entities_.find(id);
    if (it == entities_.end()) {
      fail(at(a.facts_file, node), fmt::format("unknown {} '{}' in '{}': nothing with id = \"{}\" is defined",
                              field.refs == "*" ? "entity" : describe_kinds(field.refs, false), shown(id), field.key, shown(id)));
      return false;
    }
    if (field.refs == "*") return true;
    // field.refs: the kinds allowed, separated by spaces
    for (std::size_t start = 0; start < field.refs.size();) {
      auto end = std::min(field.refs.find(' ', start), field.refs.size());
      if (field.refs.substr(start, end - start) == it->second.kind) return true;
      start = end + 1;
    }
    fail(at(a.facts_file, node), fmt::format("'{}' is a {}, but '{}' must name {}", id, it->second.kind, field.key, describe_kinds(field.refs)));
    return false;
  }

  // ------------------------------------------------------------ one fact

  void load_fact(ArticleContext& a, const FactKind& kind, const toml::table& item) {
    const auto& file = a.facts_file;
    auto where = at(file, item);
    auto errors_before = diagnostics_.size();

    std::vector<std::string_view> allowed;
    for (const auto& f : kind.fields) allowed.push_back(f.key);
    allowed.insert(allowed.end(), std::begin(kSupportKeys), std::end(kSupportKeys));
    check_keys(file, item, kind.key, allowed);

    // Field values, checked against their types and references.
    std::vector<std::pair<const FieldSpec*, Value>> values;
    std::vector<std::pair<const FieldSpec*, std::vector<std::string>>> lists;
    std::vector<std::pair<const FieldSpec*, const toml::node*>> verbatim;
    for (const auto& f : kind.fields) {
      const auto* node = item.get(f.key);
      if (!node) {
        if (f.required) fail(where, fmt::format("[[{}]] needs '{}'", kind.key, f.key));
        values.emplace_back(&f, f.type == FieldType::boolean ? Value(std::int64_t{0}) : Value());
        continue;
      }
      auto expect = [&](const char* what) {
        fail(at(file, *node), fmt::format("'{}' must be {}, not {}", f.key, what, type_name(*node)));
      };
      switch (f.type) {
        case FieldType::text:
        case FieldType::verbatim:
        case FieldType::ref:
        case FieldType::fact_label: {
          const auto* s = node->as_string();
          if (!s) {
            expect("a string");
            break;
          }
          const auto& v = s->get();
          if (v.empty()) {
            fail(at(file, *node), fmt::format("'{}' must not be empty", f.key));
            break;
          }
          if (f.type == FieldType::ref && !resolve_ref(a, f, *node, v)) break;
          if (f.type == FieldType::fact_label) {
            auto it = a.labels.find(v);
            if (it == a.labels.end()) {
              fail(at(file, *node), fmt::format("unknown label '{}' in '{}': no fact of this article has label = \"{}\"", v, f.key, v));
              break;
            }
            values.emplace_back(&f, it->second);
            break;
          }
          if (f.type == FieldType::verbatim) verbatim.emplace_back(&f, node);
          values.emplace_back(&f, v);
          break;
        }
        case FieldType::integer:
          if (auto v = node->value_exact<std::int64_t>()) values.emplace_back(&f, *v);
          else expect("an integer");
          break;
        case FieldType::boolean:
          if (auto v = node->value_exact<bool>()) values.emplace_back(&f, std::int64_t{*v});
          else expect("true or false");
          break;
        case FieldType::ref_list: {
          const auto* arr = node->as_array();
          if (!arr) {
            expect("an array of ids");
            break;
          }
          if (arr->empty()) {
            fail(at(file, *node), fmt::format("'{}' must list at least one id", f.key));
            break;
          }
          std::vector<std::string> ids;
          for (const auto& el : *arr) {
            if (!el.is_string()) fail(at(file, el), fmt::format("'{}' must hold ids (strings), not {}", f.key, type_name(el)));
            else if (resolve_ref(a, f, el, el.as_string()->get())) ids.push_back(el.as_string()->get());
          }
          lists.emplace_back(&f, std::move(ids));
          break;
        }
      }
    }

    // What the fact rests on: the article's words, or an annotation.
    const auto* quote_node = item.get("quote");
    const auto* annotation_node = item.get("annotation");
    std::vector<std::pair<Span, std::string_view>> spans;
    Value annotation_source, annotation_note;
    if (quote_node && annotation_node) {
      fail(at(file, *annotation_node), "a fact rests on the article ('quote') or on an annotation ('annotation'), not both");
    } else if (quote_node) {
      for (const auto& q : parse_quotes(file, *quote_node))
        if (auto span = locate(a, q, false)) spans.emplace_back(*span, q.text);
    } else if (annotation_node) {
      if (const auto* t = annotation_node->as_table()) {
        check_keys(file, *t, "annotation", {"source", "note"});
        auto source = required_string(file, *t, "source", "annotation");
        auto note = required_string(file, *t, "note", "annotation");
        if (source && !sources_.count(*source))
          fail(at(file, *t->get("source")), fmt::format("unknown source '{}': add it to {} as [[source]]", *source, kSourcesFile));
        if (source) annotation_source = *source;
        if (note) annotation_note = *note;
      } else {
        fail(at(file, *annotation_node), "'annotation' must be { source = \"...\", note = \"...\" }");
      }
    } else if (!kind.entity_kind.empty()) {
      // An entity with neither cites where its name is first printed.
      if (const auto* name = item.get(kind.name_key); name && name->is_string()) {
        Quote q{name->as_string()->get(), 0, name};
        if (auto span = locate(a, q, true)) spans.emplace_back(*span, q.text);
      }
    } else {
      fail(where, fmt::format("[[{}]] needs 'quote' (the article's words that state it) or 'annotation' "
                              "(its source and note, when the article does not state it)",
                              kind.key));
    }

    // Verbatim fields of a fact the article states must be in its words.
    if (!annotation_node) {
      for (const auto& [f, node] : verbatim) {
        const auto& v = node->as_string()->get();
        bool quoted = std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return s.second.find(v) != std::string::npos; });
        if (!quoted && !spans.empty())
          fail(at(file, *node), fmt::format("'{}' must be the article's words: \"{}\" is not in the quote", f->key, shown(v)));
      }
    }

    // An attendee's office must be one the article (or an annotation) says they hold.
    if (kind.key == "attendance") {
      auto value_of = [&](std::string_view key) -> const std::string* {
        for (const auto& [f, v] : values)
          if (f->key == key) return std::get_if<std::string>(&v);
        return nullptr;
      };
      const auto* person = value_of("person");
      const auto* office = value_of("office");
      if (person && office && !holdings_.count({*person, *office}))
        fail(at(file, *item.get("office")),
             fmt::format("'{}' holds no office '{}': add a [[holding]] with person = \"{}\", office = \"{}\"", *person, *office,
                         *person, *office));
    }
    if (kind.key == "holding") {
      const auto* person = item.get("person");
      const auto* office = item.get("office");
      if (person && office && person->is_string() && office->is_string())
        holdings_.insert({person->as_string()->get(), office->as_string()->get()});
    }

    // An entity named again by a later article must agree with its first definition.
    Definition* definition = nullptr;
    if (!kind.entity_kind.empty()) {
      if (const auto* id = item.get("id"); id && id->is_string()) {
        auto it = entities_.find(id->as_string()->get());
        if (it != entities_.end() && it->second.kind == kind.entity_kind) definition = &it->second;
      }
      if (definition && definition->inserted) {
        for (const auto& attribute : definition->attributes) {
          const auto& first_value = attribute.second;
          auto here = std::find_if(values.begin(), values.end(),
                                   [&](const auto& v) { return v.first->column == attribute.first; });
          // A field left out says nothing: a later article need not repeat what the first one gave.
          if (here != values.end() && item.get(here->first->key) && here->second != first_value)
            fail(at(file, *item.get(here->first->key)),
                 fmt::format("'{}' differs from the first definition of '{}' at {}", here->first->key,
                             item.get("id")->as_string()->get(), to_string(definition->where)));
        }
      }
    }

    // The same fact stated again by a later article: found by its identity.
    Stated* restated = nullptr;
    std::string identity;
    if (!kind.identity.empty() && diagnostics_.size() == errors_before) {
      identity = std::string(kind.key);
      for (auto key : kind.identity)
        for (const auto& [f, v] : values)
          if (f->key == key) identity += "\x1f" + value_text(v);
      if (auto it = stated_.find(identity); it != stated_.end()) {
        auto& first = it->second;
        if (first.article_id == a.id) {
          fail(where, fmt::format("[[{}]] repeats the one at {}", kind.key, to_string(first.where)));
        } else {
          for (const auto& value : values) {
            const auto& [f, v] = value;
            auto was = std::find_if(first.values.begin(), first.values.end(),
                                    [&](const auto& x) { return x.first == value.first->key; });
            if (was != first.values.end() && was->second != v)
              fail(item.get(f->key) ? at(file, *item.get(f->key)) : where,
                   fmt::format("'{}' is {} here but {} in the same [[{}]] at {}: the articles disagree", f->key,
                               value_text(v).empty() ? "unset" : "'" + value_text(v) + "'",
                               value_text(was->second).empty() ? "unset" : "'" + value_text(was->second) + "'", kind.key,
                               to_string(first.where)));
          }
          restated = &first;
        }
      }
    }

    std::string label;
    if (const auto* l = item.get("label")) {
      if (!l->is_string() || l->as_string()->get().empty()) fail(at(file, *l), "'label' must be a non-empty string");
      else if (a.labels.count(label = l->as_string()->get())) fail(at(file, *l), fmt::format("duplicate label '{}'", label));
    }

    if (diagnostics_.size() != errors_before || !inserting()) {
      if (!label.empty()) a.labels.emplace(label, 0);  // known, so later references do not cascade
      return;
    }

    in_context(where, fmt::format("[[{}]]", kind.key));
    if (restated) {
      restate(a, *restated, spans);
      if (!label.empty()) a.labels.emplace(label, restated->fact_id);
      return;
    }

    // Everything checked: insert the fact and what it says.
    auto fact_id = next_fact_id_++;
    {
      insert("fact", {{"id", fact_id},
                      {"article_id", a.id},
                      {"kind", std::string(kind.key)},
                      {"label", label.empty() ? Value() : Value(label)},
                      {"annotation_source_id", annotation_source},
                      {"annotation_note", annotation_note}});
      insert("fact_article", {{"fact_id", fact_id}, {"article_id", a.id}});
      for (const auto& span : spans) insert("citation", {{"fact_id", fact_id}, {"evidence_id", evidence_id(a, span.first)}});
      if (!kind.entity_kind.empty()) {
        insert_entity(kind, values, fact_id, *definition);
      } else {
        std::vector<std::pair<std::string_view, Value>> row;
        for (const auto& [f, v] : values)
          if (f->type != FieldType::ref_list) row.emplace_back(f->column, v);
        row.emplace_back("fact_id", fact_id);
        insert(kind.table, row);
      }
      for (const auto& [f, ids] : lists)
        for (const auto& id : ids) insert(f->child_table, {{f->child_parent, fact_id}, {f->column, id}});
    }
    if (!label.empty()) a.labels.emplace(label, fact_id);
    if (!identity.empty() && inserting()) {
      Stated first{fact_id, a.id, where, !std::holds_alternative<std::monostate>(annotation_source), {}};
      for (const auto& [f, v] : values) first.values.emplace_back(f->key, v);
      stated_.emplace(identity, std::move(first));
    }
  }

  // A later article states `first` again: it becomes one of the articles the
  // fact rests on. Its quotes join the fact's citations; a fact known so far
  // only from an annotation now rests on the article's words instead.
  void restate(ArticleContext& a, Stated& first, const std::vector<std::pair<Span, std::string_view>>& spans) {
    insert("fact_article", {{"fact_id", first.fact_id}, {"article_id", a.id}}, "INSERT OR IGNORE");
    if (spans.empty()) return;
    if (first.is_annotation) {
      static const std::string upgrade = "UPDATE fact SET annotation_source_id = NULL, annotation_note = NULL WHERE id = ?";
      execute(&upgrade, {first.fact_id});
      first.is_annotation = false;
    }
    for (const auto& span : spans)
      insert("citation", {{"fact_id", first.fact_id}, {"evidence_id", evidence_id(a, span.first)}}, "INSERT OR IGNORE");
  }

  // The rows an entity's definition fills: `entity` and its kind's table the
  // first time, a `mention` every time.
  void insert_entity(const FactKind& kind, const std::vector<std::pair<const FieldSpec*, Value>>& values,
                     std::int64_t fact_id, Definition& definition) {
    auto value_of = [&](std::string_view key) {
      auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first->key == key; });
      return it->second;
    };
    auto id = value_of("id");
    auto name = value_of(kind.name_key);
    if (!definition.inserted) {
      insert("entity", {{"id", id}, {"kind", std::string(kind.entity_kind)}, {"name", name}});
      if (!kind.table.empty()) {
        std::vector<std::pair<std::string_view, Value>> row{{"id", id}};
        for (const auto& [f, v] : values)
          if (f->key != "id" && f->key != kind.name_key) row.emplace_back(f->column, v);
        insert(kind.table, row);
        definition.attributes.assign(row.begin() + 1, row.end());
      }
      definition.inserted = true;
    }
    insert("mention", {{"fact_id", fact_id}, {"entity_id", id}, {"name", name}});
  }

  SQLite::Database& db_;
  fs::path seed_dir_;
  std::vector<Diagnostic> diagnostics_;
  std::unordered_set<std::string> sql_texts_;               // every statement's SQL, at a stable address
  std::unordered_map<std::string, const std::string*> insert_sql_;  // verb, table, columns -> SQL
  // Declared after db_ and the SQL texts its queued statements point into, so
  // that it is started after them and stopped before them.
  std::function<void(std::size_t, std::size_t)> progress_;
  // Before writer_: the writer's queue points into these until it stops.
  std::unordered_set<std::string> interned_;  // seed file names and entry descriptions, for RowOrigin
  RowWriter writer_{db_};
  RowOrigin origin_;
  std::vector<Value> values_;  // reused by insert()
  std::string insert_key_;     // reused by insert()
  std::set<std::string> sources_;
  std::set<std::string> article_ids_;
  std::unordered_map<std::string, Definition> entities_;
  std::unordered_map<std::string, Stated> stated_;  // identity -> the fact as first stated
  std::set<std::pair<std::string, std::string>> holdings_;
  std::int64_t next_fact_id_ = 1;
  std::int64_t next_evidence_id_ = 1;
};

}  // namespace

void load_seed(SQLite::Database& db, const fs::path& seed_dir,
               const std::function<void(std::size_t done, std::size_t total)>& progress) {
  Loader(db, seed_dir, progress).run();
}

}  // namespace factdb::seed
