// POST|GET /[{index}/]_refresh: makes written documents searchable. Elasticsearch 8.x answers
// {"_shards":{"total":T,"successful":S,"failed":0}} with T every shard copy and S the active ones; wildcards
// expand to open indices; a missing index is 404 index_not_found_exception unless ignore_unavailable; a closed
// index named outright is 400 index_closed_exception.
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {

Reply handle_refresh(Call& call)
{
    const ResolveOptions options = broadcast_resolve_options(call);
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    const auto now = Clock::now();
    std::int64_t total = 0;
    std::int64_t successful = 0;
    for (const auto& name : resolve_indices(cluster, call.var("index"), options)) {
        Index& index = cluster.indices.at(name);
        if (!index.open) {
            continue;
        }
        const ShardCounts counts = cluster.shard_counts(index, now);
        total += static_cast<std::int64_t>(index.primaries) * (1 + index.replicas);
        successful += counts.active;
        if (counts.active_primary == index.primaries) {
            index.refresh();
        }
    }
    Json shards = Json::object();
    shards["total"] = total;
    shards["successful"] = successful;
    shards["failed"] = 0;
    Json body = Json::object();
    body["_shards"] = std::move(shards);
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
