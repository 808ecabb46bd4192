// factdb ask "QUESTION": finds the canned query that answers it and runs it.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/ask.h"
#include "factdb/format.h"
#include "terminal.h"

#include <unistd.h>

namespace factdb::cli {

namespace {

struct AskOptions : ReadOptions {
  std::string question;
  std::vector<std::string> params;
  bool quiet = false;
  bool explain = false;
};

// `word` as a POSIX shell reads it back: as it is when it holds only
// characters no shell treats specially, else in single quotes.
std::string shell_quoted(const std::string& word) {
  bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("-_./:=@%+,", c) != nullptr;
  });
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void run_ask(const AskOptions& options) {
  auto db = open_database(options);
  auto answer = ask(db, options.question, parse_params(options.params));
  // Which query ran goes to stderr: standard output holds only its rows, in the format asked for.
  // A line to paste into a shell: every word quoted as the shell reads it.
  std::string direct = "factdb query " + shell_quoted(answer.query.name);
  for (const auto& [name, value] : answer.params) direct += " -p " + shell_quoted(name + "=" + value);
  if (!options.quiet) {
    for (const auto& note : answer.notes) std::cerr << "factdb: note: " << terminal_safe(note) << "\n";
    if (options.explain)
      for (const auto& r : answer.readings) {
        std::string params;
        for (const auto& [name, value] : r.params) params += " " + name + "=" + value;
        std::cerr << terminal_safe(fmt::format("reading: {:<22} share {:>3.0f}%  words used {:>3.0f}%{}", r.query, r.share * 100,
                                               r.coverage * 100, params))
                  << "\n";
      }
    std::cerr << fmt::format("{}: {} (confidence {:.0f}%)\nrun it directly: {}\n\n",
                             bold(terminal_safe(answer.query.name), colour_on(STDERR_FILENO)), terminal_safe(answer.query.title),
                             answer.confidence * 100, terminal_safe(direct));
  }
  // The answer in words leads a table; in a format for programs, where the
  // rows alone are the output, it goes to stderr with the rest.
  if (!answer.summary.empty()) {
    if (options.format == "table") std::cout << terminal_safe(answer.summary) << "\n\n";
    else if (!options.quiet) std::cerr << terminal_safe(answer.summary) << "\n\n";
  }
  print(answer.rows, options);
}

}  // namespace

void setup_ask(CLI::App& app) {
  auto options = std::make_shared<AskOptions>();
  auto* sub = app.add_subcommand("ask", "Ask in plain words: finds the canned query that answers and runs it");
  sub->add_option("question", options->question, "The question, e.g. \"who stood in for a head of state?\"")->required();
  add_param_option(*sub, options->params);
  sub->add_flag("-q,--quiet", options->quiet, "Only the rows: not which query ran");
  sub->add_flag("--explain", options->explain, "Also list on stderr every reading weighed, with its share of the score and the share of the question's words it uses");
  add_read_options(*sub, *options);
  sub->callback([options] { run_ask(*options); });
}

}  // namespace factdb::cli
