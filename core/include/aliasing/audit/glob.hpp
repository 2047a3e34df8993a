#pragma once
/// The `--pattern` of `aliasing audit`: shell-style globs over index names.

#include <string_view>

namespace aliasing {

/// Shell-style glob over a whole name: `*` any run of characters, `?` one character.
bool glob_match(std::string_view pattern, std::string_view name);

}  // namespace aliasing
