#include "cluster_connections.hpp"

#include "plugin_setup.hpp"

#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/common/join.hpp"
#include "aliasing/multi/cluster_connection.hpp"
#include "aliasing/multi/clusters_file.hpp"
#include "aliasing/multi/multi_cluster.hpp"

namespace aliasing::cli {
namespace {

/// The clusters and what each has of its own: a clusters file's sections, or the --cluster URLs.
Result<std::vector<ClusterSettings>> cluster_settings(const CommandLine& line) {
    if (auto path = clusters_file_path(line)) return load_clusters_file(*path);
    auto arguments = parse_cluster_arguments(line.clusters);
    if (!arguments) return arguments.error();
    std::vector<ClusterSettings> clusters;
    for (auto& argument : *arguments) {
        ClusterSettings cluster{std::move(argument.name), {}};
        cluster.settings.nodes = {std::move(argument.url)};
        clusters.push_back(std::move(cluster));
    }
    return clusters;
}

/// --insecure's warning, naming the clusters it leaves unverified when some keep a CA of their own.
void warn_insecure(RunLog& log, const std::vector<std::string>& unverified, const std::vector<std::string>& own_ca) {
    if (!unverified.empty() && own_ca.empty()) {
        log.warn("tls", "--insecure: no cluster's TLS certificate is verified; anyone on the path can read and change "
                        "this run's requests. Never use this in production");
    } else if (!unverified.empty()) {
        log.warn("tls", "--insecure: the TLS certificates of [" + join(unverified, "], [") +
                            "] are NOT verified; anyone on the path can read and change their requests. Never use "
                            "this in production. [" + join(own_ca, "], [") + "] verify against their own CA");
    } else if (own_ca.empty()) {
        log.warn("tls", "--insecure has no effect: every cluster URL is http://");
    } else {
        log.warn("tls", "--insecure has no effect: every https cluster ([" + join(own_ca, "], [") +
                            "]) verifies against its own CA (ca_file or ALIASING_<NAME>_CA_FILE)");
    }
}

}  // namespace

std::optional<Error> cluster_option_problem(const CommandLine& line) {
    const auto clusters_file = clusters_file_path(line);
    if (line.clusters.empty() && !clusters_file) return std::nullopt;
    auto usage = [](std::string message) { return make_error(ErrorKind::Usage, std::move(message)); };
    if (!line.clusters.empty() && clusters_file)
        return usage("--cluster and --clusters cannot be combined: name every cluster in the clusters file, or every "
                     "one with --cluster NAME=URL");
    const std::string given = !line.clusters.empty() ? "--cluster" : line.clusters_file ? "--clusters" : "ALIASING_CLUSTERS";
    if (!line.es_urls.empty())
        return usage(clusters_file ? "--clusters and --es-url cannot be combined: the clusters file names every "
                                     "cluster's nodes"
                                   : "--cluster and --es-url cannot be combined: name every cluster with --cluster "
                                     "NAME=URL (a single --cluster is a plain single-cluster run)");
    if (connection_file_path(line))
        return usage(given + " cannot be combined with a connection file (--connection or ALIASING_CONNECTION): " +
                     (clusters_file ? "a clusters file's sections take the connection file's keys, one per cluster"
                                    : "give each cluster's credentials as ALIASING_<NAME>_USERNAME/_PASSWORD or "
                                      "ALIASING_<NAME>_API_KEY, or describe the clusters in a clusters file (--clusters)"));
    if (line.catalog || !line.aliases.empty())
        return usage(given + " reads the clusters; --catalog and --aliases plan offline from saved bodies: use one");
    if (line.command == "rollback")
        return usage("rollback does not take several clusters yet (" + given + "): roll back each cluster on its own" +
                     (line.clusters_file || !line.clusters.empty() ? "" : " with --es-url or --connection"));
    if (!line.clusters.empty())
        if (auto parsed = parse_cluster_arguments(line.clusters); !parsed) return parsed.error();
    return std::nullopt;
}

Result<std::vector<ClusterClient>> connect_clusters(const CommandLine& line, RunLog& log,
                                                    const cluster::TransportHooks& hooks) {
    auto clusters = cluster_settings(line);
    if (!clusters) return clusters.error();
    const CommonConnectionFlags flags{line.ca_file, line.insecure, line.aws};
    const auto environment = cluster::process_environment();
    std::vector<ClusterClient> clients;
    std::vector<std::string> unverified, own_ca;
    for (const auto& cluster : *clusters) {
        auto options = cluster_connection_options(cluster, flags, environment);
        if (!options) return options.error();
        const bool https = std::any_of(options->urls.begin(), options->urls.end(),
                                       [](const std::string& url) { return url.rfind("https://", 0) == 0; });
        if (https && options->tls == cluster::TlsVerification::Insecure) unverified.push_back(cluster.name);
        if (https && line.insecure && options->tls == cluster::TlsVerification::Verify) own_ca.push_back(cluster.name);
        auto transport = cluster::Transport::create(*options, hooks);
        if (!transport) return make_error(transport.error().kind, cluster_origin(cluster) + ": " +
                                                                      transport.error().message);
        clients.push_back({cluster.name, cluster::EsClient(std::move(transport).value())});
    }
    if (line.insecure) warn_insecure(log, unverified, own_ca);
    return clients;
}

}  // namespace aliasing::cli
