// factdb new: starts an article in the seed from its text.
#include <iostream>
#include <memory>

#include "commands.h"
#include "factdb/scaffold.h"

namespace factdb::cli {

namespace {

struct NewOptions {
  std::string text;
  std::string seed = "seed";
  std::string id;
};

void run_new(const NewOptions& options) {
  auto folder = create_article(options.text, options.seed, options.id);
  std::cout << "created " << folder.string() << ": article.txt (the text, byte for byte) and facts.toml; "
            << "add its facts (docs/seed-format.md), then factdb build\n";
}

}  // namespace

void setup_new(CLI::App& app) {
  auto options = std::make_shared<NewOptions>();
  auto* sub = app.add_subcommand("new", "Start an article in the seed: its folder, the text byte for byte, and a facts.toml that builds");
  sub->add_option("text", options->text, "The article's text file (UTF-8)")->required();
  sub->add_option("--seed", options->seed, "Seed folder to add the article to")->capture_default_str();
  sub->add_option("--id", options->id, "The article's id (a lower-case slug); defaults to the text file's name");
  sub->callback([options] { run_new(*options); });
}

}  // namespace factdb::cli
