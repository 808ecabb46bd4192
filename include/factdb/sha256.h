// SHA-256 digests, used to pin each source article to its exact bytes.
#pragma once

#include <string>
#include <string_view>

namespace factdb {

// Lower-case hex SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace factdb
