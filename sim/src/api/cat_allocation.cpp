// GET /_cat/allocation[/{node_id}] (Elasticsearch 8.x RestAllocationAction): one row per data node with its shard
// copies and disk, plus an UNASSIGNED row (only `shards` and `node` set) when some copies have no node.
#include "api/cat_table.hpp"
#include "api/handlers.hpp"
#include "cluster/nodes.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

std::vector<CatColumn> allocation_columns(const Version& version)
{
    return {
        {"shards", {"s"}, true, CellKind::number},
        {"disk.indices", {"di", "diskIndices"}, true, CellKind::bytes},
        {"disk.used", {"du", "diskUsed"}, true, CellKind::bytes},
        {"disk.avail", {"da", "diskAvail"}, true, CellKind::bytes},
        {"disk.total", {"dt", "diskTotal"}, true, CellKind::bytes},
        {"disk.percent", {"dp", "diskPercent"}, true, CellKind::number},
        {"host", {"h"}, true, CellKind::text},
        {"ip", {}, true, CellKind::text},
        {"node", {"n"}, true, CellKind::text},
        {"node.role", {"r", "role", "nodeRole"}, !version.is_7x(), CellKind::text},
    };
}

}  // namespace

Reply handle_cat_allocation(Call& call)
{
    call.flag("v", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto now = Clock::now();
    const std::string filter = call.var("node_id");
    std::vector<CatRow> rows;
    for (int node = 0; node < cluster.data_nodes; ++node) {
        if (!node_selected(cluster, node, filter)) {
            continue;
        }
        const NodeUsage usage = node_usage(cluster, node, now);
        CatRow row;
        row.push_back(number_cell(usage.shards));
        row.push_back(number_cell(usage.indices_bytes));
        row.push_back(number_cell(usage.used_bytes));
        row.push_back(number_cell(usage.available_bytes));
        row.push_back(number_cell(usage.total_bytes));
        row.push_back(number_cell(usage.total_bytes > 0 ? usage.used_bytes * 100 / usage.total_bytes : 0));
        row.push_back(text_cell("127.0.0.1"));
        row.push_back(text_cell("127.0.0.1"));
        row.push_back(text_cell(node_name(node)));
        row.push_back(text_cell("dim"));
        rows.push_back(std::move(row));
    }
    std::int64_t unassigned = 0;
    for (const auto& [name, index] : cluster.indices) {
        unassigned += cluster.shard_counts(index, now).unassigned;
    }
    if (unassigned > 0 && (filter.empty() || filter == "_all")) {
        CatRow row{number_cell(unassigned)};
        for (int i = 0; i < 7; ++i) {
            row.push_back(null_cell());
        }
        row.push_back(text_cell("UNASSIGNED"));
        row.push_back(null_cell());
        rows.push_back(std::move(row));
    }
    return render_cat_table(call, allocation_columns(cluster.version), std::move(rows));
}

}  // namespace aliasing::sim
