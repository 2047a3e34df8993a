// GET /_cluster/health[/{index}] (reference §9): derived health, and waits that really wait (without the lock).
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

#include <cstdio>
#include <thread>

namespace aliasing::sim {
namespace {

std::optional<Health> parse_health(const std::optional<std::string>& text)
{
    if (!text) {
        return std::nullopt;
    }
    if (*text == "green") {
        return Health::green;
    }
    if (*text == "yellow") {
        return Health::yellow;
    }
    if (*text == "red") {
        return Health::red;
    }
    throw illegal_argument("unknown cluster health status [" + *text + "]");
}

struct HealthRequest {
    std::string index_expression;
    std::optional<Health> wait_for_status;
    std::optional<std::string> wait_for_active_shards;
    std::optional<std::string> wait_for_nodes;
    bool wait_for_no_initializing = false;
    std::string level = "cluster";
    bool human = false;
};

struct Snapshot {
    Json body;
    bool satisfied = false;
};

Json shard_level(const Index& index, const ShardCounts& counts, Health health)
{
    Json shards = Json::object();
    const int per_primary_unassigned = counts.unassigned / std::max(1, index.primaries);
    const int per_primary_initializing = counts.initializing / std::max(1, index.primaries);
    for (int shard = 0; shard < index.primaries; ++shard) {
        Json entry = Json::object();
        entry["status"] = health_name(health);
        entry["primary_active"] = true;
        entry["active_shards"] = 1 + counts.active_replicas;
        entry["relocating_shards"] = 0;
        entry["initializing_shards"] = per_primary_initializing;
        entry["unassigned_shards"] = per_primary_unassigned;
        shards[std::to_string(shard)] = std::move(entry);
    }
    return shards;
}

bool nodes_condition(const std::string& condition, int nodes)
{
    auto number_after = [&](std::size_t skip) { return std::atoi(condition.c_str() + skip); };
    if (condition.rfind(">=", 0) == 0) {
        return nodes >= number_after(2);
    }
    if (condition.rfind("<=", 0) == 0) {
        return nodes <= number_after(2);
    }
    if (condition.rfind('>', 0) == 0) {
        return nodes > number_after(1);
    }
    if (condition.rfind('<', 0) == 0) {
        return nodes < number_after(1);
    }
    return nodes == number_after(0);
}

Snapshot take_snapshot(const Cluster& cluster, const HealthRequest& request, Clock::time_point now)
{
    bool all_exist = true;
    std::vector<std::string> names;
    if (request.index_expression.empty()) {
        for (const auto& [name, index] : cluster.indices) {
            names.push_back(name);
        }
    } else {
        ResolveOptions lenient;
        lenient.ignore_unavailable = true;
        names = resolve_indices(cluster, request.index_expression, lenient);
        ResolveOptions strict;
        try {
            resolve_indices(cluster, request.index_expression, strict);
        } catch (const ApiError&) {
            all_exist = false;
        }
    }
    Health status = Health::green;
    int active_primary = 0;
    int active = 0;
    int initializing = 0;
    int unassigned = 0;
    Json indices = Json::object();
    for (const auto& name : names) {
        const Index& index = cluster.indices.at(name);
        const ShardCounts counts = cluster.shard_counts(index, now);
        const Health health = cluster.index_health(index, now);
        status = std::max(status, health);
        active_primary += counts.active_primary;
        active += counts.active;
        initializing += counts.initializing;
        unassigned += counts.unassigned;
        if (request.level != "cluster") {
            Json entry = Json::object();
            entry["status"] = health_name(health);
            entry["number_of_shards"] = index.primaries;
            entry["number_of_replicas"] = index.replicas;
            entry["active_primary_shards"] = counts.active_primary;
            entry["active_shards"] = counts.active;
            entry["relocating_shards"] = 0;
            entry["initializing_shards"] = counts.initializing;
            entry["unassigned_shards"] = counts.unassigned;
            if (request.level == "shards") {
                entry["shards"] = shard_level(index, counts, health);
            }
            indices[name] = std::move(entry);
        }
    }
    if (!all_exist) {
        status = Health::red;
    }
    Snapshot snapshot;
    snapshot.satisfied = all_exist;
    if (request.wait_for_status) {
        snapshot.satisfied = snapshot.satisfied && status <= *request.wait_for_status;
    }
    if (request.wait_for_no_initializing) {
        snapshot.satisfied = snapshot.satisfied && initializing == 0;
    }
    if (request.wait_for_active_shards) {
        const std::string& wanted = *request.wait_for_active_shards;
        if (wanted == "all") {
            snapshot.satisfied = snapshot.satisfied && initializing == 0 && unassigned == 0;
        } else {
            snapshot.satisfied = snapshot.satisfied && active >= std::atoi(wanted.c_str());
        }
    }
    if (request.wait_for_nodes) {
        snapshot.satisfied = snapshot.satisfied && nodes_condition(*request.wait_for_nodes, cluster.data_nodes);
    }
    const int all_shards = active + initializing + unassigned;
    const double percent = all_shards == 0 ? 100.0 : 100.0 * active / all_shards;
    Json& body = snapshot.body;
    body = Json::object();
    body["cluster_name"] = cluster.cluster_name;
    body["status"] = health_name(status);
    body["timed_out"] = false;
    body["number_of_nodes"] = cluster.data_nodes;
    body["number_of_data_nodes"] = cluster.data_nodes;
    if (cluster.version.opensearch()) {
        body["discovered_master"] = true;
        if (cluster.version.at_least(2, 0)) {
            body["discovered_cluster_manager"] = true;
        }
    }
    body["active_primary_shards"] = active_primary;
    body["active_shards"] = active;
    body["relocating_shards"] = 0;
    body["initializing_shards"] = initializing;
    body["unassigned_shards"] = unassigned;
    if (cluster.version.at_least(8, 16)) {
        body["unassigned_primary_shards"] = 0;
    }
    body["delayed_unassigned_shards"] = 0;
    body["number_of_pending_tasks"] = 0;
    body["number_of_in_flight_fetch"] = 0;
    if (request.human) {
        body["task_max_waiting_in_queue"] = "0s";
    }
    body["task_max_waiting_in_queue_millis"] = 0;
    if (request.human) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%.1f%%", percent);
        body["active_shards_percent"] = std::string(buffer);
    }
    body["active_shards_percent_as_number"] = percent;
    if (request.level != "cluster") {
        body["indices"] = std::move(indices);
    }
    return snapshot;
}

}  // namespace

Reply handle_cluster_health(Call& call)
{
    HealthRequest request;
    request.index_expression = call.var("index");
    request.wait_for_status = parse_health(call.param("wait_for_status"));
    request.wait_for_active_shards = call.param("wait_for_active_shards");
    request.wait_for_nodes = call.param("wait_for_nodes");
    request.wait_for_no_initializing = call.flag("wait_for_no_initializing_shards", false);
    call.flag("wait_for_no_relocating_shards", false);
    call.flag("local", false);
    request.human = call.flag("human", false);
    if (const auto level = call.param("level")) {
        if (*level != "cluster" && *level != "indices" && *level != "shards") {
            throw illegal_argument("No enum constant org.elasticsearch.action.admin.cluster.health."
                                   "ClusterHealthRequest.Level." + *level);
        }
        request.level = *level;
    }
    const auto timeout = call.duration("timeout", std::chrono::seconds(30)).value_or(std::chrono::hours(24));
    const auto deadline = Clock::now() + timeout;
    auto guard = call.lock();
    while (true) {
        const auto now = Clock::now();
        Snapshot snapshot = take_snapshot(call.cluster(), request, now);
        if (snapshot.satisfied) {
            return json_reply(std::move(snapshot.body));
        }
        if (now >= deadline || call.stopping()) {
            // 408 with the full body on every line (opensearch-and-es9.md §0.1: the 200 change was reverted).
            snapshot.body["timed_out"] = true;
            return json_reply(std::move(snapshot.body), 408);
        }
        guard.unlock();
        std::this_thread::sleep_for(std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(20)));
        guard = call.lock();
    }
}

}  // namespace aliasing::sim
