#include "cluster/nodes.hpp"

#include "cluster/resolve.hpp"

#include <algorithm>

namespace aliasing::sim {

std::string node_name(int node)
{
    return "sim-node-" + std::to_string(node + 1);
}

bool node_selected(const Cluster& cluster, int node, const std::string& filter)
{
    bool wanted = filter.empty() || filter == "_all";
    for (const auto& part : split_list(filter)) {
        wanted = wanted || simple_match(part, node_name(node)) || part == node_id(cluster, node) ||
                 (part == "_local" && node == 0) || (part == "_master" && node == 0);
    }
    return wanted;
}

std::string node_id(const Cluster& cluster, int node)
{
    if (node == 0) {
        return cluster.node_id;
    }
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string id = cluster.node_id.substr(0, 20);
    id.push_back(digits[(node / 36) % 36]);
    id.push_back(digits[node % 36]);
    return id;
}

std::optional<int> shard_node(const Cluster& cluster, const Index& index, int shard, int copy, Clock::time_point now)
{
    if (cluster.data_nodes <= 0) {  // closed indices keep their shards (replicated closed indices, 7.2+)
        return std::nullopt;
    }
    const ShardCounts counts = cluster.shard_counts(index, now);
    if (copy > counts.active_replicas) {
        return std::nullopt;
    }
    return (shard + copy) % cluster.data_nodes;
}

std::int64_t shard_bytes(const Index& index, int shard)
{
    const std::int64_t each = index.primary_store_bytes / index.primaries;
    return shard == 0 ? index.primary_store_bytes - each * (index.primaries - 1) : each;
}

NodeUsage node_usage(const Cluster& cluster, int node, Clock::time_point now)
{
    NodeUsage usage;
    for (const auto& [name, index] : cluster.indices) {
        for (int shard = 0; shard < index.primaries; ++shard) {
            for (int copy = 0; copy <= index.replicas; ++copy) {
                if (shard_node(cluster, index, shard, copy, now) == node) {
                    ++usage.shards;
                    usage.indices_bytes += shard_bytes(index, shard);
                }
            }
        }
    }
    const auto found = cluster.node_disks.find(node);
    const NodeDisk disk = found != cluster.node_disks.end() ? found->second : NodeDisk{};
    usage.total_bytes = disk.total_bytes;
    usage.used_bytes = usage.indices_bytes + disk.other_used_bytes;
    usage.available_bytes = std::max<std::int64_t>(0, usage.total_bytes - usage.used_bytes);
    return usage;
}

}  // namespace aliasing::sim
