// GET /[{index}/]_stats[/{metric}] (reference §11).
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

struct Totals {
    std::int64_t docs = 0;
    std::int64_t deleted = 0;
    std::int64_t bytes = 0;
    std::int64_t segments = 0;

    void add(const Totals& other)
    {
        docs += other.docs;
        deleted += other.deleted;
        bytes += other.bytes;
        segments += other.segments;
    }
};

Json stats_section(const Totals& totals, const std::vector<std::string>& metrics)
{
    const auto wanted = [&](std::string_view metric) {
        return metrics.empty() || std::find(metrics.begin(), metrics.end(), metric) != metrics.end() ||
               std::find(metrics.begin(), metrics.end(), "_all") != metrics.end();
    };
    Json section = Json::object();
    if (wanted("docs")) {
        section["docs"]["count"] = totals.docs;
        section["docs"]["deleted"] = totals.deleted;
    }
    if (wanted("store")) {
        section["store"]["size_in_bytes"] = totals.bytes;
        section["store"]["total_data_set_size_in_bytes"] = totals.bytes;
        section["store"]["reserved_in_bytes"] = 0;
    }
    if (wanted("segments")) {
        Json segments = Json::object();
        segments["count"] = totals.segments;
        segments["memory_in_bytes"] = 0;
        segments["terms_memory_in_bytes"] = 0;
        segments["stored_fields_memory_in_bytes"] = 0;
        segments["term_vectors_memory_in_bytes"] = 0;
        segments["norms_memory_in_bytes"] = 0;
        segments["points_memory_in_bytes"] = 0;
        segments["doc_values_memory_in_bytes"] = 0;
        segments["index_writer_memory_in_bytes"] = 0;
        segments["version_map_memory_in_bytes"] = 0;
        segments["fixed_bit_set_memory_in_bytes"] = 0;
        segments["max_unsafe_auto_id_timestamp"] = -1;
        segments["file_sizes"] = Json::object();
        section["segments"] = std::move(segments);
    }
    return section;
}

}  // namespace

Reply handle_stats(Call& call)
{
    std::string level = "indices";
    if (const auto given = call.param("level")) {
        if (*given != "cluster" && *given != "indices" && *given != "shards") {
            throw illegal_argument("level parameter must be one of [cluster] or [indices] or [shards] but was [" +
                                   *given + "]");
        }
        level = *given;
    }
    const bool unloaded = call.flag("include_unloaded_segments", false);
    call.flag("include_segment_file_sizes", false);
    call.flag("forbid_closed_indices", true);
    const std::vector<std::string> metrics = split_list(call.var("metric"));
    for (const auto& metric : metrics) {
        static const char* const known[] = {"_all", "docs", "store", "segments", "indexing", "get", "search", "merge",
                                            "refresh", "flush", "warmer", "query_cache", "fielddata", "completion",
                                            "translog", "request_cache", "recovery", "bulk", "shard_stats",
                                            "dense_vector", "sparse_vector", "mappings"};
        if (std::find(std::begin(known), std::end(known), metric) == std::end(known)) {
            throw illegal_argument("request [" + call.request().path + "] contains unrecognized metric: [" + metric +
                                   "]");
        }
    }
    ResolveOptions options;
    options.expand = ExpandWildcards{true, false, false};
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto names = resolve_indices(cluster, call.var("index"), options);
    const auto now = Clock::now();
    Totals all_primaries;
    Totals all_total;
    int shards_total = 0;
    int shards_ok = 0;
    Json indices = Json::object();
    for (const auto& name : names) {
        const Index& index = cluster.indices.at(name);
        const ShardCounts counts = cluster.shard_counts(index, now);
        const std::int64_t copies = 1 + counts.active_replicas;
        Totals primaries;
        if (index.open || unloaded) {
            primaries = Totals{index.docs, index.docs_deleted, index.primary_store_bytes,
                               index.primaries * index.segments_per_shard};
        }
        if (!index.open) {
            primaries.docs = 0;
            primaries.deleted = 0;
            primaries.bytes = 0;
        }
        const Totals total{primaries.docs * copies, primaries.deleted * copies, primaries.bytes * copies,
                           primaries.segments * copies};
        all_primaries.add(primaries);
        all_total.add(total);
        shards_total += index.primaries * (1 + index.replicas);
        shards_ok += counts.active;
        Json entry = Json::object();
        entry["uuid"] = index.uuid;
        if (!cluster.version.is_7x()) {
            entry["health"] = health_name(cluster.index_health(index, now));
            entry["status"] = index.open ? "open" : "close";
        }
        entry["primaries"] = stats_section(primaries, metrics);
        entry["total"] = stats_section(total, metrics);
        indices[name] = std::move(entry);
    }
    Json body = Json::object();
    body["_shards"]["total"] = shards_total;
    body["_shards"]["successful"] = shards_ok;
    body["_shards"]["failed"] = 0;
    body["_all"]["primaries"] = stats_section(all_primaries, metrics);
    body["_all"]["total"] = stats_section(all_total, metrics);
    if (level != "cluster") {
        body["indices"] = std::move(indices);
    }
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
