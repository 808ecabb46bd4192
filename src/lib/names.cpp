#include "factdb/names.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "factdb/closest.h"
#include "factdb/text.h"

namespace factdb {

std::vector<std::string> folded_words(std::string_view text) {
  auto folded = text::folded(text);
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    auto b = static_cast<unsigned char>(c);
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  // Initials written with full stops are one word: "U.N." is "un", as typed.
  std::vector<std::string> joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() == 1 && i + 1 < words.size() && words[i + 1].size() == 1) {
      std::string initials;
      while (i < words.size() && words[i].size() == 1) initials += words[i++];
      --i;
      joined.push_back(initials);
    } else {
      joined.push_back(words[i]);
    }
  }
  return joined;
}

std::size_t typos_allowed(std::size_t letters) { return letters <= 3 ? 0 : letters <= 5 ? 1 : 2; }

namespace {

// The typos between a word typed and a word of a name, if few enough.
std::optional<std::size_t> word_edits(const std::string& typed, const std::string& known) {
  if (typed == known) return 0;
  auto allowed = typos_allowed(std::min(typed.size(), known.size()));
  if (std::max(typed.size(), known.size()) - std::min(typed.size(), known.size()) > allowed) return std::nullopt;
  auto d = edit_distance(typed, known);
  if (d > allowed) return std::nullopt;
  return d;
}

}  // namespace

NameIndex::NameIndex(Database& db) {
  std::map<std::string, std::size_t> position;
  for (const auto& row : db.run_sql("SELECT id, kind, name FROM entity ORDER BY id").rows) {
    NamedEntity e{std::get<std::string>(row[0]), std::get<std::string>(row[1]), std::get<std::string>(row[2])};
    position.emplace(e.id, entities_.size());
    entities_.push_back(std::move(e));
  }
  std::set<std::pair<std::size_t, std::vector<std::string>>> seen;  // one spelling per entity and words
  auto add = [&](std::size_t entity, const std::string& printed) {
    auto words = folded_words(printed);
    if (words.empty() || !seen.emplace(entity, words).second) return;
    spellings_.push_back({entity, printed, std::move(words)});
  };
  for (std::size_t i = 0; i < entities_.size(); ++i) add(i, entities_[i].name);
  for (const auto& row : db.run_sql("SELECT entity_id, name FROM mention UNION SELECT entity_id, name FROM alias ORDER BY 1, 2").rows) {
    auto at = position.find(std::get<std::string>(row[0]));
    if (at != position.end()) add(at->second, std::get<std::string>(row[1]));
  }
}

std::vector<NameFit> NameIndex::fits(const std::vector<std::string>& words) const {
  std::map<std::size_t, NameFit> best;  // by entity
  if (words.empty()) return {};
  for (const auto& s : spellings_) {
    if (s.words.size() < words.size()) continue;
    // The words in order, each within its typos; a word of the spelling
    // left out between two of them ("Danube Council" for Danube Basin
    // Council) costs one edit.
    for (std::size_t at = 0; at + words.size() <= s.words.size(); ++at) {
      std::size_t edits = 0, next = at;
      bool fits = true;
      for (std::size_t i = 0; i < words.size() && fits; ++i) {
        fits = false;
        for (std::size_t k = next; k < s.words.size() && (i == 0 ? k == at : k <= next + 1); ++k) {
          auto d = word_edits(words[i], s.words[k]);
          if (!d) continue;
          edits += *d + (k - next);
          next = k + 1;
          fits = true;
          break;
        }
      }
      if (!fits) continue;
      NameFit fit{s.entity, edits, at == 0 && next == s.words.size(), s.printed};
      auto found = best.find(s.entity);
      if (found == best.end() || std::tie(fit.edits, found->second.whole) < std::tie(found->second.edits, fit.whole))
        best[s.entity] = fit;
    }
  }
  std::vector<NameFit> out;
  for (auto& [entity, fit] : best) out.push_back(std::move(fit));
  std::stable_sort(out.begin(), out.end(), [](const NameFit& a, const NameFit& b) { return a.edits < b.edits; });
  return out;
}

std::vector<std::string> NameIndex::spellings(std::size_t entity) const {
  std::vector<std::string> out;
  for (const auto& s : spellings_)
    if (s.entity == entity) out.push_back(s.printed);
  return out;
}

std::vector<std::string> NameIndex::closest(std::string_view text, std::size_t limit) const {
  std::vector<std::string> spellings;
  for (const auto& s : spellings_)
    if (entities_[s.entity].kind != "office") spellings.push_back(s.printed);
  return closest_names(spellings, text, limit);
}

}  // namespace factdb
