#pragma once
/// How the engine connects to the cluster: nodes, credentials, TLS, timeouts and retries (SPEC §3, §8).

#include "aliasing/cluster/sigv4.hpp"
#include "aliasing/common/result.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing::cluster {

/// Whether the server's TLS certificate is verified. Insecure is `--insecure` (the CLI warns loudly).
enum class TlsVerification { Verify, Insecure };

/// Capped exponential backoff with full jitter for transient failures (SPEC §8).
struct RetryPolicy {
    int max_attempts = 5;                               ///< attempts per request, the first one included
    std::chrono::milliseconds initial_backoff{200};     ///< cap of the sleep before the first retry
    std::chrono::milliseconds max_backoff{5000};        ///< cap of any single sleep
};

/// Everything the Transport needs. Holds secrets: never print it.
struct ConnectionOptions {
    std::vector<std::string> urls;  ///< one per node, validated (see parse_node_url)
    std::string username, password; ///< basic auth, both set or both empty
    std::string api_key;            ///< `Authorization: ApiKey <api_key>`; exclusive with basic auth
    std::string ca_file;            ///< PEM CA bundle; empty: the system CA store
    TlsVerification tls = TlsVerification::Verify;
    std::chrono::milliseconds connect_timeout{5000};       ///< TCP connect
    std::chrono::milliseconds tls_handshake_timeout{10000}; ///< https: the TLS handshake after connecting
    std::chrono::milliseconds read_timeout{60000};          ///< sending the request and each read of the response
    RetryPolicy retry;
    /// The largest response body read (response_body.hpp); a larger one fails the request without being read.
    std::uint64_t max_response_bytes = 512ULL << 20U;
    std::optional<SigV4Config> sigv4;  ///< sign every request (Amazon OpenSearch Service); exclusive with the others
};

/// Reads an environment variable; returns nullopt when unset. Injected so tests need no real environment.
using GetEnv = std::function<std::optional<std::string>(std::string_view)>;

/// Builds the options from the command line and the environment:
/// - nodes: `--es-url` values (each may be comma-separated) win over ALIASING_ES_URL (comma-separated);
/// - credentials: ALIASING_ES_USERNAME + ALIASING_ES_PASSWORD, or ALIASING_ES_API_KEY, each also readable from
///   the file named by the `*_FILE` variant (content with trailing newlines trimmed).
/// Usage errors: no URL, a malformed URL, credentials inside a URL, a user without a password (or the reverse),
/// both basic auth and an API key, a variable set both directly and as `*_FILE`, an unreadable `*_FILE`.
/// No message ever contains a secret.
Result<ConnectionOptions> connection_options_from(const std::vector<std::string>& cli_urls, const std::string& ca_file,
                                                  TlsVerification tls, const GetEnv& getenv);
/// The same with another variable prefix than ALIASING_ES: `{prefix}_URL`, `{prefix}_USERNAME`, `{prefix}_PASSWORD`,
/// `{prefix}_API_KEY` (and their `*_FILE` forms), named so in every message. Several clusters (`--cluster NAME=URL`)
/// read theirs as ALIASING_{NAME}_….
Result<ConnectionOptions> connection_options_from(const std::vector<std::string>& cli_urls, const std::string& ca_file,
                                                  TlsVerification tls, const GetEnv& getenv, const std::string& prefix);

/// The process environment, for production callers of connection_options_from.
GetEnv process_environment();

}  // namespace aliasing::cluster
