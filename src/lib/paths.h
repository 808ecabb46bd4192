// Where a path really leads, for refusing what would escape a folder or
// write over an input: both sides resolved through every symbolic link.
#pragma once

#include <filesystem>
#include <optional>

namespace factdb {

// The part of `path` below `folder` once both are resolved (symbolic links,
// '.' and '..'), or nullopt when `path` does not lie inside `folder` or
// `folder` cannot be resolved. `path` itself need not exist. A path equal to
// `folder` gives an empty path.
std::optional<std::filesystem::path> path_within(const std::filesystem::path& folder, const std::filesystem::path& path);

}  // namespace factdb
