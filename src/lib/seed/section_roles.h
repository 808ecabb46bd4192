// What a section of an article's text may be: one list for the loader, the
// seed format's docs and its JSON Schema.
#pragma once

#include <string_view>

namespace factdb::seed {

// In the order a page prints them.
inline constexpr std::string_view kSectionRoles[] = {"navigation", "headline", "byline", "body", "footer"};

}  // namespace factdb::seed
