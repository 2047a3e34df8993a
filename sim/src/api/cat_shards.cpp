// GET /_cat/shards[/{index}]: one row per shard copy with its state and node (placement: cluster/nodes.hpp).
// Copies beyond the nodes are UNASSIGNED (docs, store, ip and node null); new replicas initializing after a
// replica increase are INITIALIZING on their node.
#include "api/cat_table.hpp"
#include "api/handlers.hpp"
#include "cluster/nodes.hpp"
#include "cluster/resolve.hpp"

#include <algorithm>

namespace aliasing::sim {
namespace {

std::vector<CatColumn> shards_columns()
{
    return {
        {"index", {"i", "idx"}, true, CellKind::text},
        {"shard", {"s", "sh"}, true, CellKind::number},
        {"prirep", {"p", "pr", "primaryOrReplica"}, true, CellKind::text},
        {"state", {"st"}, true, CellKind::text},
        {"docs", {"d", "dc"}, true, CellKind::number},
        {"store", {"sto"}, true, CellKind::bytes},
        {"ip", {}, true, CellKind::text},
        {"id", {}, false, CellKind::text},
        {"node", {"n"}, true, CellKind::text},
        {"unassigned.reason", {"ur"}, false, CellKind::text},
    };
}

std::int64_t shard_docs(const Index& index, int shard)
{
    const std::int64_t each = index.docs / index.primaries;
    return shard == 0 ? index.docs - each * (index.primaries - 1) : each;
}

}  // namespace

Reply handle_cat_shards(Call& call)
{
    ResolveOptions options;
    call.flag("v", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto now = Clock::now();
    std::vector<CatRow> rows;
    for (const auto& name : resolve_indices(cluster, call.var("index"), options)) {
        const Index& index = cluster.indices.at(name);
        const ShardCounts counts = cluster.shard_counts(index, now);
        const int assignable = cluster.data_nodes <= 0 ? -1 : std::min(index.replicas, cluster.data_nodes - 1);
        for (int shard = 0; shard < index.primaries; ++shard) {
            for (int copy = 0; copy <= index.replicas; ++copy) {
                CatRow row{text_cell(name), number_cell(shard), text_cell(copy == 0 ? "p" : "r")};
                if (copy > assignable) {
                    row.push_back(text_cell("UNASSIGNED"));
                    for (int i = 0; i < 5; ++i) {
                        row.push_back(null_cell());
                    }
                    row.push_back(text_cell(copy == 0 ? "NODE_LEFT" : "INDEX_CREATED"));
                    rows.push_back(std::move(row));
                    continue;
                }
                const int node = (shard + copy) % cluster.data_nodes;
                const bool started = copy <= counts.active_replicas;
                row.push_back(text_cell(started ? "STARTED" : "INITIALIZING"));
                row.push_back(started ? number_cell(shard_docs(index, shard)) : null_cell());
                row.push_back(started ? number_cell(shard_bytes(index, shard)) : null_cell());
                row.push_back(text_cell("127.0.0.1"));
                row.push_back(text_cell(node_id(cluster, node).substr(0, 4)));
                row.push_back(text_cell(node_name(node)));
                row.push_back(started ? null_cell() : text_cell("REPLICA_ADDED"));
                rows.push_back(std::move(row));
            }
        }
    }
    return render_cat_table(call, shards_columns(), std::move(rows));
}

}  // namespace aliasing::sim
