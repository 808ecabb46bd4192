#include "factdb/ask.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "ask_question.h"
#include "factdb/closest.h"
#include "factdb/error.h"
#include "factdb/names.h"
#include "factdb/text.h"

namespace factdb {

using ask_detail::Question;
using ask_detail::NameSpan;

namespace {

// An in-memory FTS5 index over the canned queries: what they are called and
// say, and the questions they answer.
class QueryIndex {
 public:
  explicit QueryIndex(const std::vector<CannedQuery>& queries)
      : index_(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
    index_.exec(
        "CREATE VIRTUAL TABLE q USING fts5(name, title, description, examples, "
        "tokenize = 'porter unicode61 remove_diacritics 2')");
    SQLite::Statement insert(index_, "INSERT INTO q (name, title, description, examples) VALUES (?, ?, ?, ?)");
    for (const auto& query : queries) {
      std::string examples;
      for (const auto& e : query.examples) examples += e + "\n";
      std::string name = query.name;
      std::replace(name.begin(), name.end(), '-', ' ');
      insert.bind(1, name);
      insert.bind(2, query.title);
      insert.bind(3, query.description);
      insert.bind(4, examples);
      insert.exec();
      insert.reset();
    }
  }

  // (query index, bm25) for an FTS5 expression, best first.
  std::vector<std::pair<std::size_t, double>> ranked(const std::string& match) const {
    // Weights: the name and title say what a query is; examples say how people ask.
    SQLite::Statement search(index_, "SELECT rowid, bm25(q, 4.0, 3.0, 1.0, 3.0) FROM q WHERE q MATCH ? ORDER BY 2, rowid");
    search.bind(1, match);
    std::vector<std::pair<std::size_t, double>> found;
    while (search.executeStep())
      found.emplace_back(static_cast<std::size_t>(search.getColumn(0).getInt64() - 1), search.getColumn(1).getDouble());
    return found;
  }

  // The queries whose words include `word`, stemmed; with `columns`
  // ("{name title}"), only in those columns.
  std::set<std::size_t> having(const std::string& word, const std::string& columns = {}) const {
    std::set<std::size_t> found;
    for (const auto& [at, rank] : ranked(columns.empty() ? phrase(word) : columns + " : " + phrase(word))) found.insert(at);
    return found;
  }

  static std::string phrase(const std::string& word) {
    std::string quoted = "\"";
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  }

 private:
  SQLite::Database index_;
};

// Every word the canned queries use, folded: in lower case, such a word in a
// question is the question's, not a name's.
std::set<std::string> vocabulary_of(const std::vector<CannedQuery>& queries) {
  std::set<std::string> words;
  auto add = [&](const std::string& text) {
    // A capitalised word inside a sentence is a name ("Mokhber"): not vocabulary.
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
      auto start = i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
      if (i == start) continue;
      auto word = text.substr(start, i - start);
      bool sentence_start = start == 0 || text.find_last_not_of(' ', start - 1) == std::string::npos ||
                            std::string(".?!:\n").find(text[text.find_last_not_of(' ', start - 1)]) != std::string::npos;
      if (std::isupper(static_cast<unsigned char>(word[0])) && !sentence_start) continue;
      for (auto& w : folded_words(word)) words.insert(w);
    }
  };
  for (const auto& q : queries) {
    add(q.title);
    add(q.description);
    for (const auto& e : q.examples) add(e);
    for (const auto& c : q.columns) add(c.name);
  }
  return words;
}

bool title_negated(const CannedQuery& query) {
  for (const auto& w : folded_words(query.title))
    if (ask_detail::is_negation(w)) return true;
  return false;
}

// A query about what did not happen: its title or an example question says so.
bool negative(const CannedQuery& query) {
  std::string text = query.title;
  for (const auto& e : query.examples) text += " " + e;
  for (const auto& w : folded_words(text))
    if (ask_detail::is_negation(w)) return true;
  return false;
}

bool has_param(const CannedQuery& q, const std::string& name) {
  return std::any_of(q.params.begin(), q.params.end(), [&](const QueryParam& p) { return p.name == name; });
}

std::string percent(double confidence) { return fmt::format("{:.0f}%", confidence * 100); }

// What ask knows while it reads one question.
class Asker {
 public:
  Asker(Database& db, std::string_view text, const ParamValues& given)
      : db_(db), given_(given), queries_(db.canned_queries()), index_(queries_), names_(db), text_(text) {
    collect_kind_words();
    std::vector<std::string> ids;
    for (const auto& row : db.run_sql("SELECT id FROM article ORDER BY id").rows) ids.push_back(std::get<std::string>(row[0]));
    prints_ = [&db](const std::string& words) {
      return !db.run_sql("SELECT 1 FROM search_index WHERE search_index MATCH :q AND kind = 'passage' LIMIT 1",
                         {{"q", "text : " + QueryIndex::phrase(words)}})
                  .rows.empty();
    };
    // A word the queries use, stemmed, or one typo from one ("organisation"):
    // the question's own word, not a name misspelt.
    auto vocabulary = vocabulary_of(queries_);
    auto known = [this, vocabulary](const std::string& word) {
      if (!index_.having(word).empty()) return true;
      if (word.size() < 5) return false;
      return std::any_of(vocabulary.begin(), vocabulary.end(), [&](const std::string& v) {
        return v.size() + 1 >= word.size() && v.size() <= word.size() + 1 && edit_distance(v, word) <= 1;
      });
    };
    q_ = ask_detail::read_question(text, names_, known, ids, prints_);
  }

  AskAnswer answer() {
    refuse_unknown_names();
    note_names_that_fit_several();
    if (q_.yes_no && q_.about_attendance && only_attendance_words())
      if (auto answer = attendance_answer()) return finish(std::move(*answer));
    if (q_.only_names && q_.leftover.empty() && !q_.names.empty())
      if (auto answer = about_answer()) return finish(std::move(*answer));
    if (q_.only_names && q_.names.empty() && !q_.leftover.empty() && q_.mentioned.empty() && q_.quoted.empty()) {
      // A word cut short ("memb") may begin a query's words: say which.
      auto closest = match_queries(queries_, text_, true);
      if (!closest.empty()) {
        std::string list;
        for (std::size_t i = 0; i < closest.size() && i < 5; ++i)
          list += fmt::format("\n  {:<22} {}", closest[i].name, closest[i].title);
        throw Error(ExitCode::usage, fmt::format("no name and no canned query fits {}; the queries closest to its words:{}",
                                                 fmt::join(quoted(q_.leftover), ", "), list));
      }
      refuse_never_mentioned(q_.leftover);
    }
    return finish(general_answer());
  }

 private:
  const CannedQuery* query_named(const std::string& name) const {
    for (const auto& q : queries_)
      if (q.name == name) return &q;
    return nullptr;
  }

  // The `skip`+1-th name of the question, in its order, that fits one of
  // `kinds`, with the fit.
  std::optional<std::pair<const NameSpan*, const NameFit*>> name_of_kind(std::initializer_list<const char*> kinds,
                                                                         std::size_t skip = 0) const {
    for (const auto& span : q_.names) {
      auto fit = std::find_if(span.fits.begin(), span.fits.end(), [&](const NameFit& f) {
        const auto& kind = names_.entities()[f.entity].kind;
        return std::any_of(kinds.begin(), kinds.end(), [&](const char* k) { return kind == k; });
      });
      if (fit == span.fits.end()) continue;
      if (skip == 0) return std::make_pair(&span, &*fit);
      --skip;
    }
    return std::nullopt;
  }

  // The words to pass as a name parameter: the spelling the question meant,
  // or when it fits several entities, the question's own words (all of them).
  std::string name_value(const NameSpan& span, const NameFit& fit) const {
    std::size_t same_kind = 0;
    for (const auto& f : span.fits) same_kind += names_.entities()[f.entity].kind == names_.entities()[fit.entity].kind;
    return same_kind > 1 && fit.edits == 0 ? span.printed : fit.spelling;
  }

  void refuse_unknown_names() const { if (!q_.unknown_names.empty()) refuse_never_mentioned(q_.unknown_names); }

  [[noreturn]] void refuse_never_mentioned(const std::vector<std::string>& words) const {
    std::string closest;
    for (const auto& w : words)
      for (const auto& c : names_.closest(w, 3))
        if (closest.find(c) == std::string::npos) closest += (closest.empty() ? "" : ", ") + c;
    throw Error(ExitCode::usage,
                fmt::format("the articles never mention {}{}", fmt::join(quoted(words), " or "),
                            closest.empty() ? "; 'factdb search WORDS' looks for words in their text"
                                            : "; the closest names they have: " + closest));
  }

  static std::vector<std::string> quoted(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back("'" + w + "'");
    return out;
  }

  void note_names_that_fit_several() {
    for (const auto& span : q_.names) {
      std::map<std::string, std::vector<std::string>> by_kind;
      for (const auto& fit : span.fits) by_kind[names_.entities()[fit.entity].kind].push_back(names_.entities()[fit.entity].name);
      for (const auto& [kind, entities] : by_kind)
        if (entities.size() > 1)
          notes_.push_back(fmt::format("'{}' fits {} {}s: {}", span.printed, entities.size(), kind, fmt::join(entities, ", ")));
      if (span.fits.front().edits > 0)
        notes_.push_back(fmt::format("'{}' read as {}", span.printed, names_.entities()[span.fits.front().entity].name));
    }
  }

  bool only_attendance_words() const {
    for (auto i : q_.content) {
      const auto& w = q_.words[i].folded;
      if (!ask_detail::is_attendance_word(w) && !ask_detail::is_negation(w) && !event_word(w) && !office_word(w)) return false;
    }
    return true;
  }

  // A word events are called by: summit, meeting, session, ...
  bool event_word(const std::string& w) const { return event_words_.count(w) > 0; }

  // A word of an office's title: president, minister, secretary, ...
  bool office_word(const std::string& w) const { return office_words_.count(w) > 0; }

  // The words event_word and office_word know, read once from the names.
  void collect_kind_words() {
    event_words_ = {"summit", "summits", "session", "sessions", "conference", "gathering", "forum"};
    for (const auto& e : names_.entities()) {
      if (e.kind != "event" && e.kind != "office") continue;
      for (const auto& x : folded_words(e.name)) {
        // an event's capitalised words ("Steppe", "Dialogue"), not "next" or "annual"; every word of an office's title
        if (e.kind == "office") office_words_.insert(x);
        else if (e.name.find(x) == std::string::npos) event_words_.insert(x);
      }
    }
  }

  // The events the question names: by name, or as the sessions of an
  // organization or the events in a place it names.
  std::vector<std::string> events_named() const {
    std::vector<std::string> events;
    auto add = [&](const std::string& id) {
      if (std::find(events.begin(), events.end(), id) == events.end()) events.push_back(id);
    };
    for (const auto& span : q_.names)
      for (const auto& fit : span.fits) {
        const auto& e = names_.entities()[fit.entity];
        if (e.kind == "event") add(e.id);
      }
    if (!events.empty()) return events;
    for (const auto& span : q_.names)
      for (const auto& fit : span.fits) {
        const auto& e = names_.entities()[fit.entity];
        const char* sql = e.kind == "organization" ? "SELECT id FROM event WHERE organization_id = :id ORDER BY id"
                          : e.kind == "place"      ? "SELECT l.entity_id FROM location l JOIN event v ON v.id = l.entity_id WHERE l.place_id = :id ORDER BY 1"
                                                   : nullptr;
        if (!sql) continue;
        for (const auto& row : db_.run_sql(sql, {{"id", e.id}}).rows) add(std::get<std::string>(row[0]));
      }
    return events;
  }

  static void append(ResultSet& to, ResultSet from) {
    if (to.columns.empty()) to.columns = from.columns;
    for (auto& row : from.rows) to.rows.push_back(std::move(row));
  }

  // "Was X there?", "did X attend the summit?", "did X skip it?": the
  // attended query for each person or country named, at the events named.
  std::optional<AskAnswer> attendance_answer() {
    const auto* query = query_named("attended");
    if (!query) return std::nullopt;
    std::vector<std::pair<const NameSpan*, const NameFit*>> who;
    for (std::size_t k = 0;; ++k) {
      auto found = name_of_kind({"person", "country"}, k);
      if (!found) break;
      if (std::none_of(who.begin(), who.end(), [&](const auto& w) { return w.first == found->first; })) who.push_back(*found);
    }
    if (who.empty()) return std::nullopt;
    auto events = events_named();
    AskAnswer answer{*query, {}, {}, 0.95, {}, {}, {}};
    std::vector<std::string> said, unknown;
    for (const auto& [span, fit] : who) {
      ParamValues params{{"who", name_value(*span, *fit)}};
      for (const auto& g : given_)
        if (has_param(*query, g.first)) params.push_back(g);
      ResultSet rows;
      if (events.empty()) {
        rows = db_.run_canned(query->name, params);
      } else {
        for (const auto& event : events) {
          auto with_event = params;
          with_event.emplace_back("event", event);
          append(rows, db_.run_canned(query->name, with_event));
        }
        if (events.size() == 1) params.emplace_back("event", events.front());
      }
      if (answer.params.empty()) answer.params = params;
      const auto& name = names_.entities()[fit->entity].name;
      if (rows.rows.empty()) {
        unknown.push_back(name);
        continue;
      }
      said.push_back(yes_no_summary(name, rows));
      append(answer.rows, std::move(rows));
    }
    if (said.empty()) {
      throw Error(ExitCode::usage,
                  fmt::format("the articles do not say whether {} attended{}; what they say about {}: factdb query {} -p {}='{}'",
                              fmt::join(unknown, " or "), events.size() == 1 ? " " + names_.entities()[index_of(events.front())].name : "",
                              unknown.front(), names_.entities()[who.front().second->entity].kind == "country" ? "country" : "person",
                              names_.entities()[who.front().second->entity].kind == "country" ? "country" : "name",
                              unknown.front()));
    }
    for (const auto& name : unknown) said.push_back(fmt::format("the articles do not say whether {} attended", name));
    answer.summary = fmt::format("{}", fmt::join(said, "; "));
    return answer;
  }

  std::size_t index_of(const std::string& id) const {
    for (std::size_t i = 0; i < names_.entities().size(); ++i)
      if (names_.entities()[i].id == id) return i;
    return 0;
  }

  // yes or no for one person or country, from the attended rows about them.
  std::string yes_no_summary(const std::string& name, const ResultSet& rows) const {
    auto column = [&](const char* c) {
      return static_cast<std::size_t>(std::find(rows.columns.begin(), rows.columns.end(), c) - rows.columns.begin());
    };
    std::set<std::string> yes, no;
    for (const auto& row : rows.rows) {
      auto event = std::get<std::string>(row[column("event")]);
      (std::get<std::string>(row[column("attended")]) == "yes" ? yes : no).insert(event);
    }
    std::vector<std::string> both;
    for (const auto& e : yes)
      if (no.count(e)) both.push_back(e);
    if (!both.empty()) return fmt::format("the articles disagree on whether {} attended {}", name, fmt::join(both, ", "));
    if (!yes.empty() && !no.empty())
      return fmt::format("{} attended {} but not {}", name, fmt::join(yes, ", "), fmt::join(no, ", "));
    bool attended = !yes.empty();
    const auto& events = attended ? yes : no;
    // "Was Modi absent?" asks the opposite: yes when he did not attend.
    bool answer_yes = attended != q_.negated;
    return fmt::format("{}: {} {} {}", answer_yes ? "yes" : "no", name, attended ? "attended" : "did not attend", fmt::join(events, ", "));
  }

  // A name alone, "who is X", "tell me about X": everything about it.
  std::optional<AskAnswer> about_answer() {
    auto found = name_of_kind({"person", "country", "organization", "event", "place", "group"});
    if (!found) return std::nullopt;
    const auto& [span, fit] = *found;
    const auto& kind = names_.entities()[fit->entity].kind;
    // An event: who was there; a place or a group: where the text names it.
    std::string query_name = kind == "person" ? "person" : kind == "country" ? "country" : kind == "organization" ? "organization"
                             : kind == "event" ? "attendees" : "search";
    std::string param = kind == "person" ? "name" : kind == "country" ? "country" : kind == "organization" ? "organization"
                        : kind == "event" ? "event" : "q";
    const auto* query = query_named(query_name);
    if (!query || !has_param(*query, param)) return std::nullopt;
    auto value = param == "q" ? QueryIndex::phrase(fit->spelling) : param == "event" ? names_.entities()[fit->entity].id
                                                                                    : name_value(*span, *fit);
    ParamValues params{{param, value}};
    for (const auto& g : given_)
      if (has_param(*query, g.first) && g.first != param) params.push_back(g);
    return AskAnswer{*query, params, db_.run_canned(query->name, params), q_.names.size() == 1 ? 0.95 : 0.7, {}, {}, {}};
  }

  // The value for `param` of `query` from the question, if it gives one.
  std::optional<std::string> value_for(const CannedQuery& query, const std::string& param) const {
    auto fitting = [&](std::initializer_list<const char*> kinds) -> std::optional<std::string> {
      auto found = name_of_kind(kinds);
      if (!found) return std::nullopt;
      return name_value(*found->first, *found->second);
    };
    if (param == "name") return fitting({"person"});
    if (param == "country") return fitting({"country"});
    if (param == "who") return fitting({"person", "country"});
    if (param == "organization") return fitting({"organization"});
    if (param == "q") return search_words(query);
    if (param == "article" && q_.article_ids.size() == 1) return q_.article_ids.front();
    return std::nullopt;
  }

  // What to search for: the quoted phrases, else the names and the words the
  // articles print, else the words of the question the search query does not
  // use itself ("find passages about pipelines": pipelines).
  std::optional<std::string> search_words(const CannedQuery& query) const {
    std::vector<std::string> phrases;
    for (const auto& p : q_.quoted) phrases.push_back(QueryIndex::phrase(p));
    if (phrases.empty()) {
      for (const auto& span : q_.names) phrases.push_back(QueryIndex::phrase(span.fits.front().edits ? span.fits.front().spelling : span.printed));
      for (const auto& m : q_.mentioned) phrases.push_back(QueryIndex::phrase(m));
    }
    if (phrases.empty()) {
      auto own = vocabulary_of(std::vector<CannedQuery>{query});
      static const std::set<std::string> asking = {"find", "search", "look", "mention", "mentions", "mentioned", "word", "words",
                                                   "text", "passage", "passages", "phrase", "where", "say", "says", "said"};
      for (auto i : q_.content)
        if (!own.count(q_.words[i].folded) && !asking.count(q_.words[i].folded) && !ask_detail::is_negation(q_.words[i].folded))
          phrases.push_back(QueryIndex::phrase(q_.words[i].printed));
    }
    if (phrases.empty()) return std::nullopt;
    return fmt::format("{}", fmt::join(phrases, " "));
  }

  struct Reading {
    std::size_t query;
    ParamValues params;
    double score;
    double coverage;
  };

  // Fills the parameters of `query` from the question; nullopt when a
  // required one cannot be.
  std::optional<std::pair<ParamValues, bool>> bind(const CannedQuery& query) {
    ParamValues params;
    bool bound_name = false;
    for (const auto& p : query.params) {
      auto given = std::find_if(given_.begin(), given_.end(), [&](const auto& g) { return g.first == p.name; });
      if (given != given_.end()) {
        params.push_back(*given);
        continue;
      }
      auto value = value_for(query, p.name);
      if (value) {
        params.emplace_back(p.name, *value);
        bound_name = bound_name || p.name != "article";
      } else if (p.required) {
        return std::nullopt;
      }
    }
    // Narrowed to the event the question names, when the query can be and
    // exactly one of the events it may mean has rows.
    if (has_param(query, "event") && std::none_of(params.begin(), params.end(), [](const auto& v) { return v.first == "event"; })) {
      std::vector<std::string> with_rows;
      for (const auto& event : events_named()) {
        auto tried = params;
        tried.emplace_back("event", event);
        if (!db_.run_canned(query.name, tried, Page{0, 1}).rows.empty()) with_rows.push_back(event);  // a row is enough
      }
      if (with_rows.size() == 1) {
        params.emplace_back("event", with_rows.front());
        bound_name = true;
      }
    }
    return std::make_pair(params, bound_name);
  }

  // The FTS5 expression for the question's words and the words related to them.
  std::string match_expression() const {
    std::string match;
    for (std::size_t k = 0; k < q_.terms.size(); ++k) {
      for (const auto& t : q_.terms[k]) match += (match.empty() ? "" : " OR ") + QueryIndex::phrase(t);
      if (q_.together[k]) match += " OR " + near(k);
    }
    if (q_.how_many && !match.empty()) match += " OR \"how many\"";
    return match;
  }

  // The words of a group that say one thing together, near each other: "not (yet) members".
  std::string near(std::size_t k) const {
    std::string phrases;
    for (const auto& t : q_.terms[k]) phrases += (phrases.empty() ? "" : " ") + QueryIndex::phrase(t);
    return "NEAR(" + phrases + ", 2)";
  }

  // Whether query `at` uses the k-th content word of the question (or a word
  // related to it) in `columns` ("title", "name"; all when empty).
  bool explains(std::size_t at, std::size_t k, const std::string& columns = {}) const {
    if (q_.together[k]) {
      auto prefix = columns.empty() ? std::string() : "{" + columns + "} : ";
      // NEAR takes no column filter of its own: the whole expression does.
      if (!index_.ranked(prefix + near(k)).empty()) {
        for (const auto& [found, rank] : index_.ranked(prefix + near(k)))
          if (found == at) return true;
        return false;
      }
    }
    for (const auto& t : q_.terms[k])
      if (index_.having(t, columns).count(at)) return true;
    return false;
  }

  // "Who", "when", "where" and "why" ask for a kind of answer: a query with a
  // column of that kind fits them better.
  double answers_kind(const CannedQuery& query) const {
    if (q_.words.empty()) return 1;
    static const std::map<std::string, std::set<std::string>> kinds = {
        {"who", {"person", "who", "participants", "speaker", "holder", "attendee"}},
        {"whom", {"person", "who", "participants", "speaker", "holder", "attendee"}},
        {"when", {"date", "dates", "year", "iso", "8601"}},
        {"where", {"place", "where", "city"}},
        {"why", {"reason", "why"}}};
    // The question word opens the question ("who met whom?"), but "why" asks
    // for reasons wherever it stands ("who stayed away, and why?").
    const std::string* asked = nullptr;
    for (std::size_t i = 0; i < q_.words.size() && !asked; ++i)
      if (kinds.count(q_.words[i].folded) && (i < 3 || q_.words[i].folded == "why")) asked = &q_.words[i].folded;
    if (!asked) return 1;
    const auto& wanted = kinds.at(*asked);
    for (const auto& c : query.columns) {
      if (c.name == "evidence" || c.name == "fact_ids") continue;
      for (const auto& w : folded_words(c.name + " " + c.description.substr(0, c.description.find(';'))))
        if (wanted.count(w)) return 1.3;
    }
    return 1;
  }

  AskAnswer general_answer() {
    auto match = match_expression();
    if (match.empty()) {
      if (!q_.names.empty() || !q_.mentioned.empty()) {
        if (auto answer = about_answer()) return std::move(*answer);
      }
      throw Error(ExitCode::usage, "the question has no word a canned query answers to; 'factdb queries' lists them all");
    }
    std::vector<Reading> readings;
    for (const auto& [at, rank] : index_.ranked(match)) {
      const auto& query = queries_[at];
      auto bound = bind(query);
      if (!bound) continue;
      // The words of an event's name ("summit") neither help nor hurt a
      // query: any may be asked about an event. The rest count.
      std::size_t explained = 0, counted = 0, in_title = 0, in_name = 0;
      for (std::size_t k = 0; k < q_.terms.size(); ++k) {
        bool used = explains(at, k) || (q_.search_cue && has_param(query, "q") && prints_(q_.words[q_.content[k]].folded));
        if (!used && (event_word(q_.words[q_.content[k]].folded) || office_word(q_.words[q_.content[k]].folded))) continue;
        ++counted;
        explained += used;
        // "summit" says which event, not which query: no bonus for a title that has it.
        bool event = event_word(q_.words[q_.content[k]].folded);
        in_title += used && !event && explains(at, k, "title");
        in_name += used && !event && explains(at, k, "name");
      }
      double score = -rank;
      // Of queries the words fit alike, the one whose name and title the
      // question says most of: the general query for a general question.
      std::size_t title_words = 0, name_words = 0;
      for (const auto& w : folded_words(query.title)) title_words += !ask_detail::is_common(w);
      for (const auto& w : folded_words(query.name)) name_words += !ask_detail::is_common(w);
      score *= 1 + static_cast<double>(in_title) / std::max<std::size_t>(title_words, 1);
      score *= 1 + 0.6 * std::min(1.0, static_cast<double>(in_name) / std::max<std::size_t>(name_words, 1));
      if (bound->second) score *= 1.3;  // the question names what the query is about
      std::vector<std::string> column_names;
      for (const auto& c : query.columns) column_names.push_back(c.name);
      if (q_.how_many && counted_column(column_names)) score *= 1.3;  // it has what the question counts
      if (title_negated(query) && !q_.negated) score *= 0.5;  // "represented" is not "unrepresented"
      if (q_.negated) score *= negative(query) ? 1.5 : 0.4;  // "did not come" is not "came"
      double coverage = counted ? static_cast<double>(explained) / counted : 0;
      score *= answers_kind(query);
      score *= coverage;  // a word of the question the query has no use for counts against it
      if (score <= 0) continue;
      readings.push_back({at, bound->first, score, coverage});
    }
    std::stable_sort(readings.begin(), readings.end(), [](const Reading& a, const Reading& b) { return a.score > b.score; });
    // A reading that has no use for half the question's words is no answer to it.
    std::vector<Reading> weak;
    for (auto it = readings.begin(); it != readings.end();)
      if (it->coverage <= kSure) {
        weak.push_back(std::move(*it));
        it = readings.erase(it);
      } else {
        ++it;
      }
    if (readings.empty() && !weak.empty()) refuse_unsure(weak, weak.front().coverage);
    if (readings.empty()) {
      auto ranked = index_.ranked(match);
      if (!ranked.empty()) {
        const auto& best = queries_[ranked.front().first];
        std::string needs;
        for (const auto& p : best.params)
          if (p.required) needs += fmt::format(" -p {}=VALUE", p.name);
        throw Error(ExitCode::usage, fmt::format("the question matches '{}' ({}), which needs a value the question does not give: "
                                                 "factdb query {}{}", best.name, best.title, best.name, needs));
      }
      throw Error(ExitCode::usage, "no canned query answers that; 'factdb queries' lists them all");
    }
    const auto& best = readings.front();
    double second = readings.size() > 1 ? readings[1].score : 0;
    double confidence = best.coverage * best.score / (best.score + second);
    if (best.coverage <= kSure) refuse_unsure(readings, confidence);
    const auto* chosen = &best;
    auto rows = db_.run_canned(queries_[best.query].name, best.params);
    // An answer that never names what the question names answers another
    // question ("how many members does the SCO have?" with only the Danube
    // council's count): the next reading that does, if it is close enough.
    for (std::size_t next = 1; !mentions_names(*chosen, rows);) {
      while (next < readings.size() && readings[next].score < kClose * best.score) ++next;
      if (next >= readings.size()) refuse_unanswered(readings.front());
      chosen = &readings[next++];
      rows = db_.run_canned(queries_[chosen->query].name, chosen->params);
    }
    if (chosen != &best) {
      confidence = chosen->coverage * chosen->score / (chosen->score + best.score);
      second = best.score;
    }
    if (chosen == &best && second >= kTie * best.score) {
      // Two readings about as likely differ only when their answers do: when
      // one answer's facts hold all of the other's, the fuller answers both.
      auto other_rows = db_.run_canned(queries_[readings[1].query].name, readings[1].params);
      auto mine = main_facts(rows), other = main_facts(other_rows);
      if (mine.empty() || other.empty()) refuse_unsure(readings, confidence);
      if (std::includes(other.begin(), other.end(), mine.begin(), mine.end())) {
        chosen = &readings[1];
        rows = std::move(other_rows);
      } else if (!std::includes(mine.begin(), mine.end(), other.begin(), other.end())) {
        refuse_unsure(readings, confidence);
      }
      notes_.push_back(fmt::format("also read as '{}', whose answer is part of this one", queries_[chosen == &best ? readings[1].query : best.query].name));
    }
    const auto& query = queries_[chosen->query];
    AskAnswer answer{query, chosen->params, std::move(rows), confidence, {}, {}, {}};
    double total = 0;
    for (const auto& r : readings) total += r.score;
    for (const auto& r : readings) answer.readings.push_back({queries_[r.query].name, r.params, r.score / total, r.coverage});
    if (q_.how_many) {
      // The rows behind the count, and only those.
      auto narrowing = names_to_mention(*chosen);
      answer.summary = count_summary(answer.rows, narrowing);
      answer.rows.rows.erase(std::remove_if(answer.rows.rows.begin(), answer.rows.rows.end(),
                                            [&](const std::vector<Value>& row) {
                                              return !std::all_of(narrowing.begin(), narrowing.end(),
                                                                  [&](const NameSpan* span) { return row_mentions(row, *span); });
                                            }),
                             answer.rows.rows.end());
    }
    return answer;
  }

  static constexpr double kClose = 0.3;  // a reading scoring less than this share of the best is not taken instead

  // The names of the question this reading does not narrow to by an event:
  // the answer must name each (any spelling, folded) in some row.
  std::vector<const NameSpan*> names_to_mention(const Reading& r) const {
    bool by_event = std::any_of(r.params.begin(), r.params.end(), [](const auto& p) { return p.first == "event"; });
    bool search = std::any_of(r.params.begin(), r.params.end(), [](const auto& p) { return p.first == "q"; });
    std::vector<const NameSpan*> spans;
    if (search) return spans;
    for (const auto& span : q_.names) {
      bool eventish = std::all_of(span.fits.begin(), span.fits.end(), [&](const NameFit& f) {
        const auto& kind = names_.entities()[f.entity].kind;
        return kind == "event" || kind == "place" || kind == "organization";
      });
      if (!(by_event && eventish)) spans.push_back(&span);
    }
    return spans;
  }

  bool row_mentions(const std::vector<Value>& row, const NameSpan& span) const {
    for (const auto& fit : span.fits)
      for (const auto& spelling : names_.spellings(fit.entity)) {
        auto wanted = text::folded(spelling);
        for (const auto& cell : row)
          if (const auto* s = std::get_if<std::string>(&cell); s && text::folded(*s).find(wanted) != std::string::npos) return true;
      }
    return false;
  }

  bool mentions_names(const Reading& r, const ResultSet& rows) const {
    for (const auto* span : names_to_mention(r))
      if (std::none_of(rows.rows.begin(), rows.rows.end(), [&](const auto& row) { return row_mentions(row, *span); })) return false;
    return true;
  }

  [[noreturn]] void refuse_unanswered(const Reading& best) const {
    std::vector<std::string> named;
    for (const auto* span : names_to_mention(best)) named.push_back(span->printed);
    throw Error(ExitCode::usage, fmt::format("no canned query that fits the question has anything about {}; the closest, '{}' ({}), "
                                             "answers about others",
                                             fmt::join(quoted(named), " or "), queries_[best.query].name, queries_[best.query].title));
  }

  // The first fact of each row: the fact the row is about.
  static std::set<std::int64_t> main_facts(const ResultSet& rows) {
    std::set<std::int64_t> facts;
    auto at = std::find(rows.columns.begin(), rows.columns.end(), "fact_ids") - rows.columns.begin();
    if (at == static_cast<std::ptrdiff_t>(rows.columns.size())) return facts;
    for (const auto& row : rows.rows)
      if (const auto* ids = std::get_if<std::string>(&row[at]); ids && ids->size() > 1)
        facts.insert(std::strtoll(ids->c_str() + 1, nullptr, 10));
    return facts;
  }

  static constexpr double kSure = 0.5;  // at most: too few of the question's words fit
  static constexpr double kTie = 0.9;   // the second reading scores this much of the best: a tie

  [[noreturn]] void refuse_unsure(const std::vector<Reading>& readings, double confidence) const {
    std::string list;
    double total = 0;
    for (std::size_t i = 0; i < readings.size() && i < 3; ++i) total += readings[i].score;
    for (std::size_t i = 0; i < readings.size() && i < 3; ++i) {
      const auto& r = readings[i];
      std::string run = "factdb query " + queries_[r.query].name;
      for (const auto& [name, value] : r.params) run += fmt::format(" -p {}='{}'", name, value);
      list += fmt::format("\n  {:<4} {}\n       {}", percent(r.coverage * r.score / total), queries_[r.query].title, run);
    }
    std::vector<std::string> unexplained;
    for (std::size_t k = 0; k < q_.content.size(); ++k)
      if (!explains(readings.front().query, k)) unexplained.push_back(q_.words[q_.content[k]].printed);
    std::string why = readings.size() > 1 && readings[1].score >= kTie * readings.front().score
                          ? "two readings are about as likely"
                          : fmt::format("no reading is sure enough ({})", percent(confidence));
    if (!unexplained.empty() && readings.front().coverage < 1)
      why += fmt::format("; no canned query answers to {}", fmt::join(quoted(unexplained), ", "));
    throw Error(ExitCode::usage, fmt::format("not sure what the question asks: {}. Ask more precisely, or run one of:{}", why, list));
  }

  // The column a "how many" question counts: the one its counted word names
  // (countries: member, country, represents; leaders: person, who), if any.
  std::optional<std::size_t> counted_column(const std::vector<std::string>& columns) const {
    static const std::set<std::string> people = {"people", "persons", "person", "leaders", "leader", "heads", "attendees",
                                                 "delegates", "participants", "officials", "ministers", "presidents", "who"};
    static const std::set<std::string> countries = {"countries", "country", "nations", "nation", "states", "state", "members", "member"};
    const auto& noun = q_.counted;
    std::vector<std::string> wanted;
    if (people.count(noun)) wanted = {"person", "who", "attendee", "speaker", "name"};
    else if (countries.count(noun)) wanted = {"member", "country", "represents", "who"};
    else if (!noun.empty()) wanted = {noun, noun.substr(0, noun.size() > 1 ? noun.size() - 1 : 1)};
    for (const auto& w : wanted)
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c] == w) return c;
    return std::nullopt;
  }

  // "How many countries ...": the distinct values of the column the counted
  // word names, else the rows; only the rows that name what the question
  // names, when the query could not be narrowed to it ("how many members
  // does the SCO have?").
  std::string count_summary(const ResultSet& rows, const std::vector<const NameSpan*>& narrowing) const {
    std::vector<const std::vector<Value>*> counted;
    for (const auto& row : rows.rows)
      if (std::all_of(narrowing.begin(), narrowing.end(), [&](const NameSpan* span) { return row_mentions(row, *span); }))
        counted.push_back(&row);
    std::string which;
    for (const auto* span : narrowing) which += (which.empty() ? " that name " : " and ") + span->printed;
    auto c = counted_column(rows.columns);
    if (!c) return fmt::format("{} {}{}", counted.size(), counted.size() == 1 ? "row" : "rows", which);
    std::set<std::string> distinct;
    for (const auto* row : counted)
      if (const auto* s = std::get_if<std::string>(&(*row)[*c]); s && !s->empty() && *s != "(not named)") distinct.insert(*s);
    return fmt::format("{} {} (distinct values of column {} in the {} rows below{})", distinct.size(), q_.counted, rows.columns[*c],
                       counted.size(), which);
  }

  AskAnswer finish(AskAnswer answer) {
    answer.notes = notes_;
    if (answer.rows.columns.empty()) answer.rows = db_.run_canned(answer.query.name, answer.params);
    return answer;
  }

  Database& db_;
  const ParamValues& given_;
  std::vector<CannedQuery> queries_;
  QueryIndex index_;
  NameIndex names_;
  std::string text_;
  std::function<bool(const std::string&)> prints_;  // whether the articles' text prints these words
  std::set<std::string> event_words_, office_words_;
  Question q_;
  std::vector<std::string> notes_;
};

}  // namespace

std::vector<QueryMatch> match_queries(const std::vector<CannedQuery>& queries, std::string_view question, bool prefixes) {
  std::string match;
  for (const auto& word : folded_words(question)) {
    if (ask_detail::is_common(word)) continue;
    match += (match.empty() ? "" : " OR ") + QueryIndex::phrase(word) + (prefixes && word.size() >= 3 ? "*" : "");
  }
  if (match.empty()) return {};
  QueryIndex index(queries);
  std::vector<QueryMatch> found;
  for (const auto& [at, rank] : index.ranked(match)) found.push_back({queries.at(at).name, queries.at(at).title, rank, at});
  return found;
}

AskAnswer ask(Database& db, std::string_view question, const ParamValues& given) {
  return Asker(db, question, given).answer();
}

}  // namespace factdb
