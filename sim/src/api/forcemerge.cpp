// POST /[{index}/]_forcemerge (reference §7). A merge takes simulated time proportional to the primary store
// size (forcemerge_millis_per_gib) and then lowers each primary shard's segment count to max_num_segments.
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

#include <thread>

namespace aliasing::sim {
namespace {

// One entry of a broadcast response's _shards.failures (DefaultShardOperationFailedException): primary shard 0.
Json shard_failure(const Index& index, const std::string& reason)
{
    Json cause = Json::object();
    cause["type"] = "illegal_state_exception";
    cause["reason"] = reason;
    Json failure = Json::object();
    failure["shard"] = 0;
    failure["index"] = index.name;
    failure["status"] = "INTERNAL_SERVER_ERROR";
    failure["reason"] = std::move(cause);
    return failure;
}

}  // namespace

Reply handle_forcemerge(Call& call)
{
    const std::int64_t max_segments = call.integer("max_num_segments", -1);
    const bool expunge = call.flag("only_expunge_deletes", false);
    const bool flush = call.flag("flush", true);
    const ResolveOptions options = broadcast_resolve_options(call);

    auto guard = call.lock();
    Cluster& cluster = call.cluster();
    const bool wait = !cluster.version.has_async_forcemerge() || call.flag("wait_for_completion", true);
    if (!cluster.version.is_7x() && expunge && max_segments != -1) {
        throw validation_failed({"cannot set only_expunge_deletes and max_num_segments at the same time, those two "
                                 "parameters are mutually exclusive"});
    }
    const auto names = resolve_indices(cluster, call.var("index"), options);
    const auto now = Clock::now();
    std::int64_t bytes = 0;
    int total = 0;
    int successful = 0;
    ForceMergeTask task;
    std::string listed;
    Json failures = Json::array();
    for (const auto& name : names) {
        const Index& index = cluster.indices.at(name);
        const ShardCounts counts = cluster.shard_counts(index, now);
        bytes += index.primary_store_bytes;
        total += index.primaries * (1 + index.replicas);
        successful += counts.active;
        if (index.forcemerge_failure) {
            failures.push_back(shard_failure(index, *index.forcemerge_failure));
            --successful;
        }
        task.targets.emplace_back(name, index.uuid);
        listed += (listed.empty() ? "" : ", ") + name;
    }
    const double gib = static_cast<double>(bytes) / 1073741824.0;
    const auto duration = std::chrono::milliseconds(
        static_cast<std::int64_t>(gib * static_cast<double>(cluster.forcemerge_millis_per_gib)));
    task.id = cluster.next_task_id++;
    task.description = "Force-merge indices [" + listed + "], maxSegments[" + std::to_string(max_segments) +
                       "], onlyExpungeDeletes[" + (expunge ? "true" : "false") + "], flush[" +
                       (flush ? "true" : "false") + "]";
    task.start_epoch_millis = epoch_millis_now();
    task.start = now;
    task.end = now + duration;
    task.max_num_segments = max_segments;
    task.only_expunge_deletes = expunge;
    task.stores_result = !wait;
    Json shards = Json::object();
    shards["total"] = total;
    shards["successful"] = successful;
    shards["failed"] = static_cast<std::int64_t>(failures.size());
    if (failures.size() > 0) {
        shards["failures"] = std::move(failures);
    }
    task.response = Json::object();
    task.response["_shards"] = shards;
    const std::int64_t id = task.id;
    const Clock::time_point end = task.end;
    cluster.tasks.emplace(id, std::move(task));
    cluster.advance(now);

    if (!wait) {
        Json body = Json::object();
        body["task"] = cluster.node_id + ":" + std::to_string(id);
        return json_reply(std::move(body));
    }
    Json response = cluster.tasks.at(id).response;
    guard.unlock();
    while (Clock::now() < end && !call.stopping()) {
        std::this_thread::sleep_for(std::min<Clock::duration>(end - Clock::now(), std::chrono::milliseconds(20)));
    }
    guard = call.lock();
    return json_reply(std::move(response));
}

}  // namespace aliasing::sim
