#include "cluster/cluster.hpp"

#include <algorithm>
#include <random>

namespace aliasing::sim {

Json AliasProps::to_json() const
{
    Json out = Json::object();
    if (filter) {
        out["filter"] = *filter;
    }
    if (index_routing) {
        out["index_routing"] = *index_routing;
    }
    if (search_routing) {
        out["search_routing"] = *search_routing;
    }
    if (is_write_index) {
        out["is_write_index"] = *is_write_index;
    }
    if (is_hidden) {
        out["is_hidden"] = *is_hidden;
    }
    return out;
}

bool operator==(const AliasProps& left, const AliasProps& right)
{
    return left.to_json() == right.to_json();
}

std::string_view health_name(Health health)
{
    switch (health) {
    case Health::green: return "green";
    case Health::yellow: return "yellow";
    case Health::red: return "red";
    }
    return "red";
}

void Cluster::advance(Clock::time_point now)
{
    for (auto& [id, task] : tasks) {
        if (task.completed || now < task.end) {
            continue;
        }
        task.completed = true;
        for (const auto& [name, uuid] : task.targets) {
            auto found = indices.find(name);
            if (found == indices.end() || found->second.uuid != uuid || !found->second.open ||
                found->second.forcemerge_failure) {
                continue;
            }
            Index& index = found->second;
            if (task.max_num_segments > 0) {
                index.segments_per_shard = std::min(index.segments_per_shard, task.max_num_segments);
                if (task.max_num_segments == 1) {
                    index.docs_deleted = 0;  // merging down to one segment drops every deleted document
                }
            }
            if (task.only_expunge_deletes) {
                index.docs_deleted = 0;
            }
        }
        if (task.stores_result) {
            tasks_index_exists = true;
        }
    }
    for (auto& [name, index] : indices) {
        if (index.replicas_ready_at != Clock::time_point{} && now >= index.replicas_ready_at) {
            index.replicas_ready_at = Clock::time_point{};
        }
    }
}

ShardCounts Cluster::shard_counts(const Index& index, Clock::time_point now) const
{
    ShardCounts counts;
    if (data_nodes <= 0) {
        counts.unassigned = index.primaries * (1 + index.replicas);
        return counts;
    }
    const int assignable = std::min(index.replicas, data_nodes - 1);
    int active_replicas = assignable;
    int initializing_replicas = 0;
    if (index.replicas_ready_at != Clock::time_point{} && now < index.replicas_ready_at &&
        index.allocating_from < assignable) {
        active_replicas = std::max(0, index.allocating_from);
        initializing_replicas = assignable - active_replicas;
    }
    counts.active_primary = index.primaries;
    counts.active_replicas = active_replicas;
    counts.active = index.primaries * (1 + active_replicas);
    counts.initializing = index.primaries * initializing_replicas;
    counts.unassigned = index.primaries * (index.replicas - assignable);
    return counts;
}

Health Cluster::index_health(const Index& index, Clock::time_point now) const
{
    const ShardCounts counts = shard_counts(index, now);
    if (counts.active_primary < index.primaries) {
        return Health::red;
    }
    if (counts.unassigned > 0 || counts.initializing > 0) {
        return Health::yellow;
    }
    return Health::green;
}

std::vector<std::string> Cluster::indices_with_alias(const std::string& alias) const
{
    std::vector<std::string> names;
    for (const auto& [name, index] : indices) {
        if (index.aliases.count(alias) != 0) {
            names.push_back(name);
        }
    }
    return names;
}

bool Cluster::alias_exists(const std::string& alias) const
{
    return std::any_of(indices.begin(), indices.end(),
                       [&](const auto& entry) { return entry.second.aliases.count(alias) != 0; });
}

namespace {

std::string random_from(std::string_view alphabet)
{
    thread_local std::mt19937_64 engine{std::random_device{}()};
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string out;
    for (int i = 0; i < 22; ++i) {
        out.push_back(alphabet[pick(engine)]);
    }
    return out;
}

}  // namespace

std::string random_uuid()
{
    return random_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}

std::string random_word_id()
{
    return random_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
}

std::int64_t epoch_millis_now()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace aliasing::sim
