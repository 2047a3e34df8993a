#pragma once
/// A connection file (`--connection FILE` / ALIASING_CONNECTION): the cluster's nodes, CA file, the files
/// holding the credentials and the timeouts, so a systemd unit or a cron line carries one path instead of a
/// dozen variables. INI (`key = value`) or JSON (`{"key": value}`, the first non-blank byte is `{`), read
/// through Poco's configuration classes. Secrets are only ever named by file path, never written inline, and
/// the file itself is refused when its group or others may read it.
///
/// Keys: nodes (comma-separated, or a JSON array), ca_file, username, username_file, password_file,
/// api_key_file, connect_timeout, tls_handshake_timeout, read_timeout (seconds), and SigV4 signing (Amazon
/// OpenSearch Service): sigv4_region, sigv4_service (es or aoss), sigv4_profile, sigv4_credentials_file. Any
/// sigv4_* key turns signing on, as --aws-sigv4 does; the file's region and service stand in for the
/// AWS_REGION variable, while --aws-region and --aws-service still win. A profile or credentials file replaces
/// AWS_PROFILE / AWS_SHARED_CREDENTIALS_FILE and hides AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
/// AWS_SESSION_TOKEN, so the two never mix; sigv4_region alone signs with the environment's keys. AWS secrets
/// written inline (aws_secret_access_key, aws_session_token) are refused like the others.

#include "aliasing/cluster/aws_signing.hpp"
#include "aliasing/cluster/connection_options.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace aliasing::cluster {

struct ConnectionFile {
    std::string path;  ///< the file it was read from ("" for `--cluster NAME=URL`, which has only nodes)
    std::vector<std::string> nodes;
    std::string ca_file;
    std::optional<std::string> username, username_file, password_file, api_key_file;
    std::optional<std::chrono::milliseconds> connect_timeout, tls_handshake_timeout, read_timeout;
    std::optional<std::string> sigv4_region, sigv4_service, sigv4_profile, sigv4_credentials_file;
    /// True when any sigv4_* key is given: requests are signed.
    bool signs() const { return sigv4_region || sigv4_service || sigv4_profile || sigv4_credentials_file; }
};

/// Reads and validates the file. Usage errors name the file and the key: unreadable, readable by
/// group/others, an unknown key (with the close one), an inline secret, a bad node URL, a CA or credential file
/// that cannot be read (or is empty), credentials that clash (username without password_file, basic auth with an
/// API key, either with sigv4_*), a bad timeout, an unknown sigv4_service. A clusters file
/// (aliasing/multi/clusters_file.hpp) validates each of its sections by the same code.
Result<ConnectionFile> load_connection_file(const std::filesystem::path& path);

/// The environment as connection_options_from() should see it with `file` in force: the file's nodes and
/// credentials stand in for {prefix}_URL and the {prefix}_USERNAME/_PASSWORD/_API_KEY variables and their _FILE
/// forms (all six hidden when the file names any credential or signs, so the two never mix), and its SigV4 profile
/// and credentials file stand in for AWS_PROFILE and AWS_SHARED_CREDENTIALS_FILE (hiding the AWS_* keys). The
/// prefix is ALIASING_ES, or ALIASING_<NAME> for a cluster of a clusters file.
GetEnv with_connection_file(const ConnectionFile& file, GetEnv environment, const std::string& prefix = "ALIASING_ES");

/// The command line's SigV4 flags completed by the file: signing on when it has a sigv4_* key, its region and
/// service where the command line gives none.
AwsSigningFlags signing_flags_with(const ConnectionFile& file, AwsSigningFlags flags);

/// Applies the file's timeouts to options built by connection_options_from().
void apply_connection_file(const ConnectionFile& file, ConnectionOptions& options);

}  // namespace aliasing::cluster
