#pragma once
/// The host's view of a data source: a compiled plugin or a declarative definition behind one interface.

#include "aliasing/gates/gate_settings.hpp"
#include "aliasing/common/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// A data_source name: non-empty, lowercase ASCII letters, digits, '-' and '_' (plugins and declarative sources alike).
inline bool is_valid_source_name(std::string_view name) {
    if (name.empty()) return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

enum class MergeKind { SizeBased, Never };

struct MergePolicy {
    MergeKind kind = MergeKind::SizeBased;
    std::uint64_t default_max_segment_size_bytes = 2ULL * 1024 * 1024 * 1024;
    std::string reason;  ///< for Never: why, shown in the plan instead of a command
};

enum class SourceKind { Compiled, Declarative };

/// Everything `aliasing plugins` shows about a data source.
struct DataSourceInfo {
    std::string name;
    SourceKind kind = SourceKind::Compiled;
    std::string version;
    std::string abi_version;  ///< "major.minor" the plugin was built against; empty for declarative sources
    std::string path;         ///< the shared library or JSON file it came from
    std::string description;
    std::vector<std::string> layouts;   ///< e.g. "{index_base}-{entity}-{run_id}"
    std::vector<std::string> entities;  ///< declared entities; may be empty
    MergePolicy merge;
    std::optional<DocTolerances> gate_defaults;  ///< the plugin's document-count tolerances (ABI 1.1+), else the host's
};

/// An index name split by a data source. Views point into the name passed to parse_name.
struct ParsedName {
    std::string_view entity;
    std::string_view run_id;
    std::uint32_t layout = 0;
};

class DataSource {
public:
    virtual ~DataSource() = default;

    virtual const DataSourceInfo& info() const = 0;

    /// The parsed name if `name` is one of this source's indices under `index_base`, std::nullopt if it is not,
    /// or an error (the plugin failed, or returned views that are not a valid split of the name) that names
    /// the plugin.
    virtual Result<std::optional<ParsedName>> parse_name(std::string_view index_base,
                                                         std::string_view name) const = 0;

    /// The index name for (index_base, entity, run_id) in layout `layout`.
    virtual Result<std::string> format_name(std::string_view index_base, std::string_view entity,
                                            std::string_view run_id, std::uint32_t layout) const = 0;
};

}  // namespace aliasing
