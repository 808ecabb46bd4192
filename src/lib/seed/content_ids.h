// Ids derived from what a fact or an evidence span says, so that each is the
// same whatever other articles are loaded and in whatever order.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace factdb::seed {

// A 53-bit id (exact in a JavaScript number, so the web and JSON keep it)
// from XXH3 of `content`, and 32 bits of a second hash that tell two contents
// with one id apart. Two different contents share an id one time in 2^53 per
// pair; they share the check too one time in 2^85.
//
// Remembering every id would find such a pair as it is read, and move the
// content read second on to the next free id; at ten million facts that
// memory is most of what a build holds. A staged build therefore forgets
// (`remember` false) and gives every content its first id: a pair sharing one
// then shows when the staged rows are merged (see Staging::content), and the
// build loads again remembering, which gives every id the same value as
// before but moves the pair apart.
class ContentIds {
 public:
  struct Id {
    std::int64_t id;
    std::uint32_t check;
  };

  explicit ContentIds(bool remember) : remember_(remember) {}

  Id id(std::string_view content) {
    constexpr std::int64_t kIdMask = (std::int64_t{1} << 53) - 1;
    constexpr XXH64_hash_t kCheckSeed = 0x9E3779B97F4A7C15ULL;
    auto id = static_cast<std::int64_t>(XXH3_64bits(content.data(), content.size()) & kIdMask);
    auto check = static_cast<std::uint32_t>(XXH3_64bits_withSeed(content.data(), content.size(), kCheckSeed));
    for (;; id = (id + 1) & kIdMask) {
      if (id == 0) continue;  // ids start at 1
      if (!remember_) return {id, check};
      auto [it, fresh] = checks_.try_emplace(id, check);
      if (fresh || it->second == check) return {id, check};
    }
  }

 private:
  bool remember_;
  absl::flat_hash_map<std::int64_t, std::uint32_t> checks_;  // id -> check of the content holding it
};

}  // namespace factdb::seed
