#include "parse_errors.h"

#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "factdb/closest.h"
#include "factdb/error.h"
#include "factdb/format.h"

namespace factdb::cli {

int report_parse_error(CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
  std::vector<std::string> commands;
  for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    commands.push_back(sub->get_name());
  const CLI::App* active = nullptr;
  for (const auto* sub : app.get_subcommands()) active = sub;
  std::string message = e.what();
  auto remaining = app.remaining();
  if (!active && !remaining.empty() && remaining.front().rfind('-', 0) != 0) {  // a word where a command goes
    const auto& typed = remaining.front();
    message = fmt::format("no command '{}'{}", typed, did_you_mean_or_list(commands, typed, "one of"));
  } else if (!active && dynamic_cast<const CLI::RequiredError*>(&e)) {
    message = fmt::format("which command? one of: {}", fmt::join(commands, ", "));
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const auto* where = active ? active : &app;
    std::vector<std::string> options;
    for (const auto* opt : where->get_options())
      for (const auto& l : opt->get_lnames()) options.push_back("--" + l);
    auto extra = where->remaining();
    if (!extra.empty()) {
      bool option = extra.front().rfind('-', 0) == 0;
      message = fmt::format("{} '{}'{}", option ? "no option" : "unexpected argument", extra.front(),
                            option ? did_you_mean(options, extra.front()) : "");
    }
  }
  std::cerr << "factdb: " << terminal_safe(message) << '\n'
            << (active ? fmt::format("'factdb {} --help' says what it takes\n", active->get_name())
                       : std::string("'factdb --help' lists the commands\n"));
  return static_cast<int>(ExitCode::usage);
}

}  // namespace factdb::cli
