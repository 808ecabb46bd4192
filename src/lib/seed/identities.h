// Statements that share an identity (the same attendance, holding,
// membership, ...): within one article a second one is an error; across
// articles a field given otherwise is a disagreement.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../fact_kinds.h"
#include "../row_writer.h"

namespace factdb::seed {

// Where a statement is in its article's facts.toml; the file follows from the
// article, so it is not kept per statement.
struct FilePosition {
  int line = 0;
  int column = 0;
};

// A kind's fields as one statement gives them (null: not given), each named
// by its FieldSpec in the kind's table.
struct FieldValues {
  std::vector<std::pair<const FieldSpec*, RowValue>> fields;

  // As text that decode() reads back: an identity's statements wait in a
  // temporary table until every article is read.
  std::string encode(const FactKind& kind) const;
  // The values encode() wrote for `kind`; throws Error(internal) on text it
  // did not write.
  static FieldValues decode(const FactKind& kind, std::string_view text);
};

// The 128-bit XXH3 of an identity: two identities share it one time in 2^128
// per pair, and keeping the strings would double what is held.
using IdentityKey = std::pair<std::uint64_t, std::uint64_t>;
IdentityKey identity_key(std::string_view identity);

class Identities {
 public:
  struct Conflict {
    std::int64_t other_fact;
    const FieldSpec* field;
    RowValue value, other_value;
    std::uint32_t other_article;
  };
  struct Comparison {
    std::vector<Conflict> conflicts;
    std::optional<FilePosition> same_article;  // another statement of this identity in the same article
  };

  // Records that fact `id`, with identity `key`, says `values` in article
  // `article`, and returns the facts of the same identity it contradicts:
  // a field that both give, with different values. A fact that only leaves
  // out what another gives does not contradict it, nor does one that lumps
  // alternatives ("observer or dialogue partner") one of which the other names.
  Comparison compare(IdentityKey key, std::int64_t id, std::uint32_t article, FilePosition where, FieldValues values);

  // Forgets every statement recorded.
  void clear() { by_identity_.clear(); }

 private:
  struct Variant {
    std::int64_t fact;
    std::uint32_t article;
    FilePosition where;
    FieldValues values;
  };
  absl::flat_hash_map<IdentityKey, std::vector<Variant>> by_identity_;
};

}  // namespace factdb::seed
