#pragma once
// `--cluster NAME=URL` (repeatable): one connection per named cluster, credentials from ALIASING_<NAME>_… variables.

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

/// Usage errors of combining --cluster with the single-cluster connection (--es-url, --connection /
/// ALIASING_CONNECTION) or with a command that does not take it; empty when the line is fine.
std::optional<Error> cluster_option_problem(const CommandLine& line);

/// Connects to every cluster, sorted by name. --ca-file, --insecure and --aws-sigv4 apply to each.
Result<std::vector<ClusterClient>> connect_clusters(const CommandLine& line, RunLog& log,
                                                    const cluster::TransportHooks& hooks);

}  // namespace aliasing::cli
