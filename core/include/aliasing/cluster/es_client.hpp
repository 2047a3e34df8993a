#pragma once
/// Typed Elasticsearch calls the pipeline needs, over the Transport. Failures carry the HTTP method, the path and
/// the cluster's own `error.type` and `error.reason`. Nothing here logs; the pipeline does.

#include "aliasing/common/result.hpp"
#include "aliasing/cluster/es_responses.hpp"
#include "aliasing/cluster/transport.hpp"
#include "aliasing/common/result.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing::cluster {

/// The `h=` columns asked from `_cat/indices`, in this order.
inline constexpr std::string_view kCatIndicesColumns =
    "health,status,index,uuid,pri,rep,docs.count,docs.deleted,store.size,pri.store.size,segments.count,"
    "pri.segments.count,creation.date";

/// A call that may change the cluster can fail with Outcome::Unknown (Result::outcome_unknown()): the caller must
/// re-read the state before deciding anything. Read-only and idempotent calls never do.
/// 401 anywhere, and 403 on info(), are ErrorKind::Unreachable ("authentication failed", exit 5).
class EsClient {
public:
    explicit EsClient(Transport transport);

    /// GET / and the product detected from it (detect_product; OpenSearch in compatibility mode also GET
    /// /_nodes/_local). A product that is neither Elasticsearch nor OpenSearch is Unreachable; so is any failure,
    /// since nothing else can run. The version is not judged here (see unsupported()).
    Result<ClusterInfo> info();

    /// The raw JSON array of `GET /_cat/indices/{pattern}?format=json&bytes=b&expand_wildcards=all&h=...`
    /// (kCatIndicesColumns). A 404 index_not_found (a concrete name that does not exist) gives "[]".
    /// Hidden::Exclude asks `expand_wildcards=open,closed`: wildcards then match no hidden index.
    enum class Hidden { Include, Exclude };
    Result<std::string> cat_indices(std::string_view pattern, Hidden hidden = Hidden::Include);

    /// GET /_cat/indices/{names}?format=json&h=health,status,index for exactly these names, chunked: each one's
    /// health and status now. A name that no longer exists is absent from the result (a chunk answered 404
    /// index_not_found is asked again one name at a time).
    Result<std::vector<IndexNow>> index_states(const std::vector<std::string>& names);

    /// The raw body of GET /_alias/{alias}. The 404 `{"error":"alias [x] missing","status":404}` is returned as is
    /// (no targets), not as an error.
    Result<std::string> get_alias(std::string_view alias);

    /// The raw body of GET /{pattern}/_alias (every alias of those indices); 404 index_not_found gives "{}".
    Result<std::string> get_index_aliases(std::string_view pattern);

    /// POST /_aliases with the given `{"actions":[...]}`. A 404 resource_not_found_exception or
    /// aliases_not_found_exception (a must_exist remove failed) is ErrorKind::AliasMoved. A dropped connection
    /// after sending, or `acknowledged:false`, is Outcome::Unknown.
    Status update_aliases(std::string_view actions_json);

    /// PUT /{indices}/_settings {"index":{"number_of_replicas":N}}, chunked.
    Status set_replicas(const std::vector<std::string>& indices, int replicas);

    /// POST /{index}/_forcemerge?max_num_segments=N&wait_for_completion=false (8.x); returns the task id.
    Result<std::string> start_forcemerge(std::string_view index, int max_num_segments);

    /// POST /{index}/_forcemerge?max_num_segments=N, waiting up to `read_timeout` (7.17 has no task mode). A read
    /// timeout is Outcome::Unknown: poll primary_segments() to see whether the merge finished. A response with
    /// `_shards.failed > 0` is an error naming each failed shard and its reason.
    Status forcemerge_sync(std::string_view index, int max_num_segments,
                                  std::chrono::milliseconds read_timeout = std::chrono::hours(6));

    /// GET /_tasks/{task_id}; a completed task's `response._shards` failures are read into shard_failures.
    Result<TaskState> get_task(std::string_view task_id);

    /// GET /_cluster/health/{indices}?wait_for_status={status}&timeout={timeout} for the given indices only,
    /// chunked, with one overall deadline. 7.x's 408 is read as timed_out. No indices: green, no request.
    Result<HealthResult> wait_for_health(const std::vector<std::string>& indices, std::string_view status,
                                         std::chrono::seconds timeout);

    /// GET /{indices}/_stats/segments,store, chunked: the primaries' segment count and store size per index.
    Result<std::vector<IndexSegments>> primary_segments(const std::vector<std::string>& indices);

    /// DELETE /{names}, explicit names only: a name that is empty, contains '*' or ',', starts with '-' or is _all
    /// is refused before anything is sent. Chunked so each request line stays under 4096 bytes.
    Status delete_indices(const std::vector<std::string>& names);
    /// The groups delete_indices() sends, one DELETE each: a caller deleting group by group can stop in between.
    std::vector<std::vector<std::string>> delete_chunks(const std::vector<std::string>& names) const {
        return chunks(names, "DELETE", "/", "");
    }

    /// Content gates (SPEC §13, gate_requests.cpp). POST /{names}/_refresh, chunked: the only write before the swap
    /// that a gate needs (counts must include every written document).
    Result<Unit> refresh(const std::vector<std::string>& names);
    /// GET /_cat/indices/{names}?format=json&h=index,docs.count for exactly these names, chunked: primary document
    /// counts now. A name that no longer exists is absent.
    Result<std::vector<std::pair<std::string, std::uint64_t>>> primary_docs(const std::vector<std::string>& names);
    /// POST /{names}/_count with `{"query": query_json}`, chunked; the sum of the chunks' counts.
    Result<std::uint64_t> count(const std::vector<std::string>& names, const std::string& query_json);
    /// GET `path` (a read: `/{index}/_mapping`, `/_cat/allocation?format=json&bytes=b`, ...): the 2xx body.
    Result<std::string> read(const std::string& path);

    /// HTTP requests put on the wire so far (retries included).
    std::uint64_t requests_sent() const { return m_transport.requests_sent(); }

    Transport& transport() { return m_transport; }

    /// Closes every connection (also done by the destructor).
    void close() { m_transport.close(); }

private:
    Result<HttpResponse> send(Method method, const std::string& path, std::string_view body, Replay replay,
                                     std::optional<std::chrono::milliseconds> read_timeout = std::nullopt);
    Error failure(Method method, const std::string& path, const HttpResponse& response,
                  ErrorKind kind = ErrorKind::StepFailed) const;
    std::vector<std::vector<std::string>> chunks(const std::vector<std::string>& names, std::string_view method,
                                                 std::string_view prefix, std::string_view suffix) const;

    Transport m_transport;
};

}  // namespace aliasing::cluster
