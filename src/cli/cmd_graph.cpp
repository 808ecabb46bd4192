// factdb graph: who attended for whom, who met whom, memberships, tensions.
#include <fmt/format.h>

#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/error.h"
#include "factdb/graph.h"

namespace factdb::cli {

namespace {

struct GraphOptions : ReadOptions {
  std::string part = "all";
  std::string graph_format = "dot";
  std::string article;
};

void run_graph(const GraphOptions& options) {
  auto db = open_database(options);
  auto article = options.article.empty() ? std::nullopt : std::optional<std::string>(options.article);
  auto dot = graph_dot(db, *parse_graph_part(options.part), article);
  if (options.graph_format == "dot") return write_output(options, [&](std::ostream& out) { out << dot; });
  if (options.output == "-")
    throw Error(ExitCode::usage, fmt::format("--format {} writes a file: give it with -o FILE", options.graph_format));
  render_graph(dot, options.graph_format, options.output);
}

}  // namespace

void setup_graph(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  auto* sub = app.add_subcommand("graph", "Draw who attended for whom, who met whom, memberships and tensions (Graphviz)");
  std::vector<std::string> parts(graph_part_names().begin(), graph_part_names().end());
  sub->add_option("--query", options->part, "Draw one part only: the answers of attendees, meetings, members or tensions")
      ->capture_default_str()
      ->check(one_of(parts));
  sub->add_option("--format", options->graph_format, "dot (Graphviz's language), or svg or png rendered with Graphviz's dot")
      ->capture_default_str()
      ->check(one_of({"dot", "svg", "png"}));
  sub->add_option("--article", options->article, "Only what this article states (its id)");
  sub->add_option("-o,--output", options->output, "The file to write; - for standard output (dot only)")->capture_default_str();
  add_database_options(*sub, *options);
  sub->callback([options] { run_graph(*options); });
}

}  // namespace factdb::cli
