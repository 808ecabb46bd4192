// factdb graph: who attended for whom, who met whom, memberships and
// tensions, as a Graphviz graph.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "factdb/database.h"

namespace factdb {

// What a graph shows; all of it unless one part is asked for.
enum class GraphPart { all, attendance, meetings, members, tensions };

// The names --query accepts: the canned queries whose answers each part draws.
const std::vector<std::string_view>& graph_part_names();
std::optional<GraphPart> parse_graph_part(std::string_view name);

// The graph in Graphviz's DOT language. People, countries, organizations and
// events are nodes; an attendance is an edge from the attendee to whom they
// represent, labelled with the office; a stand-in (see the stand-ins query)
// is drawn in red and says so; meetings, memberships (styled by status) and
// tensions are edges too. With `article`, only what that article states.
std::string graph_dot(Database& db, GraphPart part, const std::optional<std::string>& article);

// Renders `dot` with Graphviz's dot program to `target` as `format` ("svg" or
// "png"), writing beside the target and renaming once complete. Throws
// Error(missing_file) when dot is not installed, naming the package to install.
void render_graph(const std::string& dot, const std::string& format, const std::filesystem::path& target);

}  // namespace factdb
