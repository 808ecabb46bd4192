// factdb queries [NAME]: the canned queries a database holds, or one of them in full.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "factdb/closest.h"
#include "factdb/error.h"

namespace factdb::cli {

namespace {

std::string param_summary(const QueryParam& p) {
  return p.type + (p.required ? ", required" : p.default_value ? ", default " + *p.default_value : ", optional");
}

// One query in full: what it answers, what it takes and returns, and the
// questions it answers in plain words.
void describe_query(const CannedQuery& q, const ReadOptions& options) {
  auto format = *parse_format(options.format);
  if (format == Format::json || format == Format::jsonl) {
    nlohmann::ordered_json j;
    j["name"] = q.name;
    j["title"] = q.title;
    j["description"] = q.description;
    j["parameters"] = nlohmann::ordered_json::array();
    for (const auto& p : q.params)
      j["parameters"].push_back({{"name", p.name}, {"type", p.type}, {"required", p.required},
                                 {"default", p.default_value ? nlohmann::ordered_json(*p.default_value) : nullptr},
                                 {"description", p.description}});
    j["columns"] = nlohmann::ordered_json::array();
    for (const auto& c : q.columns) j["columns"].push_back({{"name", c.name}, {"description", c.description}});
    j["examples"] = q.examples;
    write_output(options, [&](std::ostream& out) { out << j.dump(format == Format::json ? 2 : -1) << '\n'; });
    return;
  }
  ResultSet parts{{"part", "name", "detail"}, {}};
  parts.rows.push_back({std::string("title"), std::string(), q.title});
  parts.rows.push_back({std::string("description"), std::string(), q.description});
  for (const auto& p : q.params) parts.rows.push_back({std::string("parameter"), p.name, param_summary(p) + ": " + p.description});
  for (const auto& c : q.columns) parts.rows.push_back({std::string("column"), c.name, c.description});
  for (const auto& e : q.examples) parts.rows.push_back({std::string("example"), std::string(), e});
  print(parts, options);
}

void run_queries(const ReadOptions& options, const std::string& name) {
  auto db = open_database(options);
  auto queries = db.canned_queries();
  if (!name.empty()) {
    std::vector<std::string> names;
    for (const auto& q : queries) {
      if (q.name == name) return describe_query(q, options);
      names.push_back(q.name);
    }
    throw Error(ExitCode::usage,
                fmt::format("no canned query named '{}'{}", name, did_you_mean_or_list(names, name, "the database has")));
  }
  ResultSet list{{"name", "title", "parameters"}, {}};
  for (const auto& q : queries) {
    std::string params;
    for (const auto& p : q.params) params += (params.empty() ? "" : "; ") + p.name + " (" + param_summary(p) + ")";
    list.rows.push_back({q.name, q.title, params});
  }
  print(list, options);
}

}  // namespace

void list_queries(const ReadOptions& options) { run_queries(options, {}); }

void setup_queries(CLI::App& app) {
  auto options = std::make_shared<ReadOptions>();
  auto name = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("queries", "List the canned queries, or show one in full: parameters, columns, examples");
  sub->add_option("name", *name, "A canned query to show in full");
  add_read_options(*sub, *options);
  sub->callback([options, name] { run_queries(*options, *name); });
}

}  // namespace factdb::cli
