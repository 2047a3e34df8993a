#pragma once
/// "Did you mean": the known name closest to a mistyped one (job keys, command-line options, data sources).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `given` (compared in lowercase), when it is close enough to be a typo: at most
/// max(2, size/4) edits. Empty when none is.
std::string closest_name(std::string_view given, const std::vector<std::string_view>& candidates);

}  // namespace aliasing
