// factdb seed-format: the seed format, as Markdown or as a JSON Schema of facts.toml.
#include <memory>

#include "commands.h"
#include "common.h"
#include "factdb/seed_format.h"

namespace factdb::cli {

namespace {

struct SeedFormatOptions : ReadOptions {
  bool json_schema = false;
};

void run_seed_format(const SeedFormatOptions& options) {
  write_output(options, [&](std::ostream& out) { out << (options.json_schema ? facts_json_schema() : seed_format_markdown()); });
}

}  // namespace

void setup_seed_format(CLI::App& app) {
  auto options = std::make_shared<SeedFormatOptions>();
  auto* sub = app.add_subcommand("seed-format", "Describe the seed format: every kind of fact, its fields and an example (Markdown)");
  sub->add_flag("--json-schema", options->json_schema, "A JSON Schema of facts.toml instead, for editors with Taplo");
  sub->add_option("-o,--output", options->output, "Write to this file instead of standard output");
  sub->callback([options] { run_seed_format(*options); });
}

}  // namespace factdb::cli
