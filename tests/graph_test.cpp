// factdb graph: the picture says what the data says, and renders.
#include <catch2/catch.hpp>

#include <regex>

#include "factdb/graph.h"
#include "helpers.h"

using namespace factdb;
using namespace factdb::testing;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("graph: attendees for whom they stood, stand-ins marked, meetings, memberships, tensions", "[graph]") {
  auto dot = graph_dot(shared_seed_db(), GraphPart::all, std::nullopt);
  CHECK(dot.rfind("digraph factdb {", 0) == 0);
  CHECK(count(dot, "shape=box") == 9);  // the nine attendees
  CHECK(dot.find("\"person:shehbaz-sharif\" [color=red, fontcolor=red, penwidth=2, xlabel=\"stand-in\"]") != std::string::npos);
  CHECK(dot.find("\"person:mohammad-mokhbar\" [color=red") != std::string::npos);
  CHECK(dot.find("\"person:vladimir-putin\" [color=red") == std::string::npos);
  CHECK(count(dot, "xlabel=\"stand-in\"") == 2);
  CHECK(dot.find("\"person:shehbaz-sharif\" -> \"country:pakistan\" [label=\"Prime Minister\\n(in place of the head of state)\"") !=
        std::string::npos);
  CHECK(count(dot, "-> \"organization:sco\"") == 13);  // every membership
  CHECK(dot.find("label=\"acceding\", decorate=true, style=dashed") != std::string::npos);
  CHECK(std::regex_search(dot, std::regex("\"person:(vladimir-putin|xi-jinping)\" -> \"person:(xi-jinping|vladimir-putin)\" \\[label=\"met\"")));
  CHECK(dot.find("tension: the Kashmir conflict") != std::string::npos);
  // A legend says what each kind of line drawn means, and only those drawn.
  CHECK(dot.find("<B>Legend</B>") != std::string::npos);
  for (const char* meaning : {"attended the event", "represented the country, in the office labelled", "stood in for the head of state",
                              "met", "founding member of", "member of", "observer, partner, acceding or other status", "tension between",
                              "person in a rounded box"})
    CHECK(dot.find(meaning) != std::string::npos);
  auto tensions = graph_dot(shared_seed_db(), GraphPart::tensions, std::nullopt);
  CHECK(tensions.find("tension between") != std::string::npos);
  CHECK(tensions.find("attended the event") == std::string::npos);

  auto members = graph_dot(shared_seed_db(), GraphPart::members, std::nullopt);
  CHECK(count(members, "shape=box") == 0);
  CHECK(count(members, "->") == 13);
  auto other_article = graph_dot(shared_seed_db(), GraphPart::all, std::string("no-such-article"));
  CHECK(count(other_article, "->") == 0);
  CHECK(other_article.find("Legend") == std::string::npos);  // nothing drawn, nothing to explain
}

TEST_CASE("graph: the picture in docs/ is the seed's graph as factdb draws it now", "[graph][docs]") {
  auto committed = read_file(real_seed().parent_path() / "docs" / "sco-summit-astana-2024.dot");
  CHECK(committed == graph_dot(shared_seed_db(), GraphPart::all, std::nullopt));
}

TEST_CASE("cli: graph renders SVG and PNG with Graphviz, and says what to install without it", "[graph][cli]") {
  TempDir dir;
  build_real_db(dir.path());
  auto svg = run_factdb({"graph", "--format", "svg", "-o", "graph.svg"}, dir.path());
  REQUIRE(svg.exit_code == 0);
  auto svg_text = read_file(dir / "graph.svg");
  CHECK(svg_text.find("<svg") != std::string::npos);
  CHECK(svg_text.find("Mohammad Mokhbar") != std::string::npos);
  CHECK(run_factdb({"graph", "--format", "png", "-o", "graph.png"}, dir.path()).exit_code == 0);
  CHECK(read_file(dir / "graph.png").rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  auto dot = run_factdb({"graph", "--query", "tensions"}, dir.path());
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.find("tension: the Kashmir conflict") != std::string::npos);
  // without Graphviz: DOT still works, SVG says what is missing and writes nothing
  auto no_dot = run({"env", "PATH=/nonexistent", FACTDB_BINARY, "graph", "--format", "svg", "-o", "other.svg"}, dir.path());
  CHECK(no_dot.exit_code == 4);
  CHECK(no_dot.err.find("apt install graphviz") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "other.svg"));
  CHECK(run({"env", "PATH=/nonexistent", FACTDB_BINARY, "graph"}, dir.path()).exit_code == 0);
  CHECK(temporary_files(dir.path()).empty());
}
