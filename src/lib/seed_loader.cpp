#include "seed_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "fact_kinds.h"
#include "parse_ahead.h"
#include "factdb/error.h"
#include "factdb/sha256.h"
#include "seed/article_reader.h"
#include "seed/dates.h"
#include "seed/entities.h"
#include "seed/entry_reader.h"
#include "seed/content_ids.h"
#include "seed/disagreements.h"
#include "seed/identities.h"
#include "seed/kind_rules.h"
#include "seed/rows.h"

namespace fs = std::filesystem;

namespace factdb::seed {

namespace {

constexpr std::string_view kFactsFile = "facts.toml";
constexpr std::size_t kParseAhead = 4;  // parsed files waiting for the loader, at most
constexpr std::string_view kSourcesFile = "sources.toml";
constexpr std::string_view kMentionKind = "mention";  // fact.kind of an article naming an entity
// A fact stated again by another article: its first article is the one with
// the smallest id, whatever order the folders were read in, and it rests on
// words once any article's words state it. As an upsert, it holds whether the
// rows go to the table as read or are staged and copied in key order.
constexpr std::string_view kFactRestated =
    "ON CONFLICT (id) DO UPDATE SET "
    "first_seq = iif(excluded.first_article_id < first_article_id, excluded.first_seq, first_seq), "
    "first_article_id = min(excluded.first_article_id, first_article_id), "
    "is_annotation = min(excluded.is_annotation, is_annotation)";

FilePosition position(const Location& where) { return {where.line, where.column}; }

std::set<std::int64_t> ids_of(const SharedIds& shared, IdKind kind) {
  std::set<std::int64_t> ids;
  for (const auto& [k, id] : shared)
    if (k == kind) ids.insert(id);
  return ids;
}

// A position kept for the article being read, in the file of `here`.
Location same_file(const Location& here, FilePosition there) { return {here.file, there.line, there.column}; }

std::string value_text(const RowValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return {};
}

// Appends `v` to a fact's content so that no two different values read alike.
void append_value(std::string& content, const RowValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) content.append("s").append(std::to_string(s->size())).append(":").append(*s);
  else if (auto* i = std::get_if<std::int64_t>(&v)) content.append("i").append(std::to_string(*i));
  else content.append("-");
  content.push_back('\x1f');
}

// The article being read.
struct Article {
  std::uint32_t index = 0;
  ArticleHeader header;
  std::int64_t next_seq = 1;
  std::map<std::pair<std::size_t, std::size_t>, std::int64_t> evidence;  // (byte start, length) -> evidence id
  std::unordered_map<std::string, std::int64_t> labels;                  // label -> fact id (0: not stored)
  std::unordered_map<std::string, int> occurrences;                      // content -> times stated so far
  std::unordered_map<std::int64_t, FilePosition> stated;                 // fact id -> where this article states it
  Identities identities;                                                 // of the facts it states
  std::optional<IsoDate> published;  // the article's date, when a [[date]] with role = "published" gives it
  std::string published_iso;
};

class Loader {
 public:
  Loader(SQLite::Database& db, fs::path seed_dir, bool staged, const SharedIds& shared, const LoadProgress& progress)
      : seed_dir_(std::move(seed_dir)),
        progress_(progress.articles),
        loaded_(progress.loaded),
        fact_ids_(staged ? ContentIds(ids_of(shared, kFactIds)) : ContentIds()),
        evidence_ids_(staged ? ContentIds(ids_of(shared, kEvidenceIds)) : ContentIds()),
        disagreements_(db),
        rows_(db, staged) {
    // A span is inserted once, by the article it is in.
    rows_.keyed_by_content("evidence", kEvidenceIds);
  }

  void run() {
    std::error_code ec;
    if (!fs::is_directory(seed_dir_, ec))
      throw Error(ExitCode::missing_file, fmt::format("seed folder {} does not exist or is not a folder", seed_dir_.string()));
    rows_.in_context({(seed_dir_ / kSourcesFile).string()}, "[[source]]");
    load_sources();
    std::vector<std::string> folders;  // strings, as ParseAhead takes them
    for (const auto& entry : fs::directory_iterator(seed_dir_)) {
      auto name = entry.path().filename().string();
      if (!entry.is_directory() || name.empty() || name[0] == '.') continue;
      if (entry.is_symlink() && outside_folder(seed_dir_, name)) {
        diagnostics_.fail(Location{entry.path().string()}, "article folder is a symbolic link leading out of the seed folder");
        continue;
      }
      folders.push_back(entry.path().string());
    }
    // A stable order, whatever the file system's. Nothing a build writes
    // depends on it but which of two colliding content hashes moves on.
    std::sort(folders.begin(), folders.end());
    if (folders.empty())
      diagnostics_.fail(Location{seed_dir_.string()}, "no article folders: expected one folder per article, each with facts.toml");
    std::vector<std::string> facts_files;
    for (const auto& folder : folders) facts_files.push_back((fs::path(folder) / kFactsFile).string());
    ParseAhead parsed(std::move(facts_files), kParseAhead);
    for (std::size_t i = 0; i < folders.size(); ++i) {
      load_article(fs::path(folders[i]), parsed.next());
      if (progress_) progress_(i + 1, folders.size());
    }
    entities_.finish();
    for (auto& failure : rows_.finish()) diagnostics_.add(std::move(failure));
    if (!diagnostics_.empty()) throw SeedError(diagnostics_.take_sorted());
    if (loaded_) loaded_();
    rows_.merge();
    disagreements_.derive(published_);
  }

 private:
  // Once anything failed the rest is only validated: inserting rows that may
  // refer to rejected ones would report errors that are not the user's.
  bool inserting() const { return diagnostics_.empty(); }

  std::optional<toml::table> take(ParsedFile parsed) {
    if (!parsed.unreadable.empty()) throw Error(ExitCode::missing_file, parsed.unreadable);
    if (parsed.error) diagnostics_.add(std::move(*parsed.error));
    return std::move(parsed.doc);
  }

  // ------------------------------------------------------------ sources.toml

  void load_sources() {
    auto path = seed_dir_ / kSourcesFile;
    if (!fs::exists(path)) return;  // a seed without annotations needs no sources
    auto doc = take(parse_toml_file(path));
    if (!doc) return;
    TomlFields fields(path.string(), diagnostics_);
    for (auto&& [key, node] : *doc) {
      if (key.str() != "source") {
        fields.fail(node, fmt::format("unknown key '{}' in {}; expected [[source]] entries", shown(key.str()), kSourcesFile));
        continue;
      }
      auto* items = node.as_array();
      if (!items) {
        fields.fail(node, "expected [[source]] tables");
        continue;
      }
      for (auto& item_node : *items) {
        auto* item = item_node.as_table();
        if (!item) {
          fields.fail(item_node, "expected a table for each [[source]]");
          continue;
        }
        fields.check_keys(*item, "source", {"id", "title", "url"});
        auto id = fields.required_string(*item, "id", "source");
        auto title = fields.required_string(*item, "title", "source");
        auto url = fields.optional_string(*item, "url");
        if (!id || !title) continue;
        if (!sources_.insert(*id).second) {
          fields.fail(*item, fmt::format("duplicate source id '{}'", shown(*id)));
          continue;
        }
        rows_.in_context(fields.at(*item), "[[source]]");
        if (inserting()) rows_.insert("annotation_source", {{"id", *id}, {"title", *title}, {"url", url ? RowValue(*url) : RowValue()}});
      }
    }
  }

  // ------------------------------------------------------------ articles

  void load_article(const fs::path& folder, ParsedFile parsed) {
    if (!parsed.exists) {
      diagnostics_.fail(Location{folder.string()}, fmt::format("article folder has no {}", kFactsFile));
      return;
    }
    auto doc = take(std::move(parsed));
    if (!doc) return;
    TomlFields fields((folder / kFactsFile).string(), diagnostics_);
    Article a;
    a.header = read_article_header(folder, *doc, fields);
    a.index = static_cast<std::uint32_t>(article_ids_.size());
    if (!known_article_ids_.insert(a.header.id).second)
      fields.fail(a.header.where, fmt::format("duplicate article id '{}'", a.header.id));
    article_ids_.push_back(a.header.id);
    if (a.header.text && inserting()) insert_article(a);

    // Top-level keys other than [article] name kinds of fact.
    for (auto&& [key, node] : *doc) {
      const std::string_view name = key.str();
      if (name == "article") continue;
      if (!find_kind(name)) {
        std::string expected;
        for (const auto& k : fact_kinds()) expected += (expected.empty() ? "" : ", ") + std::string(k.key);
        fields.fail(node, fmt::format("unknown kind of fact [[{}]]; expected one of: article, {}", shown(name), expected));
      } else if (!node.is_array_of_tables()) {
        fields.fail(node, fmt::format("'{}' must be a list of tables, written [[{}]]", name, name));
      }
    }
    define_ids(a, *doc, fields);
    find_published(a, *doc);
    EntryReader reader(fields, a.header.text.get(), sources_);
    rules_.begin_article(a.published);
    for (const auto& kind : fact_kinds()) {
      const auto* items = doc->get_as<toml::array>(kind.key);
      if (!items || !items->is_array_of_tables()) continue;
      for (const auto& item : *items) store(a, fields, reader.read(kind, *item.as_table()));
    }
    rules_.end_article(diagnostics_);
  }

  // The article's own date, before its facts are read: statements are as of
  // it, and printed dates without a year are read against it. Checked when
  // its [[date]] entry is read like any other.
  void find_published(Article& a, const toml::table& doc) {
    published_.resize(std::max<std::size_t>(published_.size(), a.index + 1));
    const auto* dates = doc.get_as<toml::array>("date");
    if (!dates || !dates->is_array_of_tables()) return;
    for (const auto& node : *dates) {
      const auto& item = *node.as_table();
      const auto* role = item.get_as<std::string>("role");
      if (!role || role->get() != "published") continue;
      std::optional<IsoDate> iso;
      if (const auto* s = item.get_as<std::string>("iso")) iso = parse_iso_date(s->get());
      else if (const auto* d = item.get_as<toml::date>("iso")) iso = IsoDate{d->get().year, d->get().month, d->get().day};
      if (!iso) continue;
      a.published = iso;
      a.published_iso = fmt::format("{:04}", iso->year) + (iso->month ? fmt::format("-{:02}", iso->month) : "") +
                        (iso->day ? fmt::format("-{:02}", iso->day) : "");
      break;
    }
    published_[a.index] = a.published_iso;
  }

  void insert_article(Article& a) {
    const auto& h = a.header;
    const auto& text = *h.text;
    rows_.in_context(h.where, "[article]");
    const auto* headline = h.section("headline");
    if (!headline) return;
    rows_.insert("article", {{"id", h.id},
                             {"title", std::string(text.slice(*headline))},
                             {"source_site", h.source_site ? RowValue(*h.source_site) : RowValue()},
                             {"sha256", sha256_hex(text.text())},
                             {"text", text.text()}});
    for (const auto& [role, span] : h.sections) {
      rows_.in_context(h.where, fmt::format("section '{}'", role));
      rows_.insert("article_section", {{"article_id", h.id}, {"role", role}, {"evidence_id", evidence_id(a, span)}});
    }
    rows_.in_context(h.where, "[article]");
    const auto* body = h.section("body");
    std::int64_t seq = 0;
    for (auto paragraph : paragraphs(text.text(), body ? *body : Span{0, text.text().size()})) {
      auto id = evidence_id(a, paragraph);
      rows_.insert("passage", {{"evidence_id", id}, {"article_id", h.id}, {"seq", ++seq}});
      // Indexed now, while the writer has time to spare, rather than by a
      // pass over every passage once the load is done.
      rows_.insert("search_index", {{"text", std::string(text.slice(paragraph))},
                                    {"kind", std::string("passage")},
                                    {"ref", std::to_string(id)},
                                    {"label", fmt::format("{} \u00b6{}", h.id, seq)}});
    }
  }

  // The evidence row for `span`, inserted the first time it is cited. Its id
  // depends on the article and the span alone.
  std::int64_t evidence_id(Article& a, Span span) {
    auto key = std::make_pair(span.start, span.length);
    if (auto it = a.evidence.find(key); it != a.evidence.end()) return it->second;
    std::string content = fmt::format("evidence\x1f{}\x1f{}\x1f{}", a.header.id, span.start, span.length);
    auto id = evidence_ids_.id(content);
    const auto& text = *a.header.text;
    rows_.insert("evidence", {{"id", id.id},
                              {"article_id", a.header.id},
                              {"start", text.char_start(span)},
                              {"length", text.char_length(span)},
                              {"quote", std::string(text.slice(span))}});
    a.evidence.emplace(key, id.id);
    return id.id;
  }

  // Every entity id the article defines, before its facts are read, so that
  // references within the article resolve whatever order it is written in.
  void define_ids(Article& a, const toml::table& doc, TomlFields& fields) {
    for (const auto& kind : fact_kinds()) {
      if (kind.entity_kind.empty()) continue;
      const auto* items = doc.get_as<toml::array>(kind.key);
      if (!items || !items->is_array_of_tables()) continue;
      for (const auto& node : *items) {
        const auto* id_node = node.as_table()->get("id");
        if (!id_node || !id_node->is_string()) continue;  // reported when the entry is read
        const auto& id = id_node->as_string()->get();
        if (!is_slug(id)) {
          fields.fail(*id_node, fmt::format("id '{}' must be lower-case letters, digits and hyphens", shown(id)));
          continue;
        }
        entities_.define(id, kind.entity_kind, fields.at(*id_node), a.header.id);
      }
    }
  }

  // ------------------------------------------------------------ one fact

  // Checks what an entry refers to and the rules of its kind, then stores it.
  void store(Article& a, TomlFields& fields, Entry entry) {
    const auto& kind = *entry.kind;
    auto problems = diagnostics_.count();
    const auto* id = kind.entity_kind.empty() ? nullptr : entry.text("id");
    if (id && !is_slug(*id)) entry.valid = false;
    for (auto& v : entry.values) {
      if (!v.node) continue;
      if (v.field->type == FieldType::ref) {
        entities_.require(value_text(v.value), v.field->refs, v.field->key, fields.at(*v.node));
      } else if (v.field->type == FieldType::fact_label) {
        auto it = a.labels.find(value_text(v.value));
        if (it == a.labels.end() || it->second == 0) entry.valid = false;  // reported by the reader, or its fact was not stored
        else v.value = it->second;
      }
    }
    for (const auto& list : entry.lists)
      for (const auto& [ref, node] : list.ids) entities_.require(ref, list.field->refs, list.field->key, fields.at(*node));
    rules_.check(fields, entry);
    if (diagnostics_.count() != problems) entry.valid = false;
    if (!entry.valid || !inserting()) {
      if (!entry.label.empty()) a.labels.emplace(entry.label, 0);  // known, so later references do not cascade
      return;
    }
    rows_.in_context(entry.where, fmt::format("[[{}]]", kind.key));
    if (id) store_entity(a, fields, entry, *id);
    else store_fact(a, entry);
  }

  // An article naming an entity: the entity (and its event or office row)
  // the first time any article does, a mention in every article.
  void store_entity(Article& a, TomlFields& fields, const Entry& entry, const std::string& id) {
    const auto& kind = *entry.kind;
    const auto& name = *entry.text(kind.name_key);
    std::vector<Entities::Attribute> attributes;
    for (const auto& v : entry.values)
      if (v.field->key != "id" && v.field->key != kind.name_key)
        attributes.push_back({v.field->column, v.value, v.node ? fields.at(*v.node) : Location{}});
    bool first = inserted_entities_.insert(id).second;
    auto fresh = entities_.merge(id, attributes);
    if (first) {
      rows_.insert("entity", {{"id", id}, {"kind", std::string(kind.entity_kind)}, {"name", name}});
      if (!kind.table.empty()) {
        Columns row{{"id", id}};
        for (const auto& attribute : attributes) row.emplace_back(attribute.column, attribute.value);
        rows_.insert(kind.table, row);
      }
    } else {
      // An attribute no article gave before: the entity's row gains it.
      for (const auto& attribute : fresh)
        rows_.update(kind.table, attribute.column, attribute.value, "id", id);
    }
    std::string content(kMentionKind);
    content.push_back('\x1e');
    append_value(content, id);
    append_value(content, a.header.id);
    auto fact = fact_ids_.id(content);
    insert_statement(a, entry, fact, kMentionKind);
    rows_.insert("mention", {{"fact_id", fact.id}, {"entity_id", id}, {"article_id", a.header.id}, {"name", name}});
  }

  void store_fact(Article& a, const Entry& entry) {
    const auto& kind = *entry.kind;
    // What the fact says, from which its id follows: its kind and every value.
    std::string content(kind.table);
    content.push_back('\x1e');
    for (const auto& v : entry.values) append_value(content, v.value);
    for (const auto& list : entry.lists) {
      std::vector<std::string> ids;
      for (const auto& [ref, node] : list.ids) ids.push_back(ref);
      std::sort(ids.begin(), ids.end());  // the same participants in any order: the same meeting
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      for (const auto& ref : ids) append_value(content, ref);
      content.push_back('\x1e');
    }
    // A fact without identity stated twice by one article is two facts (two
    // meetings of the same people); a later article's first statement of it
    // is the first of these.
    if (kind.identity.empty()) {
      auto times = ++a.occurrences[content];
      if (times > 1) content += fmt::format("#{}", times);
    }
    auto fact = fact_ids_.id(content);
    if (auto it = a.stated.find(fact.id); it != a.stated.end()) {
      diagnostics_.fail(entry.where,
                        fmt::format("[[{}]] repeats the one at {}", kind.key, to_string(same_file(entry.where, it->second))));
      return;
    }
    if (!kind.identity.empty() && !compare(a, entry, fact.id)) return;
    insert_statement(a, entry, fact, kind.table);
    if (!entry.label.empty()) a.labels[entry.label] = fact.id;
    // Every statement gives the fact's row; the first to reach the table
    // stays, as all of them say the same (ContentIds).
    Columns row;
    for (const auto& v : entry.values) row.emplace_back(v.field->column, v.value);
    row.emplace_back("fact_id", fact.id);
    rows_.insert(kind.table, row, "INSERT", "ON CONFLICT (fact_id) DO NOTHING");
    for (const auto& list : entry.lists) {
      std::set<std::string> seen;
      auto upsert = fmt::format("ON CONFLICT (fact_id, {}) DO NOTHING", list.field->column);
      for (const auto& [ref, node] : list.ids)
        if (seen.insert(ref).second)
          rows_.insert(list.field->child_table, {{"fact_id", fact.id}, {list.field->column, ref}}, "INSERT", upsert);
    }
  }

  // Compares a fact with the others of its identity in the same article, where
  // a second statement is an error, and records it to be compared with the
  // other articles' once every article is read (Disagreements).
  bool compare(Article& a, const Entry& entry, std::int64_t fact_id) {
    const auto& kind = *entry.kind;
    std::string identity(kind.table);
    for (auto key : kind.identity) {
      identity.push_back('\x1e');
      if (const auto* v = entry.value(key)) {
        append_value(identity, v->value);
      } else if (key == kind.unnamed) {
        identity.push_back('\x1f');  // not a value: "unnamed, holding this office" is not any person's id
        if (const auto* by = entry.value(kind.unnamed_by)) append_value(identity, by->value);
      }
    }
    FieldValues values;
    values.fields.reserve(entry.values.size());
    for (const auto& v : entry.values) values.fields.emplace_back(v.field, v.value);
    auto key = identity_key(identity);
    Disagreements::record(rows_, kind, key, fact_id, a.index, values);
    auto result = a.identities.compare(key, fact_id, a.index, position(entry.where), std::move(values));
    if (!result.same_article) return true;
    std::string what = "states again";
    for (const auto& c : result.conflicts)
      what = fmt::format("contradicts ('{}' is {} there)", c.field->key, value_text(c.other_value));
    diagnostics_.fail(entry.where, fmt::format("[[{}]] {} the one at {}: an article states a fact once", kind.key, what,
                                               to_string(same_file(entry.where, *result.same_article))));
    return false;
  }

  // This article states `fact`: the fact's row (the first time any article
  // does; restated, see kFactRestated), and this article's statement with
  // its quotes or annotation.
  void insert_statement(Article& a, const Entry& entry, ContentIds::Id fact, std::string_view kind) {
    auto seq = a.next_seq++;
    bool annotation = entry.annotation.has_value() || entry.spans.empty();
    rows_.content(kFactIds, fact.id, fact.check);
    rows_.insert("fact",
                 {{"id", fact.id},
                  {"kind", std::string(kind)},
                  {"first_article_id", a.header.id},
                  {"first_seq", seq},
                  {"is_annotation", std::int64_t{annotation}}},
                 "INSERT", kFactRestated);
    a.stated.emplace(fact.id, position(entry.where));
    rows_.insert("statement", {{"article_id", a.header.id},
                               {"seq", seq},
                               {"fact_id", fact.id},
                               {"label", entry.label.empty() ? RowValue() : RowValue(entry.label)},
                               {"annotation_source_id", entry.annotation ? RowValue(entry.annotation->source) : RowValue()},
                               {"annotation_note", entry.annotation ? RowValue(entry.annotation->note) : RowValue()}});
    for (auto span : entry.spans)
      rows_.insert("citation", {{"fact_id", fact.id}, {"article_id", a.header.id}, {"evidence_id", evidence_id(a, span)}},
                   "INSERT OR IGNORE");
  }

  fs::path seed_dir_;
  std::function<void(std::size_t, std::size_t)> progress_;
  std::function<void()> loaded_;
  Diagnostics diagnostics_;
  Entities entities_{diagnostics_};
  KindRules rules_{entities_};
  ContentIds fact_ids_;
  ContentIds evidence_ids_;
  std::set<std::string> sources_;
  std::vector<std::string> article_ids_;  // by index, in the order read
  std::unordered_set<std::string> known_article_ids_;  // the same, to find a duplicate without a scan per article
  std::vector<std::string> published_;    // by index: each article's date, "" when not given
  std::unordered_set<std::string> inserted_entities_;
  Disagreements disagreements_;  // before the writer: it creates its table before the writer starts
  Rows rows_;  // last: its writer stops before what it points into is freed
};

}  // namespace

void load_seed(SQLite::Database& db, const fs::path& seed_dir, RowOrder order, const SharedIds& shared, const LoadProgress& progress) {
  Loader(db, seed_dir, order == RowOrder::staged, shared, progress).run();
}

}  // namespace factdb::seed
