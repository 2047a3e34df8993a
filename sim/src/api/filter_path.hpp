#pragma once
// The common ?filter_path= parameter: keep only the fields a comma list of dotted paths names
// ("*" matches within one key, "**" any depth); arrays are filtered element by element.

#include "aliasing/sim/json.hpp"

#include <string_view>

namespace aliasing::sim {

/// Returns the filtered copy of `body` ({} when nothing matches).
Json apply_filter_path(const Json& body, std::string_view filter_path);

}  // namespace aliasing::sim
