// GET /_cat/segments[/{index}] (reference §11): one row per segment per active shard copy.
#include "api/cat_table.hpp"
#include "api/handlers.hpp"
#include "cluster/nodes.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

std::vector<CatColumn> segments_columns()
{
    return {
        {"index", {"i", "idx"}, true, CellKind::text},
        {"shard", {"s", "sh"}, true, CellKind::number},
        {"prirep", {"p", "pr", "primaryOrReplica"}, true, CellKind::text},
        {"ip", {}, true, CellKind::text},
        {"id", {}, false, CellKind::text},
        {"segment", {"seg"}, true, CellKind::text},
        {"generation", {"g", "gen"}, true, CellKind::number},
        {"docs.count", {"dc"}, true, CellKind::number},
        {"docs.deleted", {"dd"}, true, CellKind::number},
        {"size", {"si"}, true, CellKind::bytes},
        {"size.memory", {"sm"}, true, CellKind::bytes},
        {"committed", {"ic"}, true, CellKind::text},
        {"searchable", {"is"}, true, CellKind::text},
        {"version", {"v", "ver"}, true, CellKind::text},
        {"compound", {"ico"}, true, CellKind::text},
    };
}

std::string base36(std::int64_t value)
{
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    do {
        out.insert(out.begin(), digits[value % 36]);
        value /= 36;
    } while (value > 0);
    return out;
}

}  // namespace

Reply handle_cat_segments(Call& call)
{
    ResolveOptions options;
    options.expand = ExpandWildcards{true, false, false};
    options.forbid_closed = true;
    call.flag("v", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto names = resolve_indices(cluster, call.var("index"), options);
    const auto now = Clock::now();
    const std::string lucene = cluster.version.lucene();
    std::vector<CatRow> rows;
    for (const auto& name : names) {
        const Index& index = cluster.indices.at(name);
        if (!index.open) {
            continue;
        }
        const ShardCounts counts = cluster.shard_counts(index, now);
        const std::int64_t segments = index.segments_per_shard;
        const std::int64_t per_segment_docs = segments > 0 ? index.docs / (index.primaries * segments) : 0;
        const std::int64_t per_segment_deleted = segments > 0 ? index.docs_deleted / (index.primaries * segments) : 0;
        const std::int64_t per_segment_bytes =
            segments > 0 ? index.primary_store_bytes / (index.primaries * segments) : 0;
        for (int shard = 0; shard < index.primaries; ++shard) {
            for (int copy = 0; copy <= counts.active_replicas; ++copy) {
                for (std::int64_t segment = 0; segment < segments; ++segment) {
                    CatRow row;
                    row.push_back(text_cell(name));
                    row.push_back(number_cell(shard));
                    row.push_back(text_cell(copy == 0 ? "p" : "r"));
                    row.push_back(text_cell("127.0.0.1"));
                    row.push_back(text_cell(
                        node_id(cluster, cluster.data_nodes > 0 ? (shard + copy) % cluster.data_nodes : 0)));
                    row.push_back(text_cell("_" + base36(segment)));
                    row.push_back(number_cell(segment));
                    row.push_back(number_cell(per_segment_docs));
                    row.push_back(number_cell(per_segment_deleted));
                    row.push_back(number_cell(per_segment_bytes));
                    row.push_back(number_cell(0));
                    row.push_back(text_cell("true"));
                    row.push_back(text_cell("true"));
                    row.push_back(text_cell(lucene));
                    row.push_back(text_cell("false"));
                    rows.push_back(std::move(row));
                }
            }
        }
    }
    return render_cat_table(call, segments_columns(), std::move(rows));
}

}  // namespace aliasing::sim
