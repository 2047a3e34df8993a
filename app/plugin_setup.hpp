#pragma once
// Finding the plugins the way every command does, and the offline inputs shared by plan and run.

#include "command_line.hpp"

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/io/file_io.hpp"
#include "aliasing/plan/plan.hpp"
#include "aliasing/plugins/registry.hpp"

#include <cstdlib>

namespace aliasing::cli {

struct LoadedPlugins {
    PluginRegistry registry;
};

inline std::vector<std::filesystem::path> plugin_dirs(const CommandLine& line) {
    std::vector<std::filesystem::path> dirs(line.plugin_dirs.begin(), line.plugin_dirs.end());
    const auto exe = current_executable_path("aliasing");
    return plugin_search_path(exe, dirs, std::getenv("ALIASING_PLUGIN_PATH"));
}

/// Every source (`plugins`, `audit`): each library is probed in a child process first, so one that crashes while
/// loading is listed as rejected instead of stopping the command.
inline LoadedPlugins load_plugins(const CommandLine& line) {
    return LoadedPlugins{PluginRegistry::discover(plugin_dirs(line), PluginRegistry::Isolation::ProbeFirst)};
}

/// Only the job's data source (`plan`, `run`, `status`, `rollback`): no other plugin's code runs.
inline LoadedPlugins load_plugin_for(const CommandLine& line, std::string_view data_source) {
    return LoadedPlugins{PluginRegistry::discover_source(plugin_dirs(line), data_source)};
}

Result<AliasTable> load_alias_files(const std::vector<std::string>& files);
/// The --catalog file, refused when it is a saved error response.
Result<Catalog> load_catalog_file(const std::string& file);
Result<RunInstant> clock_from(const CommandLine& line);
/// --connection, else $ALIASING_CONNECTION (when not empty).
std::optional<std::string> connection_file_path(const CommandLine& line);
/// --clusters, else $ALIASING_CLUSTERS (when not empty) if the command line names no cluster of its own (--cluster,
/// --es-url, --connection, --catalog, --aliases): an explicit single cluster or offline input wins over the variable.
std::optional<std::string> clusters_file_path(const CommandLine& line);
Result<std::uint64_t> parse_size_option(const std::optional<std::string>& text, std::uint64_t fallback);

}  // namespace aliasing::cli
