// Starting a new article: its folder in the seed, the text copied byte for
// byte, and a facts.toml that builds as it is.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace factdb {

// facts.toml to start from: [article] with the sections found in `text`
// (headline, body, and page navigation, byline and footer when the text has
// them), each quoted so that it is found once; the article's date when its
// dateline prints one once; and the names and dates the text prints as
// comments. `text` must be valid UTF-8.
std::string scaffold_facts_toml(std::string_view text, std::string_view id, std::string_view text_file);

// Creates `seed_dir`/`id`/ with the text of `text_path` as article.txt and
// its scaffold, whole or not at all. An empty `id` is made from the text
// file's name. Throws Error(usage) for an id that is not a slug or a folder
// that exists, Error(bad_data) for a text that is not UTF-8 or holds a NUL,
// Error(missing_file) when the text cannot be read or the folder written.
// Returns the folder created.
std::filesystem::path create_article(const std::filesystem::path& text_path, const std::filesystem::path& seed_dir, std::string id);

}  // namespace factdb
