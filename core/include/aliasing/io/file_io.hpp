#pragma once
/// Reading whole files with room for simdjson's padding.

#include "aliasing/common/result.hpp"

#include <filesystem>
#include <string>

namespace aliasing {

/// The file's bytes, with spare capacity for simdjson's padding so parsing needs no copy. Errors (kind Usage) name
/// the path and the reason.
Result<std::string> read_file(const std::filesystem::path& path);

}  // namespace aliasing
