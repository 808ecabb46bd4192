#include "factdb/graph.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "factdb/error.h"
#include "factdb/format.h"
#include "factdb/output_file.h"
#include "name_table.h"

extern char** environ;

namespace fs = std::filesystem;

namespace factdb {

namespace {

const NameTable<GraphPart>& parts() {
  static const NameTable<GraphPart> table = {{"all", GraphPart::all},
                                             {"attendees", GraphPart::attendance},
                                             {"meetings", GraphPart::meetings},
                                             {"members", GraphPart::members},
                                             {"tensions", GraphPart::tensions}};
  return table;
}

// A DOT string literal.
std::string dot_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

// What a line in the picture means: its look, and the words the legend gives it.
enum class Line { attended, represents, stands_in, met, founding_member, member, other_status, tension };

struct LineStyle {
  Line line;
  const char* attributes;
  const char* meaning;
  const char* sample;  // the line drawn in text, for the legend
  const char* colour;
};

// In the legend's order. The colours differ in lightness as well as hue, and
// every kind of line differs in pattern or width too: readable in grey.
const LineStyle kLines[] = {
    {Line::attended, "color=gray60, arrowhead=none, style=dotted", "attended the event", "\u00b7 \u00b7 \u00b7 \u00b7 \u00b7", "gray60"},
    {Line::represents, "color=black", "represented the country, in the office labelled", "\u2500\u2500\u2500\u2500\u25b6", "black"},
    {Line::stands_in, "color=red, fontcolor=red, penwidth=2", "stood in for the head of state (a stand-in, outlined in red)",
     "\u2501\u2501\u2501\u2501\u25b6", "red"},
    {Line::met, "dir=none, color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", style=solid, penwidth=2", "met", "\u2501\u2501\u2501\u2501\u2501", "#1f5fbf"},
    {Line::founding_member, "style=bold, color=gray40", "founding member of", "\u2501\u2501\u2501\u2501\u25b6", "gray40"},
    {Line::member, "style=solid, color=gray40", "member of", "\u2500\u2500\u2500\u2500\u25b6", "gray40"},
    {Line::other_status, "style=dashed, color=gray40", "observer, partner, acceding or other status (labelled)",
     "\u2500 \u2500 \u2500 \u25b6", "gray40"},
    {Line::tension, "dir=none, color=\"darkorange\", fontcolor=\"darkorange\", style=dashed, penwidth=2", "tension between",
     "\u2501 \u2501 \u2501", "darkorange"}};

const LineStyle& style_of(Line line) {
  for (const auto& s : kLines)
    if (s.line == line) return s;
  return kLines[0];
}

class DotGraph {
 public:
  void node(const std::string& id, const std::string& label, const std::string& kind) {
    if (!nodes_.emplace(id, label).second) return;
    kinds_.insert(kind);
    body_ << fmt::format("  {} [label={}, {}];\n", dot_string(id), dot_string(label), shape_of(kind));
  }
  void mark(const std::string& id, const std::string& attributes) {
    body_ << fmt::format("  {} [{}];\n", dot_string(id), attributes);
  }
  // A line of kind `line`; its label, when given, is tied to the line
  // (decorate) so that it stays beside its own edge in a crowded picture.
  void edge(const std::string& from, const std::string& to, Line line, const std::string& label = {}) {
    lines_.insert(line);
    body_ << fmt::format("  {} -> {} [{}{}];\n", dot_string(from), dot_string(to),
                         label.empty() ? "" : fmt::format("label={}, decorate=true, ", dot_string(label)), style_of(line).attributes);
  }
  std::string str(const std::string& title) const {
    return fmt::format(
        "digraph factdb {{\n"
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=16, labelloc=t, label={}];\n"
        "  node [fontname=\"Helvetica\", fontsize=11];\n"
        "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        "{}{}}}\n",
        dot_string(title), body_.str(), legend());
  }

 private:
  static std::string shape_of(const std::string& kind) {
    static const std::map<std::string, std::string> shapes = {
        {"person", "shape=box, style=rounded"},
        {"country", "shape=ellipse"},
        {"organization", "shape=hexagon, style=filled, fillcolor=\"#eef3fb\""},
        {"event", "shape=doubleoctagon"},
        {"group", "shape=ellipse, style=dashed"}};
    return shapes.count(kind) ? shapes.at(kind) : "shape=ellipse";
  }

  // What each line drawn means, in a table beside the picture: a sample of
  // the line in its colour and pattern, then its meaning; and the shapes.
  std::string legend() const {
    if (lines_.empty()) return {};
    std::string rows;
    for (const auto& s : kLines)
      if (lines_.count(s.line))
        rows += fmt::format("<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD><TD ALIGN=\"LEFT\">{}</TD></TR>", s.colour,
                            s.sample, s.meaning);
    std::string shapes;
    for (const auto& kind : kinds_) shapes += (shapes.empty() ? "" : ", ") + kind + " " + shape_name(kind);
    rows += fmt::format("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">{}</TD></TR>", shapes);
    return fmt::format(
        "  legend [shape=plaintext, fontsize=9, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" COLOR=\"gray70\">"
        "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>{}</TABLE>>];\n",
        rows);
  }

  static const char* shape_name(const std::string& kind) {
    return kind == "person" ? "in a rounded box" : kind == "organization" ? "in a shaded hexagon" : kind == "event" ? "in a double octagon"
           : kind == "group" ? "in a dashed ellipse" : "in an ellipse";
  }

  std::map<std::string, std::string> nodes_;
  std::set<std::string> kinds_;
  std::set<Line> lines_;
  std::ostringstream body_;
};

// Only the rows whose fact `article` states; every row when it is not given.
std::string in_article(std::string_view fact_id) {
  return fmt::format("(:article IS NULL OR EXISTS (SELECT 1 FROM statement fa WHERE fa.fact_id = {} AND fa.article_id = :article))",
                     fact_id);
}

ResultSet rows(Database& db, const std::string& sql, const std::optional<std::string>& article) {
  return article ? db.run_sql(sql, {{"article", *article}}) : db.run_sql(sql_with_null_params(sql));
}

void draw_attendance(Database& db, DotGraph& g, const std::optional<std::string>& article) {
  auto attendance = rows(db, fmt::format(R"(
    SELECT coalesce('person:' || a.person_id, 'office:' || a.office_id), coalesce(p.name, '(not named) ' || ao.name),
           a.represents_id, r.name, r.kind, coalesce(t.title, ao.name), 'event:' || a.event_id, ev.name,
           st.standing IS 'stand-in' AS stand_in
      FROM attendance a
      LEFT JOIN entity p ON p.id = a.person_id  -- NULL: an attendee named only by office, drawn as its holder
      LEFT JOIN entity ao ON ao.id = a.office_id
      JOIN entity ev ON ev.id = a.event_id
      LEFT JOIN entity r ON r.id = a.represents_id
      -- As the article drawn states it, or the first article stating the attendance.
      LEFT JOIN attendance_standing st
             ON st.fact_id = a.fact_id
            AND st.article_id = coalesce(:article, (SELECT f.first_article_id FROM fact f WHERE f.id = a.fact_id))
      LEFT JOIN office_holding_title t ON t.fact_id = st.holding_fact_id
     JOIN fact ordered ON ordered.id = a.fact_id
     WHERE {}
     ORDER BY ordered.first_article_id, ordered.first_seq)", in_article("a.fact_id")), article);
  for (const auto& row : attendance.rows) {
    auto person = to_text(row[0]);
    bool stand_in = std::get<std::int64_t>(row[8]) != 0;
    g.node(person, to_text(row[1]), "person");
    g.node(to_text(row[6]), to_text(row[7]), "event");
    g.edge(person, to_text(row[6]), Line::attended);
    if (stand_in) g.mark(person, "color=red, fontcolor=red, penwidth=2, xlabel=\"stand-in\"");
    if (std::holds_alternative<std::nullptr_t>(row[2])) continue;
    auto represents = to_text(row[4]) + ":" + to_text(row[2]);
    g.node(represents, to_text(row[3]), to_text(row[4]));
    auto office = to_text(row[5]);
    if (stand_in) g.edge(person, represents, Line::stands_in, office + "\n(in place of the head of state)");
    else g.edge(person, represents, Line::represents, office.empty() ? "represents" : office);
  }
}

void draw_members(Database& db, DotGraph& g, const std::optional<std::string>& article) {
  auto members = rows(db, fmt::format(R"(
    SELECT c.kind || ':' || m.member_id, c.name, c.kind, 'organization:' || m.organization_id, o.name, m.status
      FROM membership m
      JOIN entity c ON c.id = m.member_id
      JOIN entity o ON o.id = m.organization_id
     JOIN fact ordered ON ordered.id = m.fact_id
     WHERE {}
     ORDER BY ordered.first_article_id, ordered.first_seq)", in_article("m.fact_id")), article);
  for (const auto& row : members.rows) {
    g.node(to_text(row[0]), to_text(row[1]), to_text(row[2]));
    g.node(to_text(row[3]), to_text(row[4]), "organization");
    auto status = to_text(row[5]);
    auto line = status == "founding member" ? Line::founding_member : status == "member" ? Line::member : Line::other_status;
    g.edge(to_text(row[0]), to_text(row[3]), line, status);
  }
}

// Every two parties of a many-sided fact (a meeting's participants, a
// tension's sides), joined by an undirected edge. `sql` yields, per pair:
// node id, name and kind of each, then the edge's label.
void draw_pairs(Database& db, DotGraph& g, const std::string& sql, const std::optional<std::string>& article, Line line) {
  for (const auto& row : rows(db, sql, article).rows) {
    g.node(to_text(row[0]), to_text(row[1]), to_text(row[2]));
    g.node(to_text(row[3]), to_text(row[4]), to_text(row[5]));
    g.edge(to_text(row[0]), to_text(row[3]), line, to_text(row[6]));
  }
}

void draw_meetings(Database& db, DotGraph& g, const std::optional<std::string>& article) {
  draw_pairs(db, g, fmt::format(R"(
    SELECT 'person:' || x.person_id, px.name, 'person', 'person:' || y.person_id, py.name, 'person', 'met'
      FROM meeting m
      JOIN meeting_participant x ON x.fact_id = m.fact_id
      JOIN meeting_participant y ON y.fact_id = m.fact_id AND y.person_id > x.person_id
      JOIN entity px ON px.id = x.person_id
      JOIN entity py ON py.id = y.person_id
     JOIN fact ordered ON ordered.id = m.fact_id
     WHERE {}
     ORDER BY ordered.first_article_id, ordered.first_seq, x.person_id, y.person_id)", in_article("m.fact_id")), article, Line::met);
}

void draw_tensions(Database& db, DotGraph& g, const std::optional<std::string>& article) {
  draw_pairs(db, g, fmt::format(R"(
    SELECT ex.kind || ':' || x.party_id, ex.name, ex.kind, ey.kind || ':' || y.party_id, ey.name, ey.kind,
           'tension: ' || t.about
      FROM tension t
      JOIN tension_party x ON x.fact_id = t.fact_id
      JOIN tension_party y ON y.fact_id = t.fact_id AND y.party_id > x.party_id
      JOIN entity ex ON ex.id = x.party_id
      JOIN entity ey ON ey.id = y.party_id
     JOIN fact ordered ON ordered.id = t.fact_id
     WHERE {}
     ORDER BY ordered.first_article_id, ordered.first_seq)", in_article("t.fact_id")), article, Line::tension);
}

}  // namespace

const std::vector<std::string_view>& graph_part_names() { return parts().names(); }

std::optional<GraphPart> parse_graph_part(std::string_view name) { return parts().find(name); }

std::string graph_dot(Database& db, GraphPart part, const std::optional<std::string>& article) {
  DotGraph g;
  auto wants = [&](GraphPart p) { return part == GraphPart::all || part == p; };
  if (wants(GraphPart::attendance)) draw_attendance(db, g, article);
  if (wants(GraphPart::meetings)) draw_meetings(db, g, article);
  if (wants(GraphPart::members)) draw_members(db, g, article);
  if (wants(GraphPart::tensions)) draw_tensions(db, g, article);
  std::string title = article ? "factdb: " + *article : "factdb: " + db.path().filename().string();
  return g.str(title);
}

void render_graph(const std::string& dot, const std::string& format, const fs::path& target) {
  const std::string program = "dot";
  check_output_path(target);
  TemporaryFile input(target.string() + ".dot");
  std::ofstream(input.path()) << dot;
  TemporaryFile output(target);
  std::vector<std::string> args = {program, "-T" + format, input.path().string(), "-o", output.path().string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (int error = posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ); error != 0)
    throw Error(ExitCode::missing_file,
                error == ENOENT ? fmt::format("--format {} needs Graphviz's dot program, which is not installed (Debian: apt "
                                              "install graphviz); --format dot writes the graph for any Graphviz",
                                              format)
                                : fmt::format("cannot start Graphviz's dot: {}", std::strerror(error)));
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw Error(ExitCode::internal, fmt::format("Graphviz's dot failed to render the graph as {}", format));
  if (!is_special_file(target)) return output.commit();
  // A FIFO or device is written through, never replaced by the rendered file.
  OutputFile through(target);
  through.stream() << std::ifstream(output.path(), std::ios::binary).rdbuf();
  through.commit();
}

}  // namespace factdb
