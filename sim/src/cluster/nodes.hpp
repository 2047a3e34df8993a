#pragma once
// The simulated data nodes: names (sim-node-1..N), ids, where each shard copy lives, and each node's disk.
// Placement is fixed and balanced: copy c (0 = primary) of shard s sits on node (s + c) mod N, so the copies of
// one shard are always on different nodes; copies beyond N−1 replicas are unassigned.

#include "cluster/cluster.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aliasing::sim {

std::string node_name(int node);
/// Whether a `{node_id}` filter (comma-separated names with wildcards, ids, _local, _master; empty or _all: every
/// node) selects `node`, as _cat/allocation and _nodes/stats read it.
bool node_selected(const Cluster& cluster, int node, const std::string& filter);
/// Node 0 is the cluster's node_id (the one tasks name); the others are derived from it.
std::string node_id(const Cluster& cluster, int node);
/// The node of one copy of one shard; nullopt when it is unassigned (or initializing after a replica increase).
std::optional<int> shard_node(const Cluster& cluster, const Index& index, int shard, int copy, Clock::time_point now);

struct NodeUsage {
    int shards = 0;                    ///< shard copies allocated to the node
    std::int64_t indices_bytes = 0;    ///< their store size (disk.indices)
    std::int64_t used_bytes = 0;       ///< indices + other (disk.used)
    std::int64_t total_bytes = 0;
    std::int64_t available_bytes = 0;  ///< total − used, never below 0
};
NodeUsage node_usage(const Cluster& cluster, int node, Clock::time_point now);
/// The store size of one shard copy: the index's primary bytes spread evenly over its primaries.
std::int64_t shard_bytes(const Index& index, int shard);

}  // namespace aliasing::sim
