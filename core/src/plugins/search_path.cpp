// Where plugins are looked for: --plugin-dir, ALIASING_PLUGIN_PATH, then the install's plugin dir next to
// bin/.
#include "aliasing/plugins/registry.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>
#include <system_error>

#ifndef ALIASING_PLUGIN_RELATIVE_DIR
#error \
    "aliasing_core must define ALIASING_PLUGIN_RELATIVE_DIR (the install's plugin dir relative to its prefix)"
#endif

namespace aliasing {
namespace {

std::filesystem::path normalised(const std::filesystem::path& dir) {
    std::filesystem::path path = dir.lexically_normal();
    if (!path.has_filename() && path.has_relative_path()) path = path.parent_path();  // drop a trailing '/'
    return path;
}

}  // namespace

std::vector<std::filesystem::path> plugin_search_path(const std::filesystem::path& executable,
                                                      const std::vector<std::filesystem::path>& cli_dirs,
                                                      const char* env_plugin_path) {
    std::vector<std::filesystem::path> dirs;
    auto add = [&dirs](const std::filesystem::path& dir) {
        if (dir.empty()) return;
        std::filesystem::path path = normalised(dir);
        if (std::find(dirs.begin(), dirs.end(), path) == dirs.end()) dirs.push_back(std::move(path));
    };
    for (const auto& dir : cli_dirs) add(dir);
    if (env_plugin_path != nullptr) {
        std::string_view rest = env_plugin_path;
        while (!rest.empty()) {
            const std::size_t colon = rest.find(':');
            add(std::filesystem::path(std::string(rest.substr(0, colon))));
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    std::error_code error;
    const std::filesystem::path exe =
        executable.is_absolute() ? executable : std::filesystem::absolute(executable, error);
    add(exe.parent_path() / ".." / ALIASING_PLUGIN_RELATIVE_DIR);
    return dirs;
}

std::filesystem::path current_executable_path(const std::filesystem::path& fallback) {
    std::error_code error;
    std::filesystem::path path = boost::dll::program_location(error);
    return error || path.empty() ? fallback : path;
}

}  // namespace aliasing
