// The facts of every article read so far: each one's id, derived from what it
// says so that it is the same whatever other articles are loaded and in
// whatever order, and the statements that share an identity, from which
// restatements and disagreements follow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../row_writer.h"
#include "factdb/error.h"

namespace factdb::seed {

// A 53-bit id (exact in a JavaScript number, so the web and JSON keep it)
// from a hash of `content`; `taken(id, check)` tells whether another content
// already has it, and the next id is tried then. The hash is XXH3: two
// different contents share an id one time in 2^53 per pair, and then the
// order in which they were read decides which moves on.
class ContentIds {
 public:
  // The id of `content`, and whether it is seen for the first time.
  std::pair<std::int64_t, bool> id(std::string_view content);
  std::size_t size() const { return checks_.size(); }

 private:
  std::unordered_map<std::int64_t, std::uint64_t> checks_;  // id -> a second hash of its content
};

class FactRegistry {
 public:
  struct Fact {
    std::uint32_t first_article;  // index of its first article (the smallest id among those that state it)
    std::int64_t first_seq;       // its place in that article
    std::uint32_t last_article;   // the article that stated it last: a second statement there is a repeat
    Location where;               // where that last statement is
    bool annotation_only;         // no article's words state it yet
  };

  // A kind's identity and values as one statement gives them, to compare
  // with other statements of the same identity.
  struct Values {
    std::vector<std::pair<std::string_view, RowValue>> fields;  // key -> value (null: not given)
  };
  struct Conflict {
    std::int64_t other_fact;
    std::string field;
    RowValue value, other_value;
    Location other_where;
    std::uint32_t other_article;
    bool same_article;
  };

  // The id of a fact with `content`; `fresh` tells whether it is new.
  std::int64_t id(std::string_view content, bool& fresh) {
    auto [id, is_new] = facts_ids_.id(content);
    fresh = is_new;
    return id;
  }
  Fact* find(std::int64_t id);
  void add(std::int64_t id, Fact fact) { facts_.emplace(id, std::move(fact)); }

  struct Comparison {
    std::vector<Conflict> conflicts;
    std::optional<Location> same_article;  // another statement of this identity in the same article
  };
  // Records that fact `id`, with identity `identity`, says `values` in
  // article `article`, and returns the facts of the same identity it
  // contradicts: a field that both give, with different values. A fact that
  // only leaves out what another gives does not contradict it, nor does one
  // that lumps alternatives ("observer or dialogue partner") one of which the
  // other names.
  Comparison compare(const std::string& identity, std::int64_t id, std::uint32_t article, const Location& where,
                                Values values);

 private:
  struct Variant {
    std::int64_t fact;
    std::uint32_t article;
    Location where;
    Values values;
  };
  ContentIds facts_ids_;
  std::unordered_map<std::int64_t, Fact> facts_;
  std::unordered_map<std::string, std::vector<Variant>> by_identity_;
};

}  // namespace factdb::seed
