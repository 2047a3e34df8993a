#include "cluster_connections.hpp"

#include "plugin_setup.hpp"

#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/multi/multi_cluster.hpp"

namespace aliasing::cli {

std::optional<Error> cluster_option_problem(const CommandLine& line) {
    if (line.clusters.empty()) return std::nullopt;
    auto usage = [](std::string message) { return make_error(ErrorKind::Usage, std::move(message)); };
    if (!line.es_urls.empty())
        return usage("--cluster and --es-url cannot be combined: name every cluster with --cluster NAME=URL "
                     "(a single --cluster is a plain single-cluster run)");
    if (connection_file_path(line))
        return usage("--cluster cannot be combined with a connection file (--connection or ALIASING_CONNECTION): give "
                     "each cluster's credentials as ALIASING_<NAME>_USERNAME/_PASSWORD or ALIASING_<NAME>_API_KEY");
    if (line.catalog || !line.aliases.empty())
        return usage("--cluster reads the clusters; --catalog and --aliases plan offline from saved bodies: use one");
    if (line.command == "rollback") return usage("rollback does not take --cluster yet: roll back each cluster on its own");
    if (auto parsed = parse_cluster_arguments(line.clusters); !parsed) return parsed.error();
    return std::nullopt;
}

Result<std::vector<ClusterClient>> connect_clusters(const CommandLine& line, RunLog& log,
                                                    const cluster::TransportHooks& hooks) {
    auto clusters = parse_cluster_arguments(line.clusters);
    if (!clusters) return clusters.error();
    const auto tls = line.insecure ? cluster::TlsVerification::Insecure : cluster::TlsVerification::Verify;
    const auto environment = cluster::process_environment();
    std::vector<ClusterClient> clients;
    bool any_https = false;
    for (const auto& cluster : *clusters) {
        const std::string prefix = cluster_variable_prefix(cluster.name);
        // A twin in another AWS region: ALIASING_<NAME>_AWS_REGION overrides --aws-region / AWS_REGION for it.
        cluster::AwsSigningFlags flags = line.aws;
        if (auto region = environment(prefix + "_AWS_REGION"); region && !region->empty()) flags.region = *region;
        auto signing = cluster::aws_signing_from(flags, environment);
        if (!signing) return make_error(signing.error().kind, "--cluster " + cluster.name + ": " + signing.error().message);
        auto options = cluster::connection_options_from({cluster.url}, line.ca_file.value_or(""), tls, environment,
                                                        prefix);
        if (!options) return make_error(options.error().kind, "--cluster " + cluster.name + ": " + options.error().message);
        if (*signing && (!options->api_key.empty() || !options->username.empty()))
            return make_error(ErrorKind::Usage, "--aws-sigv4 replaces " + prefix + "_USERNAME/" + prefix +
                                                "_API_KEY: unset them");
        options->sigv4 = *signing;
        for (const auto& url : options->urls) any_https = any_https || url.rfind("https://", 0) == 0;
        auto transport = cluster::Transport::create(*options, hooks);
        if (!transport) return make_error(transport.error().kind, "--cluster " + cluster.name + ": " +
                                                                      transport.error().message);
        clients.push_back({cluster.name, cluster::EsClient(std::move(transport).value())});
    }
    if (line.insecure) {
        log.warn("tls", any_https ? "--insecure: no cluster's TLS certificate is verified; anyone on the path can read "
                                    "and change this run's requests. Never use this in production"
                                  : "--insecure has no effect: every cluster URL is http://");
    }
    return clients;
}

}  // namespace aliasing::cli
