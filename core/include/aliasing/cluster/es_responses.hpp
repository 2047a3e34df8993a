#pragma once
/// Typed answers of the EsClient calls.

#include "aliasing/cluster/product.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace aliasing::cluster {

/// GET / — who answered.
struct ClusterInfo {
    Product product;          ///< which product and version, detected (product.hpp)
    std::string version;      ///< the product's version, e.g. "8.13.4", "7.17.21", "2.19.1"
    int major_version = 0;    ///< 7, 8, ...
    std::string cluster_name;
    std::string node_name;
};

/// GET /_tasks/{id} — a force-merge task's progress.
struct TaskState {
    bool completed = false;
    std::optional<std::string> error;  ///< "type: reason" when the task completed with an error
    /// "1 of 4 shards failed: [idx][0] type: reason" when the task's response has `_shards.failed > 0`
    std::optional<std::string> shard_failures;
    std::int64_t running_time_nanos = 0;
};

/// One row of GET /_cat/indices/{names}?h=health,status,index: what an index is right now.
struct IndexNow {
    std::string index;
    std::string health;  ///< "green", "yellow" or "red"; empty for a closed index that is not replicated
    std::string status;  ///< "open" or "close"
};

/// GET /_cluster/health/{indices}?wait_for_status=... — the worst status over every chunk asked.
struct HealthResult {
    std::string status;      ///< "green", "yellow" or "red"
    bool timed_out = false;  ///< the wanted status was not reached within the timeout
};

/// GET /{indices}/_stats/segments,store — the primaries of one index.
struct IndexSegments {
    std::string index;
    std::int64_t segment_count = 0;
    std::int64_t store_bytes = 0;
};

}  // namespace aliasing::cluster
