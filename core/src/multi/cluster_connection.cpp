// One cluster's connection: its own settings, its ALIASING_<NAME>_… variables, the command line, the environment.
#include "aliasing/multi/cluster_connection.hpp"

#include "../cluster/connection_keys.hpp"

#include "aliasing/multi/multi_cluster.hpp"

namespace aliasing {

std::string cluster_origin(const ClusterSettings& cluster) {
    if (cluster.settings.path.empty()) return "--cluster " + cluster.name;
    return "clusters file " + cluster.settings.path + ": cluster [" + cluster.name + "]";
}

Result<cluster::ConnectionOptions> cluster_connection_options(const ClusterSettings& cluster,
                                                              const CommonConnectionFlags& flags,
                                                              const cluster::GetEnv& environment) {
    const cluster::ConnectionFile& own = cluster.settings;
    const std::string where = cluster_origin(cluster);
    auto fail = [&](const Error& error) { return make_error(error.kind, where + ": " + error.message); };
    const std::string prefix = cluster_variable_prefix(cluster.name);
    const bool own_credentials = own.username || own.username_file || own.password_file || own.api_key_file;

    // A section's credentials (and AWS profile) stand in for the variables; a user or API key of its own also keeps
    // the run-wide signing switch (--aws-sigv4, ALIASING_AWS_SIGV4) off this cluster: never two credentials at once.
    cluster::GetEnv file_environment = cluster::with_connection_file(own, environment, prefix);
    cluster::GetEnv env = [file_environment, own_credentials](std::string_view name) -> std::optional<std::string> {
        if (own_credentials && name == "ALIASING_AWS_SIGV4") return std::nullopt;
        return file_environment(name);
    };

    std::string ca_file = own.ca_file;
    if (ca_file.empty()) {
        const std::string variable = prefix + "_CA_FILE";
        if (auto value = env(variable); value && !value->empty()) {
            if (auto problem = cluster::file_problem(*value, false); !problem.empty())
                return make_error(ErrorKind::Usage, where + ": " + variable + ": " + problem);
            ca_file = *value;
        }
    }
    // A cluster with a CA of its own is verified against it, whatever --insecure says for the others.
    const bool own_ca = !ca_file.empty();
    if (!own_ca) ca_file = flags.ca_file.value_or("");
    const auto tls = flags.insecure && !own_ca ? cluster::TlsVerification::Insecure : cluster::TlsVerification::Verify;

    cluster::AwsSigningFlags aws = flags.aws;
    if (own_credentials) aws.sigv4 = false;
    aws.sigv4 = aws.sigv4 || own.signs();
    // A twin in another AWS region: ALIASING_<NAME>_AWS_REGION overrides --aws-region / AWS_REGION for it.
    if (auto region = env(prefix + "_AWS_REGION"); region && !region->empty()) aws.region = *region;
    if (own.sigv4_region) aws.region = own.sigv4_region;
    if (own.sigv4_service) aws.service = own.sigv4_service;
    auto signing = cluster::aws_signing_from(aws, env);
    if (!signing) return fail(signing.error());

    auto options = cluster::connection_options_from(own.nodes, ca_file, tls, env, prefix);
    if (!options) return fail(options.error());
    cluster::apply_connection_file(own, *options);
    if (*signing && (!options->api_key.empty() || !options->username.empty()))
        return make_error(ErrorKind::Usage, where + ": --aws-sigv4 replaces " + prefix + "_USERNAME/" + prefix +
                                                "_API_KEY: unset them");
    options->sigv4 = *signing;
    return options;
}

}  // namespace aliasing
