// A question in plain words, read for factdb ask: its words, the names in it,
// and the cues that change what it asks (a negation, "how many", yes or no).
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "factdb/names.h"

namespace factdb::ask_detail {

struct QuestionWord {
  std::string printed;
  std::string folded;
  bool capitalised = false;
  bool follows_previous = false;  // no punctuation between it and the word before
};

// Words of the question that name entities.
struct NameSpan {
  std::size_t first = 0, count = 0;  // which words
  std::vector<NameFit> fits;         // the entities they may name, all with the fewest typos
  std::string printed;               // as the question prints them
};

struct Question {
  std::vector<QuestionWord> words;
  std::vector<NameSpan> names;
  // Names the question gives that no entity has; `mentioned` those the
  // articles' text prints all the same (a word search can find them).
  std::vector<std::string> unknown_names;
  std::vector<std::string> mentioned;
  std::vector<std::string> quoted;     // phrases in double quotes
  std::vector<std::string> article_ids;  // article ids the question spells out
  std::vector<std::size_t> content;    // words neither common nor part of a name
  // For each of `content`, the words to look for in the queries: itself and
  // the words a query would use for it ("came" -> attended).
  std::vector<std::vector<std::string>> terms;
  // For each of `terms`: the words say one thing together ("not members"),
  // so a query has it when they stand near each other in it.
  std::vector<bool> together;
  bool search_cue = false;             // find, search, mention, passage, ...
  bool negated = false;                // not, without, absent, skipped, ...
  bool how_many = false;
  std::string counted;                 // the word after "how many", folded
  bool yes_no = false;                 // opens with was, did, is, ...
  bool about_attendance = false;       // attend, there, present, come, skip, ...
  bool only_names = false;             // nothing but names and words like "who is", "tell me about"
  std::vector<std::string> leftover;   // in a question of that shape, the words that are not names
};

// Words that carry no meaning for choosing a query.
bool is_common(const std::string& folded);
// Words that say a question is negated: not, without, absent, ...
bool is_negation(const std::string& folded);
// Words that ask whether someone was at an event: attend, there, present, skip, ...
bool is_attendance_word(const std::string& folded);

// Reads `text`. `vocabulary` says whether the canned queries use a folded
// word (in their titles, descriptions and examples, stemmed): such a word in
// lower case is a word of the question, not a name, even where an entity's
// name has it ("summit"). `text_prints` says whether the articles' text
// prints a word.
Question read_question(std::string_view text, const NameIndex& names, const std::function<bool(const std::string&)>& vocabulary,
                       const std::vector<std::string>& article_ids,
                       const std::function<bool(const std::string&)>& text_prints);

}  // namespace factdb::ask_detail
