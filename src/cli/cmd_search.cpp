// factdb search TERMS: full-text search over passages and names.
#include <memory>

#include "commands.h"
#include "common.h"

namespace factdb::cli {

namespace {

struct SearchOptions : ReadOptions {
  std::vector<std::string> terms;
  std::string kind;
  int limit = 20;
  std::int64_t offset = 0;
  bool raw = false;
  bool full = false;
};

// Plain words become an FTS5 query matching all of them: each is quoted, so
// that "U.N." or "Xi's" are words, not query syntax; a trailing * keeps its
// meaning (prefix search).
std::string fts_query(const std::vector<std::string>& terms) {
  std::string query;
  for (const auto& term : terms) {
    bool prefix = term.size() > 1 && term.back() == '*';
    std::string word = prefix ? term.substr(0, term.size() - 1) : term;
    std::string quoted = "\"";
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += (query.empty() ? "" : " ") + quoted + "\"" + (prefix ? "*" : "");
  }
  return query;
}

void run_search(const SearchOptions& options) {
  auto db = open_database(options);
  std::string query;
  for (const auto& t : options.terms) query += (query.empty() ? "" : " ") + t;
  // The query ranks at most `limit` results: to show the page after `offset`, it ranks those too.
  ParamValues params{{"q", options.raw ? query : fts_query(options.terms)}, {"limit", std::to_string(options.limit + options.offset)}};
  if (!options.kind.empty()) params.emplace_back("kind", options.kind);
  if (options.full) params.emplace_back("full", "1");
  print_rows(options, [&](RowSink& sink) { db.run_canned("search", params, sink, Page{static_cast<std::uint64_t>(options.offset), {}}); });
}

}  // namespace

void setup_search(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  auto* sub = app.add_subcommand("search", "Full-text search over the articles' passages and every name, ranked");
  sub->add_option("terms", options->terms, "Words to find, all of them; end one with * to match a prefix")->required();
  sub->add_option("--kind", options->kind, "Only results of this kind: passage, person, country, organization, ...");
  sub->add_option("-n,--limit", options->limit, "At most this many results")->capture_default_str()->check(whole_number(1));
  sub->add_option("--offset", options->offset, "Skip this many results first: with --limit, the next page")
      ->capture_default_str()
      ->check(whole_number(0));
  sub->add_flag("--raw", options->raw, "Pass TERMS to SQLite FTS5 as a query of its own syntax (OR, NEAR, \"phrases\")");
  sub->add_flag("--full", options->full, "Show each passage whole, matches marked, instead of the sentence around the first");
  add_read_options(*sub, *options);
  sub->callback([options] { run_search(*options); });
}

}  // namespace factdb::cli
