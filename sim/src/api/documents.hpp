#pragma once
// Writing and deleting one document, shared by the single-document APIs (documents.cpp) and _bulk (bulk.cpp).
// The caller holds the cluster lock; failures throw ApiError (version conflicts, strict mappings, closed or
// not-auto-creatable indices).

#include "aliasing/sim/json.hpp"
#include "cluster/cluster.hpp"

#include <optional>
#include <string>

namespace aliasing::sim {

enum class WriteMode { create_only, index };

/// if_seq_no / if_primary_term of an optimistic-concurrency write or delete.
struct Conditions {
    std::optional<std::int64_t> if_seq_no;
    std::optional<std::int64_t> if_primary_term;
};

/// The status and body Elasticsearch answers for one document operation.
struct DocOutcome {
    int status = 200;
    Json body;
};

/// Indexes `source` as `id` in `target` (an index, or an alias with one write index; auto-created when allowed).
DocOutcome write_one(Cluster& cluster, const std::string& target, const std::string& id, const Json& source,
                     WriteMode mode, const Conditions& conditions, bool refresh_now);
/// Deletes `id` from `target`: 200 "deleted" or 404 "not_found".
DocOutcome delete_one(Cluster& cluster, const std::string& target, const std::string& id, const Conditions& conditions);

}  // namespace aliasing::sim
