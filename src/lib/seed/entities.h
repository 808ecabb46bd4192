// The entities every article defines, and the references to them. An
// article may refer to an entity that any article defines, whatever order
// the folders are read in: a reference to an id not defined yet is checked
// once every article is read.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../row_writer.h"
#include "diagnostics.h"

namespace factdb::seed {

class Entities {
 public:
  struct Attribute {
    std::string_view column;
    RowValue value;
    Location where;  // where it was given; empty when no article gives it yet
  };
  struct Definition {
    std::string kind;
    Location where;  // its first definition read
    std::string article_id;
    std::vector<Attribute> attributes;  // events, offices: the columns of their own table
  };

  explicit Entities(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Records that article `article_id` defines `id` as a `kind` at `where`.
  // False, with the problem reported, when the same article defined it
  // already or another one defines it as another kind.
  bool define(const std::string& id, std::string_view kind, const Location& where, const std::string& article_id);

  // A definition giving `attributes` of `id` (null: not given). Returns the
  // attributes no article gave before, to be stored; reports, at both
  // places, one that another definition gives otherwise.
  std::vector<Attribute> merge(const std::string& id, const std::vector<Attribute>& attributes);

  // A field of kind `refs` ("person", "country organization", "*",
  // "office") names `id` at `where`: checked now when `id` is known, else
  // once every article is read (finish).
  void require(const std::string& id, std::string_view refs, std::string_view field, const Location& where);

  // That `person` holds `office`, as a [[holding]] of any article states.
  void add_holding(const std::string& person, const std::string& office);
  // An attendance names `office` for `person`: some article must state the
  // holding, checked now when one has, else once every article is read.
  void require_holding(const std::string& person, const std::string& office, const Location& where);

  const Definition* find(const std::string& id) const;

  // Checks what had to wait until every article was read.
  void finish();

 private:
  bool check(const std::string& id, std::string_view refs, std::string_view field, const Location& where);

  struct Pending {
    std::string id;
    std::string_view refs;
    std::string_view field;
    Location where;
  };
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, Definition> definitions_;
  std::vector<Pending> pending_;
  std::unordered_set<std::string> holdings_;  // person '\x1f' office, each once
  std::vector<std::pair<std::pair<std::string, std::string>, Location>> pending_holdings_;
};

}  // namespace factdb::seed
