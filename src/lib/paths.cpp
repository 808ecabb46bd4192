#include "paths.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace factdb {

std::optional<fs::path> path_within(const fs::path& folder, const fs::path& path) {
  std::error_code ec;
  auto real_folder = fs::canonical(folder, ec);
  if (ec) return std::nullopt;
  auto real = fs::weakly_canonical(path, ec);
  if (ec) return std::nullopt;
  auto [in_folder, in_path] = std::mismatch(real_folder.begin(), real_folder.end(), real.begin(), real.end());
  if (in_folder != real_folder.end()) return std::nullopt;
  fs::path below;
  for (; in_path != real.end(); ++in_path) below /= *in_path;
  return below;
}

}  // namespace factdb
