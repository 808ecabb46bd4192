#include "factdb/ask.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "factdb/error.h"

namespace factdb {

namespace {

// Words that carry no meaning for choosing a query. Hand-written: short, and
// FTS5 has no stop-word list of its own. Why, when, where and whom stay: they
// tell reasons, founding, places and meetings apart.
bool is_common(const std::string& lower) {
  static const std::set<std::string> words = {
      "a", "all", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "could", "did", "do",
      "does", "each", "for", "from", "give", "had", "has", "have", "how", "i", "in", "into", "is", "it",
      "its", "list", "me", "my", "of", "on", "or", "our", "show", "so", "some", "than", "that", "the",
      "their", "them", "there", "these", "they", "this", "those", "to", "us", "was", "we", "were", "what",
      "which", "while", "who", "whose", "will", "with", "would", "you", "your"};
  return words.count(lower) > 0;
}

struct Word {
  std::string text;
  bool capitalised = false;
  bool follows_previous = false;  // no punctuation between it and the word before
};

// Letters, digits and any non-ASCII byte make words; everything else splits them.
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  bool gap_has_punctuation = true;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) || c >= 0x80) {
      auto start = i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
      words.push_back({std::string(text.substr(start, i - start)), std::isupper(c) != 0, !gap_has_punctuation && !words.empty()});
      gap_has_punctuation = false;
    } else {
      if (c != ' ') gap_has_punctuation = true;
      ++i;
    }
  }
  return words;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<QueryMatch> match_queries(const std::vector<CannedQuery>& queries, std::string_view question, bool prefixes) {
  std::string match;
  for (const auto& w : words_of(question)) {
    auto word = lower(w.text);
    if (is_common(word)) continue;
    match += (match.empty() ? "" : " OR ") + ("\"" + word + "\"") + (prefixes && word.size() >= 3 ? "*" : "");
  }
  if (match.empty()) return {};
  SQLite::Database index(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  index.exec(
      "CREATE VIRTUAL TABLE q USING fts5(name, title, description, examples, "
      "tokenize = 'porter unicode61 remove_diacritics 2')");
  SQLite::Statement insert(index, "INSERT INTO q (name, title, description, examples) VALUES (?, ?, ?, ?)");
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
  // Weights: the name and title say what a query is; examples say how people ask.
  SQLite::Statement search(index,
                           "SELECT rowid, bm25(q, 4.0, 3.0, 1.0, 3.0) AS rank FROM q WHERE q MATCH ? ORDER BY rank, rowid");
  search.bind(1, match);
  std::vector<QueryMatch> found;
  while (search.executeStep()) {
    auto at = static_cast<std::size_t>(search.getColumn(0).getInt64() - 1);
    found.push_back({queries.at(at).name, queries.at(at).title, search.getColumn(1).getDouble(), at});
  }
  return found;
}

std::vector<std::string> candidate_values(std::string_view question) {
  auto words = words_of(question);
  std::vector<std::string> names, others;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    bool sentence_start = i == 0;
    if (w.capitalised && !(sentence_start && is_common(lower(w.text)))) {
      // A name, and every run of capitalised words it starts: "Shehbaz", "Shehbaz Sharif"
      std::string run = w.text;
      names.push_back(run);
      while (i + 1 < words.size() && words[i + 1].capitalised && words[i + 1].follows_previous) {
        run += " " + words[++i].text;
        names.push_back(run);
        names.push_back(words[i].text);
      }
    } else if (!is_common(lower(w.text)) && w.text.size() >= 3) {
      others.push_back(w.text);
    }
  }
  // Longest names first: "Shehbaz Sharif" is a better value than "Shehbaz".
  std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::string> values;
  for (const auto& v : names)
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  for (const auto& v : others)
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  return values;
}

AskAnswer ask(Database& db, std::string_view question, const ParamValues& given) {
  auto queries = db.canned_queries();
  auto matches = match_queries(queries, question);
  if (matches.empty()) {
    auto closest = match_queries(queries, question, true);
    std::string list;
    for (std::size_t i = 0; i < closest.size() && i < 5; ++i)
      list += fmt::format("\n  {:<22} {}", closest[i].name, closest[i].title);
    throw Error(ExitCode::usage, closest.empty()
                                     ? "no canned query matches those words; 'factdb queries' lists them all"
                                     : "no canned query matches those words; the closest:" + list);
  }
  // The candidates: the matches ranked close to the best. A query that needs a
  // value is a candidate only if the question gives one that finds rows, and
  // then ranks a little higher: the question named what it is about.
  constexpr double kClose = 0.5;          // rank at least half the best's
  constexpr double kGivesValue = 1.3;     // weight of a query whose value the question gives
  constexpr std::size_t kValuesTried = 6;  // words of the question tried per parameter
  auto values = candidate_values(question);
  std::optional<AskAnswer> chosen;  // its rows are empty, without even columns, until it has run
  double chosen_score = 0;
  auto choose = [&](AskAnswer answer, double score) {
    if (chosen && score >= chosen_score) return;
    chosen = std::move(answer);
    chosen_score = score;
  };
  for (const auto& match : matches) {
    if (match.rank / matches.front().rank < kClose) break;
    const auto& query = queries[match.index];
    ParamValues params;
    for (const auto& value : given)  // no structured binding: clang 14 cannot capture one in a lambda
      if (std::any_of(query.params.begin(), query.params.end(), [&](const auto& p) { return p.name == value.first; }))
        params.push_back(value);
    std::vector<const QueryParam*> missing;
    for (const auto& p : query.params)
      if (p.required && std::none_of(params.begin(), params.end(), [&](const auto& v) { return v.first == p.name; }))
        missing.push_back(&p);
    if (missing.empty()) {
      choose({query, params, {}}, match.rank);
      continue;
    }
    if (missing.size() > 1) continue;  // one word of the question cannot fill two parameters
    for (std::size_t v = 0; v < values.size() && v < kValuesTried; ++v) {
      auto tried = params;
      tried.emplace_back(missing.front()->name, values[v]);
      ResultSet rows;
      try {
        rows = db.run_canned(query.name, tried);
      } catch (const Error& e) {
        if (e.code() == ExitCode::sql) continue;  // e.g. a word that is not valid FTS5 syntax for search
        throw;
      }
      if (rows.rows.empty()) continue;
      choose({query, tried, std::move(rows)}, match.rank * kGivesValue);
      break;
    }
  }
  if (chosen) {
    if (chosen->rows.columns.empty()) chosen->rows = db.run_canned(chosen->query.name, chosen->params);
    return std::move(*chosen);
  }
  const auto& best = queries[matches.front().index];
  std::string needs;
  for (const auto& p : best.params)
    if (p.required) needs += fmt::format(" -p {}=VALUE", p.name);
  throw Error(ExitCode::usage, fmt::format("the question matches '{}' ({}), which needs a value the question does not give, "
                                           "or none that finds anything: factdb query {}{}",
                                           best.name, best.title, best.name, needs));
}

}  // namespace factdb
