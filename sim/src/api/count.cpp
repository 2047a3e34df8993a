// GET|POST /[{index}/]_count: the number of searchable (refreshed) documents matching a query, as Elasticsearch
// 8.x answers it: {"count":N,"_shards":{"total":P,"successful":P,"skipped":0,"failed":0}} with P the primary
// shards searched. The body is {"query":{...}} (cluster/query.hpp: the subset evaluated); `q` takes "*" or
// "field:value". Without a query, or with match_all, an index counts docs.count; other queries are evaluated on
// its stored documents (when docs.count is larger, the stored ones stand for the index: a sample), so an index
// whose documents are only counted (state "docs.count" without any stored "documents") cannot answer them
// (400, said plainly) rather than answer a made-up number.
#include "api/handlers.hpp"
#include "cluster/query.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

Json count_query(const Call& call)
{
    const Json body = call.body();
    Json query = Json::parse(R"({"match_all":{}})").value_or(Json());
    if (const auto q = call.param("q")) {
        query = query_from_q(*q);
    }
    if (body.is_null()) {
        return query;
    }
    if (!body.is_object()) {
        throw full_error(400, "parsing_exception", "request body or source parameter is required");
    }
    for (const auto& [key, value] : body.as_object()) {
        if (key != "query") {
            throw full_error(400, "parsing_exception", "request does not support [" + key + "]");
        }
        query = value;
    }
    check_query(query);
    return query;
}

std::int64_t stored_searchable(const Index& index)
{
    std::int64_t stored = 0;
    for (const auto& [id, document] : index.documents) {
        stored += !document.deleted && document.refreshed ? 1 : 0;
    }
    return stored;
}

}  // namespace

Reply handle_count(Call& call)
{
    const ResolveOptions options = broadcast_resolve_options(call);
    call.flag("ignore_throttled", true);
    call.flag("analyze_wildcard", false);
    call.flag("lenient", false);
    const Json query = count_query(call);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto now = Clock::now();
    std::int64_t count = 0;
    std::int64_t shards = 0;
    for (const auto& name : resolve_indices(cluster, call.var("index"), options)) {
        const Index& index = cluster.indices.at(name);
        if (!index.open) {
            continue;
        }
        if (cluster.shard_counts(index, now).active_primary < index.primaries) {
            throw full_error(503, "search_phase_execution_exception", "all shards failed",
                             {{"phase", "query"}, {"grouped", true}, {"failed_shards", Json::array()}});
        }
        shards += index.primaries;
        if (is_match_all(query)) {
            count += index.docs;
            continue;
        }
        if (index.docs > 0 && stored_searchable(index) == 0) {
            throw illegal_argument("aliasing-sim: index [" + name + "] has " + std::to_string(index.docs) +
                                   " documents that are only counted, none stored, so only match_all can be "
                                   "counted on it; give it stored \"documents\" in the state document or index "
                                   "them through _doc");
        }
        for (const auto& [id, document] : index.documents) {
            if (!document.deleted && document.refreshed && query_matches(query, document.source, index.mappings)) {
                ++count;
            }
        }
    }
    Json shard_body = Json::object();
    shard_body["total"] = shards;
    shard_body["successful"] = shards;
    shard_body["skipped"] = 0;
    shard_body["failed"] = 0;
    Json body = Json::object();
    body["count"] = count;
    body["_shards"] = std::move(shard_body);
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
