// Ids derived from what a fact or an evidence span says, so that each is the
// same whatever other articles are loaded and in whatever order.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <xxhash.h>

#include <cstdint>
#include <set>
#include <string_view>
#include <utility>

namespace factdb::seed {

// An id of `bits` bits (53 by default: exact in a JavaScript number, so the
// web and JSON keep it) from XXH3 of `content`, and 32 bits of a second hash
// that tell two contents with one id apart. Two different contents share an
// id one time in 2^53 per pair; they share the check too one time in 2^85.
// Of two contents sharing an id, the one read first keeps it and the other
// moves on to the next id not held by another content.
//
// Remembering every id given finds such a pair as it is read; at ten million
// facts that memory is most of what a build would hold. A staged build
// therefore remembers only the ids an earlier attempt found shared (none at
// first) and gives every other content its first id: a pair sharing one
// shows when the staged rows are merged (Staging::content_sql), and the build
// runs again remembering those ids too. When an attempt finds none shared,
// every content has the id that remembering all of them would have given: a
// content read earlier holding the id another one took would have been found.
class ContentIds {
 public:
  struct Id {
    std::int64_t id;
    std::uint32_t check;
  };

  // Remembers every id given.
  explicit ContentIds(int bits = 53) : mask_((std::int64_t{1} << bits) - 1) {}
  // Remembers only the ids in `shared`.
  ContentIds(std::set<std::int64_t> shared, int bits = 53)
      : mask_((std::int64_t{1} << bits) - 1), remember_all_(false), shared_(std::move(shared)) {}

  Id id(std::string_view content) {
    constexpr XXH64_hash_t kCheckSeed = 0x9E3779B97F4A7C15ULL;
    auto id = static_cast<std::int64_t>(XXH3_64bits(content.data(), content.size()) & static_cast<std::uint64_t>(mask_));
    auto check = static_cast<std::uint32_t>(XXH3_64bits_withSeed(content.data(), content.size(), kCheckSeed));
    for (;; id = (id + 1) & mask_) {
      if (id == 0) continue;  // ids start at 1
      if (!remember_all_ && shared_.count(id) == 0) return {id, check};
      auto [it, fresh] = checks_.try_emplace(id, check);
      if (fresh || it->second == check) return {id, check};
    }
  }

 private:
  std::int64_t mask_;
  bool remember_all_ = true;
  std::set<std::int64_t> shared_;
  absl::flat_hash_map<std::int64_t, std::uint32_t> checks_;  // id -> check of the content holding it
};

}  // namespace factdb::seed
