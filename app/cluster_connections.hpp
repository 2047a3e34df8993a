#pragma once
// Several clusters: `--cluster NAME=URL` (repeatable) or a clusters file (`--clusters FILE`, ALIASING_CLUSTERS), one
// connection per named cluster (aliasing/multi/cluster_connection.hpp says which setting wins).

#include "command_line.hpp"

#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "aliasing/pipeline/run_log.hpp"

#include <string>
#include <vector>

namespace aliasing::cli {

struct ClusterClient {
    std::string name;
    cluster::EsClient client;
};

/// Usage errors of combining --cluster or a clusters file with each other, with the single-cluster connection
/// (--es-url, --connection / ALIASING_CONNECTION), with offline input or with a command that does not take them;
/// empty when the line is fine.
std::optional<Error> cluster_option_problem(const CommandLine& line);

/// Connects to every cluster, sorted by name: the clusters file's sections, or the --cluster URLs.
Result<std::vector<ClusterClient>> connect_clusters(const CommandLine& line, RunLog& log,
                                                    const cluster::TransportHooks& hooks);

}  // namespace aliasing::cli
