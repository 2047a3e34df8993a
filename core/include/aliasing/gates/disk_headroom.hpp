#pragma once
/// The disk gate (SPEC §13): a force-merge can need up to the size of the shard it rewrites in free disk. Before
/// merging, every node holding a copy of a shard to merge must stay at or below the cluster's high watermark.

#include "aliasing/common/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

struct NodeDisk {
    std::string node;
    std::uint64_t total_bytes = 0;
    std::uint64_t used_bytes = 0;
};

/// One copy (primary or replica) of a shard of an index to merge, and where it is.
struct ShardCopy {
    std::string index;
    std::string node;
    std::uint64_t store_bytes = 0;
};

/// `cluster.routing.allocation.disk.watermark.high`: a used percentage ("90%", "0.9") or a free-space minimum
/// ("50gb", "500mb").
struct Watermark {
    std::optional<double> used_percent;
    std::optional<std::uint64_t> free_bytes;
    std::string spelled;  ///< as the cluster spells it
};

/// Parses a watermark value; nullopt (with the reason in `why`) when it is neither form.
std::optional<Watermark> parse_watermark(std::string_view value, std::string& why);

/// Each node that would go above the watermark: "node-2: 812.0 GB used of 1000.0 GB + up to 120.5 GB for the
/// merge of customer-...; the high watermark is 90%". Indices merge one after another, so a node needs the
/// largest sum of one index's copies on it. Empty: the gate passes.
std::vector<std::string> disk_refusals(const std::vector<NodeDisk>& nodes, const std::vector<ShardCopy>& copies,
                                       const Watermark& high);

}  // namespace aliasing
