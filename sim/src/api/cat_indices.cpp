// GET /_cat/indices[/{index}] (reference §2).
#include "api/cat_table.hpp"
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

#include <cstdio>
#include <ctime>

namespace aliasing::sim {
namespace {

std::vector<CatColumn> indices_columns(const Version& version)
{
    std::vector<CatColumn> columns{
        {"health", {"h"}, true, CellKind::text},
        {"status", {"s"}, true, CellKind::text},
        {"index", {"i", "idx"}, true, CellKind::text},
        {"uuid", {"id", "uuid"}, true, CellKind::text},
        {"pri", {"p", "shards.primary", "shardsPrimary"}, true, CellKind::number},
        {"rep", {"r", "shards.replica", "shardsReplica"}, true, CellKind::number},
        {"docs.count", {"dc", "docsCount"}, true, CellKind::number},
        {"docs.deleted", {"dd", "docsDeleted"}, true, CellKind::number},
        {"creation.date", {"cd"}, false, CellKind::number},
        {"creation.date.string", {"cds"}, false, CellKind::text},
        {"store.size", {"ss", "storeSize"}, true, CellKind::bytes},
        {"pri.store.size", {}, true, CellKind::bytes},
        {"dataset.size", {}, version.at_least(8, 11), CellKind::bytes},
        {"segments.count", {"sc", "segmentsCount"}, false, CellKind::number},
        {"pri.segments.count", {}, false, CellKind::number},
        {"pri.docs.count", {}, false, CellKind::number},
        {"segments.memory", {"sm", "segmentsMemory"}, false, CellKind::bytes},
    };
    return columns;
}

std::string iso_date(std::int64_t millis)
{
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(millis % 1000));
    return buffer;
}

CatRow index_row(const Cluster& cluster, const Index& index, Clock::time_point now)
{
    const ShardCounts counts = cluster.shard_counts(index, now);
    const std::int64_t copies = 1 + counts.active_replicas;
    const std::int64_t primary_segments = index.primaries * index.segments_per_shard;
    CatRow row;
    row.push_back(text_cell(std::string(health_name(cluster.index_health(index, now)))));
    row.push_back(text_cell(index.open ? "open" : "close"));
    row.push_back(text_cell(index.name));
    row.push_back(text_cell(index.uuid));
    row.push_back(number_cell(index.primaries));
    row.push_back(number_cell(index.replicas));
    if (index.open) {
        row.push_back(number_cell(index.docs));
        row.push_back(number_cell(index.docs_deleted));
    } else {
        row.push_back(null_cell());
        row.push_back(null_cell());
    }
    row.push_back(number_cell(index.creation_date_millis));
    row.push_back(text_cell(iso_date(index.creation_date_millis)));
    if (index.open) {
        row.push_back(number_cell(index.primary_store_bytes * copies));
        row.push_back(number_cell(index.primary_store_bytes));
        row.push_back(number_cell(index.primary_store_bytes));
        row.push_back(number_cell(primary_segments * copies));
        row.push_back(number_cell(primary_segments));
        row.push_back(number_cell(index.docs));
        row.push_back(number_cell(0));
    } else {
        for (int i = 0; i < 7; ++i) {
            row.push_back(null_cell());
        }
    }
    return row;
}

}  // namespace

Reply handle_cat_indices(Call& call)
{
    std::optional<Health> wanted;
    if (const auto health = call.param("health")) {
        if (*health == "green") {
            wanted = Health::green;
        } else if (*health == "yellow") {
            wanted = Health::yellow;
        } else if (*health == "red") {
            wanted = Health::red;
        } else {
            throw illegal_argument("unknown cluster health status [" + *health + "]");
        }
    }
    ResolveOptions options;
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    call.flag("v", false);
    call.flag("pri", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto names = resolve_indices(cluster, call.var("index"), options);
    const auto now = Clock::now();
    std::vector<CatRow> rows;
    for (const auto& name : names) {
        const Index& index = cluster.indices.at(name);
        if (wanted && cluster.index_health(index, now) != *wanted) {
            continue;
        }
        rows.push_back(index_row(cluster, index, now));
    }
    return render_cat_table(call, indices_columns(cluster.version), std::move(rows));
}

}  // namespace aliasing::sim
