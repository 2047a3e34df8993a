#pragma once
/// A clusters file (`--clusters FILE` / ALIASING_CLUSTERS, docs/multi-cluster.md N4): the clusters of a
/// several-cluster run, one section each, so a primary with its own CA and a DR twin on Amazon OpenSearch Service
/// in another region are described in one private file. INI (`[primary]` sections of `key = value`) or JSON
/// (`{"primary": {...}, "dr": {...}}`, the first non-blank byte is `{`). Each section takes exactly a connection
/// file's keys (aliasing/cluster/connection_file.hpp) with the same validation, and must name its nodes; section
/// names follow --cluster's rules. Refused, like a connection file, when group or others may read it.

#include "aliasing/multi/cluster_connection.hpp"

#include <filesystem>
#include <vector>

namespace aliasing {

/// Reads and validates FILE: the clusters sorted by name (the order of locking and swapping). Usage errors name the
/// file, the cluster and the key ("clusters file F: cluster [dr]: node is not a known key; did you mean nodes?"):
/// every problem of a connection file, a key outside any section, a section that is not an object (JSON) or has no
/// nodes, a bad or repeated cluster name, no cluster at all.
Result<std::vector<ClusterSettings>> load_clusters_file(const std::filesystem::path& path);

}  // namespace aliasing
