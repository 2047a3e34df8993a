#pragma once
// The state document: the same _cat/indices and GET _alias bodies `aliasing plan` reads, plus version and node
// count. Loading replaces the whole cluster; dumping writes what a real cluster would answer.

#include "aliasing/sim/json.hpp"
#include "cluster/cluster.hpp"

#include <string>

namespace aliasing::sim {

/// Replaces the cluster's indices (and version / data_nodes when given). Returns "" or an error message.
std::string load_state_document(Cluster& cluster, const Json& document);
/// Loads the two bodies separately (--catalog / --aliases). `aliases` may be the 404 "alias missing" body.
std::string load_catalog_and_aliases(Cluster& cluster, const Json& catalog, const Json& aliases);
Json dump_state_document(const Cluster& cluster);

/// The optional parts of a state document beyond the catalog: "mappings" (the body of GET _mapping), "settings"
/// (the body of GET _settings; index.refresh_interval and other non-shape settings), "documents"
/// ({"index":[{"_id":..,"_source":{..}[,"_refreshed":false]}]} or {"index":{"id":{source}}}) and
/// "cat_allocation" (the body of GET _cat/allocation?format=json&bytes=b: per-node disk.total and disk.used).
/// Applied after the catalog; returns "" or an error message.
std::string load_state_extras(Cluster& cluster, const Json& document);
/// Adds the same parts (only what is set) to a dumped state document.
void dump_state_extras(const Cluster& cluster, Json& document);

/// Parses "1234", "1.5gb", "225b" into bytes; nullopt when malformed.
std::optional<std::int64_t> parse_byte_size(std::string_view text);

}  // namespace aliasing::sim
