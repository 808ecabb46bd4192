// The index of names: every entity with each of its spellings, for finding
// which entities a person's words name, misspelt or not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "factdb/database.h"

namespace factdb {

struct NamedEntity {
  std::string id;
  std::string kind;  // person, country, organization, place, group, event, office
  std::string name;  // as the corpus names it
};

struct NameFit {
  std::size_t entity = 0;   // its position in NameIndex::entities()
  std::size_t edits = 0;    // typos, summed over the words
  bool whole = false;       // the words are the whole of a spelling, not a part of it
  std::string spelling;     // the spelling they fit, as printed
};

// The words of `text` case folded and without accents: runs of letters and
// digits ("Zieliński's" -> "zielinski", "s").
std::vector<std::string> folded_words(std::string_view text);

// Typos a word of this many letters may carry and still be the word: none up
// to three letters (Xi, UN), one up to five, two beyond.
std::size_t typos_allowed(std::size_t letters);

class NameIndex {
 public:
  // Every entity of `db` with its names: as the corpus names it, as each
  // article prints it, and its aliases.
  explicit NameIndex(Database& db);

  const std::vector<NamedEntity>& entities() const { return entities_; }

  // The entities with a spelling in which `words` (folded_words) appear in
  // order and next to each other, each within typos_allowed; fewest typos
  // first, one fit per entity. "putin" and "vladimir putn" fit Vladimir Putin.
  std::vector<NameFit> fits(const std::vector<std::string>& words) const;

  // Every spelling of entity `entity` (its position in entities()), as printed.
  std::vector<std::string> spellings(std::size_t entity) const;

  // Up to `limit` spellings closest to `text` (for "did you mean"), as printed.
  std::vector<std::string> closest(std::string_view text, std::size_t limit = 5) const;

 private:
  struct Spelling {
    std::size_t entity;
    std::string printed;
    std::vector<std::string> words;
  };
  std::vector<NamedEntity> entities_;
  std::vector<Spelling> spellings_;
};

}  // namespace factdb
