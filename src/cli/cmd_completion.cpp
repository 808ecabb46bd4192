// factdb completion bash|zsh, and factdb manpage: written from the command
// line's own definition (CLI11's App), so they list exactly the subcommands
// and options factdb has. Hand-written rather than help2man: help2man sees
// only the top-level --help, not each subcommand's options.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/builtin_queries.h"
#include "factdb/output_file.h"

namespace factdb::cli {

namespace {

struct OptionInfo {
  std::vector<std::string> names;    // "-f", "--format"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;  // from an IsMember check
  bool is_path = false;
  bool is_folder = false;
  std::string default_value;         // as --help shows it; empty when none
};

struct CommandInfo {
  std::string name, description;
  std::vector<OptionInfo> options;
  std::vector<std::string> positionals;  // their names, in order
};

// The choices of an option checked with one_of: its type name reads "TEXT:{a,b,c}".
std::vector<std::string> choices_of(const CLI::Option& option) {
  auto type = option.get_type_name();
  auto open = type.find('{'), close = type.find('}');
  std::vector<std::string> choices;
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string list = type.substr(open + 1, close - open - 1);
  for (std::size_t start = 0; start <= list.size();) {
    auto end = std::min(list.find(',', start), list.size());
    if (end > start) choices.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return choices;
}

std::vector<CommandInfo> describe(const CLI::App& app) {
  std::vector<CommandInfo> commands;
  for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    CommandInfo c{sub->get_name(), sub->get_description(), {}, {}};
    for (const auto* opt : sub->get_options()) {
      if (opt->get_positional() && !opt->nonpositional()) {
        c.positionals.push_back(opt->get_name(true));
        continue;
      }
      OptionInfo o;
      for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
      for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
      o.description = opt->get_description();
      o.takes_value = opt->get_expected_max() > 0;
      o.choices = choices_of(*opt);
      o.default_value = opt->get_default_str();
      auto has = [&](const char* n) { return std::find(o.names.begin(), o.names.end(), n) != o.names.end(); };
      o.is_folder = has("--seed");
      o.is_path = has("--db") || has("--output") || o.is_folder;
      c.options.push_back(std::move(o));
    }
    commands.push_back(std::move(c));
  }
  return commands;
}

std::string join(const std::vector<std::string>& items, const char* separator = " ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : separator) + i;
  return out;
}

// Canned query names come from the database being completed for: --db, or
// facts.db. That file may come from anyone, so its names are data, never
// code: only names of letters, digits, '-' and '_' are offered, and they are
// compared as plain strings (compgen -W would expand $(...) inside them).
constexpr const char* kBashQueries = R"(_factdb_queries() {
  local name
  COMPREPLY=()
  while IFS= read -r name; do
    [[ $name =~ ^[A-Za-z0-9][A-Za-z0-9_-]*$ && $name == "$cur"* ]] && COMPREPLY+=("$name")
  done < <(factdb queries --db "$db" -f tsv 2>/dev/null | tail -n +2 | cut -f1)
}
)";

std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::string out = "# bash completion for factdb; written by: factdb completion bash\n";
  out += kBashQueries;
  out +=
      "_factdb() {\n"
      "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      "  if [[ $COMP_CWORD -eq 1 ]]; then\n";
  std::vector<std::string> names;
  for (const auto& c : commands) names.push_back(c.name);
  out += fmt::format("    COMPREPLY=($(compgen -W \"{} --help --version\" -- \"$cur\"))\n    return\n  fi\n", join(names));
  out +=
      "  local sub=\"${COMP_WORDS[1]}\" db=facts.db i\n"
      "  for ((i = 2; i < COMP_CWORD; i++)); do\n"
      "    [[ ${COMP_WORDS[i]} == --db ]] && db=\"${COMP_WORDS[i+1]}\"\n"
      "  done\n"
      "  case \"$sub\" in\n";
  for (const auto& c : commands) {
    out += fmt::format("    {})\n      case \"$prev\" in\n", c.name);
    std::vector<std::string> all;
    for (const auto& o : c.options) {
      all.insert(all.end(), o.names.begin(), o.names.end());
      if (!o.takes_value) continue;
      std::string action = o.is_folder ? "COMPREPLY=($(compgen -d -- \"$cur\"))"
                           : o.is_path ? "COMPREPLY=($(compgen -f -- \"$cur\"))"
                           : !o.choices.empty() ? fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", join(o.choices))
                                                : "COMPREPLY=()";
      out += fmt::format("        {}) {}; return ;;\n", join(o.names, "|"), action);
    }
    out += "      esac\n";
    if (!c.positionals.empty() && c.positionals.front() == "name")
      out += "      if [[ $cur != -* ]]; then _factdb_queries; return; fi\n";
    out += fmt::format("      COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")) ;;\n", join(all));
  }
  out += "  esac\n}\ncomplete -F _factdb factdb\n";
  return out;
}

// Text inside a zsh single-quoted word, and inside _arguments' [...] and :...: fields.
std::string zsh_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else if (c == '[' || c == ']' || c == ':') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::string out =
      "#compdef factdb\n"
      "# zsh completion for factdb; written by: factdb completion zsh\n"
      "_factdb_queries() {\n"
      "  # Names from the database are data: only letters, digits, - and _ pass.\n"
      "  local -a queries\n"
      "  local name\n"
      "  for name in ${(f)\"$(factdb queries --db \"${opt_args[--db]:-facts.db}\" -f tsv 2>/dev/null | tail -n +2 | cut -f1)\"}; do\n"
      "    [[ $name =~ '^[A-Za-z0-9][A-Za-z0-9_-]*$' ]] && queries+=(\"$name\")\n"
      "  done\n"
      "  _describe 'canned query' queries\n"
      "}\n"
      "_factdb() {\n"
      "  local curcontext=\"$curcontext\" state line\n"
      "  typeset -A opt_args\n"
      "  _arguments -C '(- *)--help[Print help]' '(- *)--version[Print the version]' '1: :->command' '*:: :->args'\n"
      "  case $state in\n"
      "    command)\n"
      "      local -a commands\n"
      "      commands=(\n";
  for (const auto& c : commands) out += fmt::format("        '{}:{}'\n", c.name, zsh_text(c.description));
  out += "      )\n      _describe 'command' commands ;;\n    args)\n      case $line[1] in\n";
  for (const auto& c : commands) {
    out += fmt::format("        {})\n          _arguments \\\n", c.name);
    for (const auto& o : c.options) {
      auto exclusive = o.names.size() > 1 ? "(" + join(o.names) + ")" : "";
      auto names = o.names.size() > 1 ? "{" + join(o.names, ",") + "}" : o.names.front();
      std::string value;
      if (o.takes_value)
        value = o.is_folder ? ":folder:_files -/"
                : o.is_path ? ":file:_files"
                : !o.choices.empty() ? ":value:(" + join(o.choices) + ")"
                                     : ":value: ";
      out += fmt::format("            '{}'{}'[{}]{}' \\\n", exclusive, names, zsh_text(o.description), value);
    }
    for (std::size_t i = 0; i < c.positionals.size(); ++i)
      out += fmt::format("            '{}:{}:{}' \\\n", i + 1, c.positionals[i],
                         c.positionals[i] == "name" ? "_factdb_queries" : " ");
    out += "          ;;\n";
  }
  out += "      esac ;;\n  esac\n}\n_factdb \"$@\"\n";
  return out;
}

// roff: a leading '.' or '\'' would be a request, '-' is a hyphen, '\' escapes.
std::string roff(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

}  // namespace

// Each runs as written on a database built from the seed (a test does).
const std::vector<std::pair<std::string, std::string>>& man_examples() {
  static const std::vector<std::pair<std::string, std::string>> examples = {
      {"factdb build --seed seed -o facts.db", "Build the database from the seed folder."},
      {"factdb query stand-ins", "Which leaders attended in place of a head of state: the headline answer, with evidence."},
      {"factdb query person -p name=Mokhber", "Everything the articles say about a person; typos and accents in names are forgiven."},
      {"factdb ask \"was Putin there?\"", "A question in plain words: yes or no, with the article's words, or a refusal that says why."},
      {"factdb search Kashmir", "Full-text search; each passage shown with the sentence around the match."},
      {"factdb why stand-ins", "Each row's facts and the verbatim spans of the article they rest on."},
      {"factdb sql \"SELECT name FROM entity WHERE kind = 'country'\" -f csv", "Ad hoc read-only SQL, in any output format."},
      {"factdb check", "Verify the database: schema, hashes, and that every fact rests on its source's words."},
      {"factdb export --format csv -o out", "Every table as a CSV file."},
      {"factdb graph --format svg -o graph.svg", "Who attended for whom, meetings, memberships and tensions, drawn with Graphviz."}};
  return examples;
}

namespace {

std::string man_page(const CLI::App& app, const std::vector<CommandInfo>& commands) {
  std::string out = fmt::format(".TH FACTDB 1 \"\" \"factdb {}\" \"User Commands\"\n", FACTDB_VERSION);
  out += ".SH NAME\nfactdb \\- " + roff(app.get_description().substr(app.get_description().find(": ") + 2)) + "\n";
  out += ".SH SYNOPSIS\n.B factdb\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n";
  out += ".SH DESCRIPTION\n"
         "factdb turns what news articles state into one SQLite file, every fact traced to a verbatim span of "
         "its source, and answers questions about it: canned queries, ad hoc read-only SQL, full-text search, "
         "questions in plain words. Every command takes \\fB\\-\\-help\\fR.\n";
  out += ".SH COMMANDS\n";
  for (const auto& c : commands) {
    std::string synopsis = "factdb " + c.name + " [OPTIONS]";
    for (const auto& p : c.positionals) synopsis += " " + p;
    out += ".SS \"" + roff(synopsis) + "\"\n" + roff(c.description) + "\n";
    for (const auto& o : c.options) {
      out += ".TP\n\\fB" + roff(join(o.names, ", ")) + "\\fR";
      if (o.takes_value) out += " \\fI" + (o.choices.empty() ? std::string("VALUE") : roff(join(o.choices, "|"))) + "\\fR";
      out += "\n" + roff(o.description);
      if (!o.default_value.empty()) out += " (default: \\fB" + roff(o.default_value) + "\\fR)";
      out += "\n";
    }
  }
  out += ".SH CANNED QUERIES\n"
         "Stored in every database factdb builds, and run with \\fBfactdb query\\fR \\fINAME\\fR [\\fB\\-p\\fR \\fIPARAM\\fB=\\fIVALUE\\fR]...; "
         "\\fBfactdb queries\\fR \\fINAME\\fR shows one in full, with its columns.\n";
  for (const auto& q : builtin_canned_queries()) {
    out += ".TP\n.B " + roff(q.name) + "\n" + roff(q.title) + ".";
    for (const auto& p : q.params)
      out += "\n.br\n\\fB\\-p " + roff(p.name) + "=\\fR\\fI" + roff(p.type) + "\\fR " +
             (p.required ? std::string("(required)") : p.default_value ? "(default " + roff(*p.default_value) + ")" : std::string("(optional)")) +
             ": " + roff(p.description);
    out += "\n";
  }
  out += ".SH EXAMPLES\n";
  // Not .B: it would take the command's quotes for its own.
  for (const auto& [command, what] : man_examples()) out += ".TP\n\\fB" + roff(command) + "\\fR\n" + roff(what) + "\n";
  out += ".SH EXIT STATUS\n";
  const std::pair<int, const char*> codes[] = {
      {0, "success"},
      {1, "internal error: a bug"},
      {2, "bad command line: an unknown option, a bad or repeated parameter value, a question no query answers, "
          "\\-o naming the database being read"},
      {3, "bad data: seed data that fails validation, a file that is not a factdb database, has another schema "
          "version or a schema or canned queries other than this factdb's, a failed check"},
      {4, "a missing file or folder, a FIFO or device where a file is read, a write, fsync or rename that fails, or a "
          "missing program (Graphviz's dot)"},
      {5, "SQL that does not compile, fails, or is refused by the read-only sandbox"},
      {6, "the command stopped at its time limit (\\-\\-timeout\\-ms)"},
      {7, "the command stopped at its memory limit (\\-\\-max\\-memory\\-mb)"}};
  for (const auto& [code, meaning] : codes) out += fmt::format(".TP\n.B {}\n{}\n", code, meaning);
  out += ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nWhen set, output is never coloured.\n"
         ".TP\n.B SOURCE_DATE_EPOCH\nThe build time stored in a database's metadata; none is stored without it.\n"
         ".TP\n.BR SQLITE_TMPDIR \", \" TMPDIR\nWhere a build keeps its rows while it sorts them (else /var/tmp, then /tmp): "
         "about the size of the database it writes, freed when it ends.\n";
  out += ".SH SEE ALSO\n.BR sqlite3 (1),\n.BR dot (1)\n";
  return out;
}

struct CompletionOptions {
  std::string shell;
  std::string output = "-";
};

void write_to(const std::string& output, const std::string& text) {
  OutputFile out(output);
  out.stream() << text;
  out.commit();
}

}  // namespace

void setup_completion(CLI::App& app) {
  auto options = std::make_shared<CompletionOptions>();
  auto* sub = app.add_subcommand("completion", "Print the shell completion script: source <(factdb completion bash)");
  sub->add_option("shell", options->shell, "bash or zsh")->required()->check(one_of({"bash", "zsh"}));
  sub->add_option("-o,--output", options->output, "The file to write; - for standard output")->capture_default_str();
  sub->callback([options, &app] {
    auto commands = describe(app);
    write_to(options->output, options->shell == "bash" ? bash_script(commands) : zsh_script(commands));
  });
  // Not listed in --help: the build writes the man page with it.
  auto man_output = std::make_shared<std::string>("-");
  auto* man = app.add_subcommand("manpage", "Print the man page (roff)")->group("");
  man->add_option("-o,--output", *man_output, "The file to write; - for standard output");
  man->callback([man_output, &app] { write_to(*man_output, man_page(app, describe(app))); });
}

}  // namespace factdb::cli
