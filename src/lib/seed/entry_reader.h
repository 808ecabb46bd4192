// Reads one [[kind]] entry of facts.toml into what it states: every field's
// value checked against its type and allowed values, and what it rests on
// (the article's words, found in the text, or an annotation). References to
// other entries are only collected here: they may point into any article.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../fact_kinds.h"
#include "../row_writer.h"
#include "article_text.h"
#include "toml_fields.h"

namespace factdb::seed {

struct FieldValue {
  const FieldSpec* field;
  RowValue value;                   // null when absent (a boolean: 0)
  const toml::node* node = nullptr; // where it is written; null when absent
};

struct ListValue {
  const FieldSpec* field;
  std::vector<std::pair<std::string, const toml::node*>> ids;
};

struct Annotation {
  std::string source;
  std::string note;
};

struct Entry {
  const FactKind* kind = nullptr;
  const toml::table* item = nullptr;
  Location where;
  std::vector<FieldValue> values;  // one per field of the kind except lists, in the kind's order
  std::vector<ListValue> lists;
  std::vector<Span> spans;         // the article's words that state it
  std::optional<Annotation> annotation;
  std::string label;
  bool valid = false;              // no problem was found in it

  const FieldValue* value(std::string_view key) const;
  // The text of a string field, or nullptr when it is absent or not text.
  const std::string* text(std::string_view key) const;
};

class EntryReader {
 public:
  // `article` is null when the article's text could not be read: fields are
  // still checked, quotes are not looked up.
  EntryReader(TomlFields& fields, const ArticleText* article, const std::set<std::string>& sources)
      : fields_(fields), article_(article), sources_(sources) {}

  Entry read(const FactKind& kind, const toml::table& item);

 private:
  void read_field(Entry& entry, const FieldSpec& field);
  void read_support(Entry& entry, std::vector<std::pair<const FieldSpec*, const toml::node*>>& verbatim);

  TomlFields& fields_;
  const ArticleText* article_;
  const std::set<std::string>& sources_;
  std::set<std::string> labels_;  // this article's labels so far
};

}  // namespace factdb::seed
