// Discovery of data sources in plugin directories: first of a name wins, every unusable file is a rejection.
#include "aliasing/plugins/registry.hpp"

#include "aliasing/common/closest_name.hpp"
#include "aliasing/common/join.hpp"

#include "aliasing/plugins/sources.hpp"

#include <algorithm>
#include <system_error>

namespace aliasing {
namespace {

enum class FileKind { Compiled, Declarative, Other };

FileKind kind_of(const std::filesystem::path& file) {
    const std::string extension = file.extension().string();
    if (extension == ".so") return FileKind::Compiled;
    if (extension == ".json") return FileKind::Declarative;
    return FileKind::Other;
}

/// The plugin files of `dir` in name order; empty when it is missing or unreadable.
std::vector<std::filesystem::path> plugin_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        std::error_code status_error;
        if (it->is_regular_file(status_error) && kind_of(it->path()) != FileKind::Other)
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The data source a library's file name announces: `aliasing-{name}.so`; empty when it follows no convention.
std::string announced_name(const std::filesystem::path& file) {
    const std::string stem = file.stem().string();
    constexpr std::string_view prefix = "aliasing-";
    return stem.size() > prefix.size() && stem.compare(0, prefix.size(), prefix) == 0 ? stem.substr(prefix.size())
                                                                                        : std::string();
}

/// Each dir once (by canonical form), in order.
std::vector<std::filesystem::path> distinct_dirs(const std::vector<std::filesystem::path>& dirs) {
    std::vector<std::filesystem::path> seen, distinct;
    for (const std::filesystem::path& dir : dirs) {
        std::error_code error;
        std::filesystem::path canonical = std::filesystem::weakly_canonical(dir, error);
        if (error) canonical = dir.lexically_normal();
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        distinct.push_back(dir);
    }
    return distinct;
}

}  // namespace

PluginRegistry::PluginRegistry() = default;
PluginRegistry::PluginRegistry(PluginRegistry&&) noexcept = default;
PluginRegistry& PluginRegistry::operator=(PluginRegistry&&) noexcept = default;
PluginRegistry::~PluginRegistry() = default;

PluginRegistry PluginRegistry::discover(const std::vector<std::filesystem::path>& dirs, Isolation isolation) {
    PluginRegistry registry;
    registry.m_searched = distinct_dirs(dirs);
    for (const std::filesystem::path& dir : registry.m_searched) {
        for (const std::filesystem::path& file : plugin_files(dir)) {
            if (kind_of(file) == FileKind::Compiled && isolation == Isolation::ProbeFirst) {
                const PluginProbe probe = probe_compiled_source(file);
                if (probe.outcome == PluginProbe::Outcome::Crashed) {
                    registry.m_rejections.push_back({file.string(), probe.detail});
                    continue;
                }
            }
            Result<std::unique_ptr<DataSource>> loaded = kind_of(file) == FileKind::Compiled
                                                             ? load_compiled_source(file)
                                                             : load_declarative_source(file);
            if (!loaded) {
                registry.m_rejections.push_back({file.string(), loaded.error().message});
                continue;
            }
            const std::string& name = (*loaded)->info().name;
            if (const DataSource* first = registry.find(name)) {
                registry.m_rejections.push_back(
                    {file.string(),
                     "data source [" + name + "] is already provided by " + first->info().path +
                         "; the first one found wins (order: --plugin-dir, ALIASING_PLUGIN_PATH, "
                         "the install's plugin dir)"});
                continue;
            }
            registry.m_sources.push_back(std::move(*loaded));
        }
    }
    std::sort(registry.m_sources.begin(), registry.m_sources.end(),
              [](const auto& a, const auto& b) { return a->info().name < b->info().name; });
    return registry;
}

PluginRegistry PluginRegistry::discover_source(const std::vector<std::filesystem::path>& dirs, std::string_view name) {
    PluginRegistry registry;
    registry.m_searched = distinct_dirs(dirs);
    for (const std::filesystem::path& dir : registry.m_searched) {
        for (const std::filesystem::path& file : plugin_files(dir)) {
            if (kind_of(file) == FileKind::Compiled) {
                const std::string announced = announced_name(file);
                if (!announced.empty() && announced != name) continue;  // another source's library: never run
                if (announced.empty()) {
                    const PluginProbe probe = probe_compiled_source(file);
                    if (probe.outcome != PluginProbe::Outcome::Named || probe.name != name) continue;
                }
            }
            Result<std::unique_ptr<DataSource>> loaded = kind_of(file) == FileKind::Compiled
                                                             ? load_compiled_source(file)
                                                             : load_declarative_source(file);
            if (!loaded) {
                registry.m_rejections.push_back({file.string(), loaded.error().message});
                continue;
            }
            if ((*loaded)->info().name != name) continue;
            registry.m_sources.push_back(std::move(*loaded));
            return registry;
        }
    }
    return discover(dirs, Isolation::ProbeFirst);
}

const DataSource* PluginRegistry::find(std::string_view name) const {
    for (const auto& source : m_sources) {
        if (source->info().name == name) return source.get();
    }
    return nullptr;
}

Result<const DataSource*> PluginRegistry::require(std::string_view name) const {
    if (const DataSource* source = find(name)) return source;
    std::vector<std::string> available;
    for (const auto& source : m_sources) available.push_back(source->info().name);
    std::vector<std::string> dirs;
    for (const auto& dir : m_searched) dirs.push_back(dir.string());
    const std::string close = closest_name(name, std::vector<std::string_view>(available.begin(), available.end()));
    std::string message = "unknown data_source [" + std::string(name) + "]" +
                          (close.empty() ? std::string() : "; did you mean [" + close + "]?") + "; available: " + (available.empty() ? std::string("none") : join(available)) +
                          " (searched: " + (dirs.empty() ? std::string("no directories") : join(dirs)) +
                          ")";
    if (!m_rejections.empty()) {
        message += "; " + std::to_string(m_rejections.size()) +
                   " plugin file(s) were rejected: `aliasing plugins` says why";
    }
    return make_error(ErrorKind::Usage, std::move(message));
}

std::vector<const DataSource*> PluginRegistry::sources() const {
    std::vector<const DataSource*> sources;
    for (const auto& source : m_sources) sources.push_back(source.get());
    return sources;
}

const std::vector<PluginRejection>& PluginRegistry::rejections() const {
    return m_rejections;
}

const std::vector<std::filesystem::path>& PluginRegistry::searched() const {
    return m_searched;
}

}  // namespace aliasing
