#pragma once
/// `aliasing audit`: the plan table for every index of a catalog, flagging shard sizing that needs an operator.

#include "aliasing/catalog.hpp"
#include "aliasing/plan.hpp"
#include "aliasing/plan_render.hpp"

#include <string>
#include <vector>

namespace aliasing {

struct AuditOptions {
    std::string pattern = "*";  ///< glob over index names (`*` and `?`)
    std::uint64_t max_segment_size_bytes = 2ULL << 30;
};

struct AuditRow {
    MergeRow merge;                  ///< sizing as for a promotion (command = the recommended force-merge)
    std::vector<std::string> flags;  ///< e.g. "shards far too small: 0.01 GiB/shard over 5 shards"
};

/// Shard-size guidance used by the flags (Elastic's: aim for 10–50 GiB per shard).
inline constexpr double kSmallShardGiB = 1.0;
inline constexpr double kLargeShardGiB = 50.0;

std::vector<AuditRow> audit_catalog(const Catalog& catalog, const AuditOptions& options);
std::string render_audit(const std::vector<AuditRow>& rows, OutputFormat format);

/// Shell-style glob over a whole name: `*` any run of characters, `?` one character.
bool glob_match(std::string_view pattern, std::string_view name);

}  // namespace aliasing
