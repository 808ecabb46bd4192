// The facts of every article read so far: each one's id, derived from what it
// says so that it is the same whatever other articles are loaded and in
// whatever order, and the statements that share an identity, from which
// restatements and disagreements follow.
//
// It holds a few words per fact and nothing that repeats per statement (no
// file names, no identity strings): at ten million rows it is most of what a
// build keeps in memory, so its tables are absl's flat hash maps (one
// allocation per table, not one per entry).
#pragma once

#include <absl/container/flat_hash_map.h>
#include <xxhash.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../row_writer.h"

namespace factdb::seed {

// Where a statement is in its article's facts.toml; the file follows from the
// article, so it is not kept per statement.
struct FilePosition {
  int line = 0;
  int column = 0;
};

// A 53-bit id (exact in a JavaScript number, so the web and JSON keep it)
// from a hash of `content`; 32 bits of a second hash tell whether another
// content already has it, and the next id is tried then. The hash is XXH3:
// two different contents share an id one time in 2^53 per pair, and then the
// order in which they were read decides which moves on; they share the check
// too one time in 2^85. Each id carries a
// `Payload`, default-constructed when the id is new.
template <class Payload>
class ContentIds {
 public:
  // The id of `content`, and whether it is seen for the first time.
  std::pair<std::int64_t, bool> id(std::string_view content) {
    constexpr std::int64_t kIdMask = (std::int64_t{1} << 53) - 1;
    constexpr XXH64_hash_t kCheckSeed = 0x9E3779B97F4A7C15ULL;
    auto id = static_cast<std::int64_t>(XXH3_64bits(content.data(), content.size()) & kIdMask);
    auto check = static_cast<std::uint32_t>(XXH3_64bits_withSeed(content.data(), content.size(), kCheckSeed));
    for (;; id = (id + 1) & kIdMask) {
      if (id == 0) continue;  // ids start at 1
      auto [it, fresh] = entries_.try_emplace(id);
      if (fresh) it->second.check = check;
      if (fresh || it->second.check == check) return {id, fresh};
    }
  }
  // The payload of an id that id() gave, or nullptr.
  Payload* find(std::int64_t id) {
    auto it = entries_.find(id);
    return it == entries_.end() ? nullptr : &it->second;
  }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry : Payload {  // an empty Payload takes no room
    std::uint32_t check = 0;
  };
  absl::flat_hash_map<std::int64_t, Entry> entries_;
};

struct NoPayload {};

class FactRegistry {
 public:
  struct Fact {
    std::uint32_t first_article = 0;  // index of its first article (the smallest id among those that state it)
    std::uint32_t last_article = 0;   // the article that stated it last: a second statement there is a repeat
    FilePosition where;               // where that last statement is, in last_article's file
    bool stored = false;              // a statement of it was inserted (an id can be given to a refused statement)
    bool annotation_only = false;     // no article's words state it yet
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
    std::uint32_t other_article;
    bool same_article;
  };

  // The id of a fact with `content`; `fresh` tells whether it is new.
  std::int64_t id(std::string_view content, bool& fresh) {
    auto [id, is_new] = facts_.id(content);
    fresh = is_new;
    return id;
  }
  // A fact whose statement was stored (add), or nullptr.
  Fact* find(std::int64_t id) {
    auto* fact = facts_.find(id);
    return fact && fact->stored ? fact : nullptr;
  }
  // Stores the first statement of fact `id`, which id() gave.
  void add(std::int64_t id, Fact fact) {
    fact.stored = true;
    *facts_.find(id) = fact;
  }

  struct Comparison {
    std::vector<Conflict> conflicts;
    std::optional<FilePosition> same_article;  // another statement of this identity in the same article
  };
  // Records that fact `id`, with identity `identity`, says `values` in
  // article `article`, and returns the facts of the same identity it
  // contradicts: a field that both give, with different values. A fact that
  // only leaves out what another gives does not contradict it, nor does one
  // that lumps alternatives ("observer or dialogue partner") one of which the
  // other names.
  Comparison compare(std::string_view identity, std::int64_t id, std::uint32_t article, FilePosition where, Values values);

 private:
  struct Variant {
    std::int64_t fact;
    std::uint32_t article;
    FilePosition where;
    Values values;
  };
  ContentIds<Fact> facts_;
  // Keyed by the identity's 128-bit XXH3: two identities share a key one time
  // in 2^128 per pair, and keeping the strings would double what the registry holds.
  absl::flat_hash_map<std::pair<std::uint64_t, std::uint64_t>, std::vector<Variant>> by_identity_;
};

}  // namespace factdb::seed
