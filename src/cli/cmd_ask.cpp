// factdb ask "QUESTION": finds the canned query that answers it and runs it.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/ask.h"
#include "terminal.h"

#include <unistd.h>

namespace factdb::cli {

namespace {

struct AskOptions : ReadOptions {
  std::string question;
  std::vector<std::string> params;
  bool quiet = false;
};

void run_ask(const AskOptions& options) {
  auto db = open_database(options);
  auto answer = ask(db, options.question, parse_params(options.params));
  // Which query ran goes to stderr: standard output holds only its rows, in the format asked for.
  std::string direct = "factdb query " + answer.query.name;
  for (const auto& [name, value] : answer.params)
    direct += fmt::format(" -p {}={}", name, value.find(' ') == std::string::npos ? value : "'" + value + "'");
  if (!options.quiet)
    std::cerr << fmt::format("{}: {}\nrun it directly: {}\n\n", bold(answer.query.name, colour_on(STDERR_FILENO)),
                             answer.query.title, direct);
  print(answer.rows, options);
}

}  // namespace

void setup_ask(CLI::App& app) {
  auto options = std::make_shared<AskOptions>();
  auto* sub = app.add_subcommand("ask", "Ask in plain words: finds the canned query that answers and runs it");
  sub->add_option("question", options->question, "The question, e.g. \"who stood in for a head of state?\"")->required();
  add_param_option(*sub, options->params);
  sub->add_flag("-q,--quiet", options->quiet, "Only the rows: not which query ran");
  add_read_options(*sub, *options);
  sub->callback([options] { run_ask(*options); });
}

}  // namespace factdb::cli
