#pragma once
/// A connection file (`--connection FILE` / ALIASING_CONNECTION): the cluster's nodes, CA file, the files
/// holding the credentials and the timeouts, so a systemd unit or a cron line carries one path instead of a
/// dozen variables. INI (`key = value`) or JSON (`{"key": value}`, the first non-blank byte is `{`), read
/// through Poco's configuration classes. Secrets are only ever named by file path, never written inline, and
/// the file itself is refused when its group or others may read it.
///
/// Keys: nodes (comma-separated, or a JSON array), ca_file, username, username_file, password_file,
/// api_key_file, connect_timeout, tls_handshake_timeout, read_timeout (seconds). Reserved for SigV4 (Amazon
/// OpenSearch Service), accepted as names but refused until signing exists: sigv4_region, sigv4_service,
/// sigv4_profile.

#include "aliasing/cluster/connection_options.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace aliasing::cluster {

struct ConnectionFile {
    std::string path;
    std::vector<std::string> nodes;
    std::string ca_file;
    std::optional<std::string> username, username_file, password_file, api_key_file;
    std::optional<std::chrono::milliseconds> connect_timeout, tls_handshake_timeout, read_timeout;
};

/// Reads and validates the file. Usage errors name the file and the key: unreadable, readable by
/// group/others, an unknown key (with the close one), an inline secret, a reserved SigV4 key, a bad timeout.
Result<ConnectionFile> load_connection_file(const std::filesystem::path& path);

/// The environment as connection_options_from() should see it with `file` in force: the file's nodes and
/// credentials stand in for ALIASING_ES_URL and the ALIASING_ES_* credential variables (all of those are
/// hidden when the file names any credential, so the two never mix).
GetEnv with_connection_file(const ConnectionFile& file, GetEnv environment);

/// Applies the file's timeouts to options built by connection_options_from().
void apply_connection_file(const ConnectionFile& file, ConnectionOptions& options);

}  // namespace aliasing::cluster
