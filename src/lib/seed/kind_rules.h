// The rules of each kind of fact beyond its fields' types: what an entry must
// give together, what it needs another entry to state, and what can only be
// checked once the whole article is read. One function per kind that has any.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "entities.h"
#include "entry_reader.h"

namespace factdb::seed {

class KindRules {
 public:
  explicit KindRules(Entities& entities) : entities_(entities) {}

  // Starts an article dated `published` (when it gives its date).
  void begin_article(std::optional<IsoDate> published);
  // Checks one entry of the article, reporting through `fields`.
  void check(TomlFields& fields, const Entry& entry);
  // Checks what needed the whole article: printed dates against its date.
  void end_article(Diagnostics& diagnostics);

 private:
  void holding(TomlFields& fields, const Entry& entry);
  void attendance(TomlFields& fields, const Entry& entry);
  void absence(TomlFields& fields, const Entry& entry);
  void host(TomlFields& fields, const Entry& entry);
  void quotation(TomlFields& fields, const Entry& entry);
  void member_count(TomlFields& fields, const Entry& entry);
  void date(TomlFields& fields, const Entry& entry);

  struct PrintedDate {
    std::string printed;
    IsoDate iso;
    Location where;
  };
  Entities& entities_;
  std::optional<IsoDate> published_;
  int published_dates_ = 0;
  std::vector<PrintedDate> printed_dates_;
};

}  // namespace factdb::seed
