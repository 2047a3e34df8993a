#pragma once
/// `aliasing audit`: the plan table for every index of a catalog, flagging shard sizing that needs an operator.

#include "aliasing/catalog/catalog.hpp"
#include "aliasing/plugins/data_source.hpp"
#include "aliasing/plan/plan.hpp"
#include "aliasing/render/plan_render.hpp"

#include <string>
#include <vector>

namespace aliasing {

struct AuditOptions {
    std::string pattern = "*";  ///< glob over index names (`*` and `?`)
    std::uint64_t max_segment_size_bytes = 2ULL << 30;
    /// The loaded data sources: an index one of them owns follows its merge policy (never: skipped, saying why).
    std::vector<const DataSource*> sources;
};

/// The data source an index belongs to, found through the plugins: `source` recognises the name under an
/// index_base that is its own name or starts with `{name}-` (SPEC §2: `customer-2_0_0`).
struct IndexOwner {
    const DataSource* source = nullptr;
    std::string index_base;
};

/// The first source (in `sources` order) that owns `name`; nullptr source when none does. A plugin that fails
/// to parse the name is an error (the caller must not merge what it cannot attribute).
Result<IndexOwner> owner_of(std::string_view name, const std::vector<const DataSource*>& sources);

struct AuditRow {
    MergeRow merge;                  ///< sizing as for a promotion (command = the recommended force-merge)
    std::vector<std::string> flags;  ///< e.g. "shards far too small: 0.01 GiB/shard over 5 shards"
};

/// Shard-size guidance used by the flags (Elastic's: aim for 10–50 GiB per shard).
inline constexpr double kSmallShardGiB = 1.0;
inline constexpr double kLargeShardGiB = 50.0;

std::vector<AuditRow> audit_catalog(const Catalog& catalog, const AuditOptions& options);
std::string render_audit(const std::vector<AuditRow>& rows, OutputFormat format);

}  // namespace aliasing
