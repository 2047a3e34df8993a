#pragma once
/// The content gates' settings (SPEC §13): what a job file, a plugin's defaults and the host's defaults say about
/// the checks a generation must pass before the swap.

#include <cstdint>
#include <optional>
#include <string>

namespace aliasing {

/// Job key `mapping_check`: how the new index's mapping must relate to the live one's.
enum class MappingCheck {
    Superset,  ///< the default: every field path of the live mapping exists in the new one with the same type
    Exact,     ///< the two mappings have the same field paths and types
    Off,       ///< not checked
};

/// "superset", "exact" or "off".
const char* to_string(MappingCheck check);

/// Job key `smoke_query`: `{"query": {...}, "min_hits": N, "per_index": true}`.
struct SmokeQuery {
    std::string query_json;  ///< the `query` object as JSON text, sent as `{"query": ...}` to `_count`
    std::uint64_t min_hits = 1;
    bool per_index = true;  ///< false: one `_count` against all new indices together
};

/// The document-count tolerances (job keys `min_docs`, `max_docs_drop_pct`, `max_docs_growth_pct`).
struct DocTolerances {
    std::uint64_t min_docs = 1;
    std::uint32_t max_docs_drop_pct = 20;             ///< 100 disables the drop check
    std::optional<std::uint32_t> max_docs_growth_pct;  ///< unset: unlimited growth
};

/// The gate keys as a job file sets them: unset keys take the plugin's default, then the host's.
struct GateSettings {
    std::optional<std::uint64_t> min_docs;
    std::optional<std::uint32_t> max_docs_drop_pct;
    std::optional<std::uint32_t> max_docs_growth_pct;
    MappingCheck mapping_check = MappingCheck::Superset;
    std::optional<SmokeQuery> smoke_query;
    bool disk_check = true;
};

/// The host's defaults, overridden by a plugin's declared ones, overridden by the job's keys.
DocTolerances resolve_tolerances(const GateSettings& job, const std::optional<DocTolerances>& plugin_defaults);

}  // namespace aliasing
