#pragma once
#include <string>

namespace aliasing::cli {
/// `aliasing --version`: its version, the plugin ABI, and the library versions it was built with.
std::string version_text();
}  // namespace aliasing::cli
