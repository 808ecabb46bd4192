#include "entry_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "dates.h"

namespace factdb::seed {

namespace {
constexpr std::string_view kSupportKeys[] = {"quote", "annotation", "label"};

// "a|b|c" -> "a, b, c"
std::string allowed_list(std::string_view allowed) {
  std::string list;
  for (std::size_t start = 0; start <= allowed.size();) {
    auto end = std::min(allowed.find('|', start), allowed.size());
    list += (list.empty() ? "\"" : ", \"") + std::string(allowed.substr(start, end - start)) + "\"";
    start = end + 1;
  }
  return list;
}

bool is_allowed(std::string_view allowed, std::string_view value) {
  for (std::size_t start = 0; start <= allowed.size();) {
    auto end = std::min(allowed.find('|', start), allowed.size());
    if (allowed.substr(start, end - start) == value) return true;
    start = end + 1;
  }
  return false;
}
}  // namespace

const FieldValue* Entry::value(std::string_view key) const {
  for (const auto& v : values)
    if (v.field->key == key) return &v;
  return nullptr;
}

const std::string* Entry::text(std::string_view key) const {
  const auto* v = value(key);
  return v ? std::get_if<std::string>(&v->value) : nullptr;
}

Entry EntryReader::read(const FactKind& kind, const toml::table& item) {
  auto problems_before = fields_.problems();
  Entry entry;
  entry.kind = &kind;
  entry.item = &item;
  entry.where = fields_.at(item);

  std::vector<std::string_view> allowed;
  for (const auto& f : kind.fields) allowed.push_back(f.key);
  allowed.insert(allowed.end(), std::begin(kSupportKeys), std::end(kSupportKeys));
  fields_.check_keys(item, kind.key, allowed);

  for (const auto& f : kind.fields) read_field(entry, f);
  std::vector<std::pair<const FieldSpec*, const toml::node*>> verbatim;
  for (const auto& v : entry.values)
    if (v.field->type == FieldType::verbatim && v.node && std::holds_alternative<std::string>(v.value))
      verbatim.emplace_back(v.field, v.node);
  read_support(entry, verbatim);

  if (const auto* l = item.get("label")) {
    if (!l->is_string() || l->as_string()->get().empty()) fields_.fail(*l, "'label' must be a non-empty string");
    else if (!labels_.insert(entry.label = l->as_string()->get()).second)
      fields_.fail(*l, fmt::format("duplicate label '{}'", entry.label));
  }
  entry.valid = fields_.problems() == problems_before;
  return entry;
}

void EntryReader::read_field(Entry& entry, const FieldSpec& f) {
  const auto* node = entry.item->get(f.key);
  if (!node) {
    if (f.required) fields_.fail(*entry.item, fmt::format("[[{}]] needs '{}'", entry.kind->key, f.key));
    if (f.type != FieldType::ref_list)
      entry.values.push_back({&f, f.type == FieldType::boolean ? RowValue(std::int64_t{0}) : RowValue(), nullptr});
    return;
  }
  auto expect = [&](const char* what) { fields_.fail(*node, fmt::format("'{}' must be {}, not {}", f.key, what, type_name(*node))); };
  RowValue value;
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
        fields_.fail(*node, fmt::format("'{}' must not be empty", f.key));
        break;
      }
      if (!f.allowed.empty() && !is_allowed(f.allowed, v)) {
        fields_.fail(*node, fmt::format("'{}' is \"{}\"; expected one of: {}", f.key, shown(v), allowed_list(f.allowed)));
        break;
      }
      if (f.type == FieldType::fact_label && !labels_.count(v)) {
        fields_.fail(*node, fmt::format("unknown label '{}' in '{}': no fact of this article before it has label = \"{}\"",
                                        shown(v), f.key, shown(v)));
        break;
      }
      value = v;
      break;
    }
    case FieldType::date: {
      if (const auto* d = node->as_date()) {
        const auto& date = d->get();
        value = fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
      } else if (const auto* s = node->as_string(); s && parse_iso_date(s->get())) {
        value = s->get();
      } else if (auto year = node->value_exact<std::int64_t>(); year && *year >= 1 && *year <= 9999) {
        value = fmt::format("{:04}", *year);  // TOML has no year-only date: a bare year is an integer
      } else {
        fields_.fail(*node, fmt::format("'{}' must be a date in ISO 8601 to the precision known: 2024, \"2024-07\" or "
                                        "2024-07-04{}", f.key, node->is_string() ? fmt::format(", not \"{}\"", shown(node->as_string()->get())) : ""));
      }
      break;
    }
    case FieldType::integer:
      if (auto v = node->value_exact<std::int64_t>()) value = *v;
      else expect("an integer");
      break;
    case FieldType::boolean:
      if (auto v = node->value_exact<bool>()) value = std::int64_t{*v};
      else expect("true or false");
      break;
    case FieldType::ref_list: {
      const auto* arr = node->as_array();
      if (!arr) {
        expect("an array of ids");
        return;
      }
      if (arr->empty()) {
        fields_.fail(*node, fmt::format("'{}' must list at least one id", f.key));
        return;
      }
      ListValue list{&f, {}};
      for (const auto& el : *arr) {
        if (!el.is_string()) fields_.fail(el, fmt::format("'{}' must hold ids (strings), not {}", f.key, type_name(el)));
        else list.ids.emplace_back(el.as_string()->get(), &el);
      }
      entry.lists.push_back(std::move(list));
      return;
    }
  }
  entry.values.push_back({&f, std::move(value), node});
}

// What the fact rests on: the article's words, or an annotation.
void EntryReader::read_support(Entry& entry, std::vector<std::pair<const FieldSpec*, const toml::node*>>& verbatim) {
  const auto& kind = *entry.kind;
  const auto& item = *entry.item;
  const auto* quote_node = item.get("quote");
  const auto* annotation_node = item.get("annotation");
  std::vector<std::string_view> quoted;
  if (quote_node && annotation_node) {
    fields_.fail(*annotation_node, "a fact rests on the article ('quote') or on an annotation ('annotation'), not both");
  } else if (quote_node) {
    for (const auto& q : fields_.quotes(*quote_node)) {
      if (!article_) continue;
      if (auto span = article_->locate(fields_, q, false)) {
        entry.spans.push_back(*span);
        quoted.push_back(q.text);
      }
    }
  } else if (annotation_node) {
    if (const auto* t = annotation_node->as_table()) {
      fields_.check_keys(*t, "annotation", {"source", "note"});
      auto source = fields_.required_string(*t, "source", "annotation");
      auto note = fields_.required_string(*t, "note", "annotation");
      if (source && !sources_.count(*source))
        fields_.fail(*t->get("source"), fmt::format("unknown source '{}': add it to sources.toml as [[source]]", shown(*source)));
      if (source && note) entry.annotation = Annotation{*source, *note};
    } else {
      fields_.fail(*annotation_node, "'annotation' must be { source = \"...\", note = \"...\" }");
    }
  } else if (!kind.entity_kind.empty()) {
    // An entity with neither cites where its name is first printed.
    if (const auto* name = item.get(kind.name_key); name && name->is_string() && article_) {
      Quote q{name->as_string()->get(), 0, name};
      if (auto span = article_->locate(fields_, q, true)) {
        entry.spans.push_back(*span);
        quoted.push_back(q.text);
      }
    }
  } else {
    fields_.fail(entry.where, fmt::format("[[{}]] needs 'quote' (the article's words that state it) or 'annotation' "
                                          "(its source and note, when the article does not state it)",
                                          kind.key));
  }

  // Verbatim fields of a fact the article states must be in its words.
  if (annotation_node || quoted.empty()) return;
  for (const auto& [f, node] : verbatim) {
    const auto& v = node->as_string()->get();
    bool in_quote = std::any_of(quoted.begin(), quoted.end(), [&](std::string_view q) { return q.find(v) != std::string_view::npos; });
    if (!in_quote) fields_.fail(*node, fmt::format("'{}' must be the article's words: \"{}\" is not in the quote", f->key, shown(v)));
  }
}

}  // namespace factdb::seed
