#pragma once
/// How one cluster of a several-cluster run is reached (docs/multi-cluster.md N2, N4). For every setting the
/// cluster's own word wins: its clusters-file section, then its ALIASING_<NAME>_… variables, then the command line
/// (--ca-file, --insecure, --aws-*), then the process-wide variables (AWS_REGION, AWS_*). Credentials are never
/// mixed: a section naming any credential (or signing) hides the ALIASING_<NAME>_ credential variables, a section
/// naming an AWS profile or credentials file hides the AWS_* keys, and a section naming a user or an API key is
/// not signed by --aws-sigv4 / ALIASING_AWS_SIGV4. --insecure skips verification only for clusters without a CA
/// of their own (ca_file or ALIASING_<NAME>_CA_FILE). A `--cluster NAME=URL` cluster has only its URL as its own.

#include "aliasing/cluster/aws_signing.hpp"
#include "aliasing/cluster/connection_file.hpp"
#include "aliasing/cluster/connection_options.hpp"

#include <optional>
#include <string>

namespace aliasing {

/// One cluster and what is its own: a clusters-file section (settings.path is that file), or for
/// `--cluster NAME=URL` only its nodes (settings.path empty).
struct ClusterSettings {
    std::string name;
    cluster::ConnectionFile settings;
};

/// What the command line gives every cluster.
struct CommonConnectionFlags {
    std::optional<std::string> ca_file;  ///< --ca-file
    bool insecure = false;               ///< --insecure
    cluster::AwsSigningFlags aws;        ///< --aws-sigv4, --aws-region, --aws-service
};

/// Where the cluster was given, to start its messages: "--cluster NAME" or "clusters file F: cluster [NAME]".
std::string cluster_origin(const ClusterSettings& cluster);

/// The cluster's connection. Usage errors start with cluster_origin() and ": ".
Result<cluster::ConnectionOptions> cluster_connection_options(const ClusterSettings& cluster,
                                                              const CommonConnectionFlags& flags,
                                                              const cluster::GetEnv& environment);

}  // namespace aliasing
