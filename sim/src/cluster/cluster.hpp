#pragma once
// The simulated cluster's state: indices with shards, sizes, segments and aliases; force-merge tasks; settings.
// Plain data guarded by one mutex held by the caller (see SimState).

#include "aliasing/sim/json.hpp"
#include "cluster/version.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aliasing::sim {

using Clock = std::chrono::steady_clock;

/// Only the properties that are set appear in GET _alias (a plain alias is {}).
struct AliasProps {
    std::optional<Json> filter;
    std::optional<std::string> index_routing;
    std::optional<std::string> search_routing;
    std::optional<bool> is_write_index;
    std::optional<bool> is_hidden;

    Json to_json() const;
    friend bool operator==(const AliasProps& left, const AliasProps& right);
};

/// A stored document (the lock documents of a later feature use these).
struct Document {
    Json source;
    std::int64_t seq_no = 0;
    std::int64_t primary_term = 1;
    std::int64_t version = 1;
    bool deleted = false;  ///< a tombstone keeps the version so that re-creating continues from it
};

struct Index {
    std::string name;
    std::string uuid;
    std::int64_t creation_date_millis = 0;
    bool open = true;
    bool hidden = false;
    int primaries = 1;
    int replicas = 1;
    std::int64_t docs = 0;
    std::int64_t docs_deleted = 0;
    std::int64_t primary_store_bytes = 0;  ///< all primaries together
    std::int64_t segments_per_shard = 0;   ///< per primary shard; replicas mirror it
    /// index.sim.forcemerge_failure: a force-merge fails on primary shard 0 with this reason (and merges nothing)
    std::optional<std::string> forcemerge_failure;
    std::map<std::string, AliasProps> aliases;
    Json extra_settings = Json::object();  ///< other settings by flat key ("index.refresh_interval") as strings
    /// A replica increase is "allocating" until this point; active replicas meanwhile = allocating_from.
    Clock::time_point replicas_ready_at{};
    int allocating_from = 0;
    std::map<std::string, Document> documents;
    std::int64_t next_seq_no = 0;
};

/// Per-index shard counts as cluster health and _cat report them.
struct ShardCounts {
    int active_primary = 0;
    int active = 0;
    int relocating = 0;
    int initializing = 0;
    int unassigned = 0;
    int active_replicas = 0;  ///< per primary shard
};

enum class Health { green, yellow, red };
std::string_view health_name(Health health);

struct ForceMergeTask {
    std::int64_t id = 0;
    std::string description;
    std::int64_t start_epoch_millis = 0;
    Clock::time_point start{};
    Clock::time_point end{};
    std::vector<std::pair<std::string, std::string>> targets;  ///< index name, uuid
    std::int64_t max_num_segments = -1;
    bool only_expunge_deletes = false;
    bool stores_result = false;  ///< wait_for_completion=false tasks keep their result (the .tasks index)
    bool completed = false;
    Json response;
};

struct Cluster {
    Version version;
    int data_nodes = 3;
    std::uint64_t forcemerge_millis_per_gib = 0;
    std::uint64_t replica_delay_millis = 0;
    std::optional<bool> destructive_requires_name;  ///< unset = the version's default
    std::optional<std::string> auto_create_index;   ///< action.auto_create_index; unset = true
    std::string cluster_name = "aliasing-sim";
    std::string cluster_uuid;
    std::string node_id;
    std::string node_name = "sim-node-1";
    std::map<std::string, Index> indices;
    std::map<std::int64_t, ForceMergeTask> tasks;
    std::int64_t next_task_id = 1;
    bool tasks_index_exists = false;

    /// Completes force-merges and replica allocations whose time has come.
    void advance(Clock::time_point now);
    ShardCounts shard_counts(const Index& index, Clock::time_point now) const;
    Health index_health(const Index& index, Clock::time_point now) const;
    bool requires_name_for_destructive() const
    {
        return destructive_requires_name.value_or(!version.is_7x());
    }
    /// Index names that carry this alias, sorted.
    std::vector<std::string> indices_with_alias(const std::string& alias) const;
    bool alias_exists(const std::string& alias) const;
};

/// A random 22-character URL-safe base64 id like Elasticsearch's UUIDs.
std::string random_uuid();
/// A random 22-character id made of word characters only (node ids must match ^\w+$ in task ids).
std::string random_word_id();
std::int64_t epoch_millis_now();

}  // namespace aliasing::sim
