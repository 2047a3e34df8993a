#pragma once
/// Plugin discovery (SPEC §10): compiled plugins (*.so) and declarative sources (*.json) found in a search
/// path, behind the DataSource interface.

#include "aliasing/plugins/data_source.hpp"
#include "aliasing/common/result.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// A file in a plugin directory that was not loaded, and why.
struct PluginRejection {
    std::string path;
    std::string reason;
};

/// The data sources found in a search path. Owns every loaded plugin library: the DataSource pointers it
/// hands out, and anything they return, must not outlive it. Keep one registry for the life of the process;
/// plugin libraries are never unloaded, even after it is destroyed (RTLD_NODELETE).
class PluginRegistry {
  public:
    PluginRegistry();
    PluginRegistry(PluginRegistry&&) noexcept;
    PluginRegistry& operator=(PluginRegistry&&) noexcept;
    PluginRegistry(const PluginRegistry&) = delete;
    PluginRegistry& operator=(const PluginRegistry&) = delete;
    ~PluginRegistry();

    /// How discover() treats compiled libraries.
    enum class Isolation {
        InProcess,   ///< load each library in this process (a crash in a plugin's entry point is the host's)
        ProbeFirst,  ///< probe each in a child process first; one that crashes or hangs is a rejection, never loaded
    };

    /// Loads compiled plugins (*.so) and declarative sources (*.json) from each dir in order (files of one
    /// dir in name order). The first source of a name wins; a later one with the same name is rejected naming
    /// the first's path. Missing dirs are skipped; a dir listed twice is searched once. Never fails: every
    /// file that cannot be used becomes a rejection.
    static PluginRegistry discover(const std::vector<std::filesystem::path>& dirs,
                                   Isolation isolation = Isolation::InProcess);

    /// Loads only the source named `name`, in discover()'s order, so that no other plugin's code ever runs: a
    /// declarative file is read when it is reached; a library named by the convention (`aliasing-{name}.so`) is
    /// loaded; a library named for another source (`aliasing-{other}.so`) is skipped unread; a library whose file
    /// name does not follow the convention is probed in a child process and loaded only if it is `name`. When no
    /// file provides `name`, the result is discover(dirs, ProbeFirst), so require() can list what there is.
    static PluginRegistry discover_source(const std::vector<std::filesystem::path>& dirs, std::string_view name);

    /// The source named `name`, or nullptr.
    const DataSource* find(std::string_view name) const;

    /// find(), or an ErrorKind::Usage error: "unknown data_source [x]; available: a, b, c (searched: dirs)".
    Result<const DataSource*> require(std::string_view name) const;

    /// Every loaded source, sorted by name.
    std::vector<const DataSource*> sources() const;

    /// Files that were found but not loaded, in discovery order.
    const std::vector<PluginRejection>& rejections() const;

    /// The directories searched, in order (including missing ones).
    const std::vector<std::filesystem::path>& searched() const;

  private:
    std::vector<std::unique_ptr<DataSource>> m_sources;
    std::vector<PluginRejection> m_rejections;
    std::vector<std::filesystem::path> m_searched;
};

/// --plugin-dir values first, then ALIASING_PLUGIN_PATH entries (':'-separated, empty entries ignored), then
/// the install's plugin dir resolved relative to the executable: <exe_dir>/../ALIASING_PLUGIN_RELATIVE_DIR,
/// so an installed tree is relocatable and the build tree works too. Paths are lexically normalised;
/// duplicates are dropped (the first occurrence keeps its place). `env_plugin_path` may be nullptr.
std::vector<std::filesystem::path> plugin_search_path(const std::filesystem::path& executable,
                                                      const std::vector<std::filesystem::path>& cli_dirs,
                                                      const char* env_plugin_path);

/// The running executable's absolute path (for plugin_search_path), or `fallback` when it cannot be
/// determined.
std::filesystem::path current_executable_path(const std::filesystem::path& fallback);

enum class ListFormat { Text, Json };

/// What `aliasing plugins` prints: for each source name, kind (compiled|declarative), version, ABI version,
/// path, recognised layouts, entities, merge policy; then every rejection with its path and reason; then the
/// dirs searched.
std::string render_plugin_list(const PluginRegistry& registry, ListFormat format);

}  // namespace aliasing
