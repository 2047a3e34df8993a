#pragma once
/// The only way the engine reaches Elasticsearch: kept-alive HTTP(S) sessions, one per node, with retries,
/// failover and "outcome unknown" reporting (SPEC §3, §8).

#include "aliasing/common/result.hpp"
#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/http_exchange.hpp"
#include "aliasing/cluster/node_url.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing::cluster {

/// Injected effects, so tests are fast and deterministic. Empty members get real defaults.
struct TransportHooks {
    std::function<void(std::chrono::milliseconds)> sleep;  ///< default: std::this_thread::sleep_for
    std::function<double()> random;                        ///< uniform in [0, 1); default: a seeded mt19937
};

/// Sends requests to the cluster's nodes over one kept-alive session per node, reused across requests.
///
/// Failure handling of request():
/// - connect failure (refused, connect timeout, unresolvable host): the request was not sent; retried on the next
///   node; when every attempt failed to connect the error is ErrorKind::Unreachable;
/// - TLS certificate rejected, or a TLS handshake that fails or does not complete within
///   ConnectionOptions::tls_handshake_timeout (e.g. a plain-HTTP port): ErrorKind::Unreachable at once, no retry;
/// Every phase is bounded: connect (connect_timeout), TLS handshake (tls_handshake_timeout), sending the request
/// and each read of the response (read_timeout, or the per-request override).
/// - 429 (rejected before execution): retried with backoff (but a 429 with `X-Timed-Out: true`, Elasticsearch 9.x's
///   elapsed server timeout, is Outcome::Unknown for Replay::OutcomeUnknownIsError like a 502/503/504); when exhausted, StepFailed with the cluster's error
///   type and reason. 502, 503, 504: the same for Replay::Safe; for Replay::OutcomeUnknownIsError they are
///   StepFailed with Outcome::Unknown at once, because a proxy or coordinating node may answer them after the
///   change was applied (repeating a must_exist swap would then wrongly report the alias as moved);
/// - connection reset, dropped or read timeout after sending: Replay::Safe retries; Replay::OutcomeUnknownIsError
///   returns StepFailed with Outcome::Unknown at once;
/// - a reused keep-alive socket that fails before any byte of the response (a stale socket): a Safe request is
///   repeated once on a fresh socket without counting as an attempt.
/// - a response body larger than ConnectionOptions::max_response_bytes (512 MiB by default; a larger declared
///   Content-Length is refused before reading, chunked and close-delimited bodies are counted as they arrive):
///   StepFailed at once, no retry; Outcome::Unknown for Replay::OutcomeUnknownIsError;
/// - a body shorter than its Content-Length, or broken chunked encoding: like a connection failure after sending.
/// Redirects are not followed. Other statuses (including ≥ 400) are returned as responses. Every session is closed by close() and by the
/// destructor. No message contains credentials. Not thread-safe: use one Transport per thread.
class Transport {
public:
    /// Validates the node URLs and builds the TLS context; connects lazily on the first request.
    static Result<Transport> create(const ConnectionOptions& options, TransportHooks hooks = {});

    Transport(Transport&&) noexcept;
    Transport& operator=(Transport&&) noexcept;
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;
    ~Transport();

    /// Sends one request; `path_and_query` starts with '/' and is already percent-encoded. `read_timeout`
    /// overrides the options' read timeout for this request (long synchronous force-merges, health waits).
    Result<HttpResponse> request(Method method, std::string_view path_and_query, std::string_view body,
                                        Replay replay,
                                        std::optional<std::chrono::milliseconds> read_timeout = std::nullopt);

    /// Closes every node's socket. Later requests reconnect.
    void close();

    /// HTTP requests put on the wire so far (retries included).
    std::uint64_t requests_sent() const { return m_requests_sent; }

    /// The longest node base path (e.g. "/es"), for computing request line lengths.
    const std::string& longest_base_path() const { return m_longest_base_path; }

    /// The node URLs, safe to print.
    std::vector<std::string> node_names() const;

private:
    struct Node {
        NodeUrl url;
        Poco::Net::Context::Ptr tls;  ///< https only: this node's context (verifies its host name)
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        bool reused = false;  ///< the open socket already carried a complete exchange
        std::chrono::steady_clock::time_point last_used{};
    };
    /// Connect: never sent. BeforeResponse: writing failed on a reused socket (not delivered). NoResponse: sent,
    /// then EOF/reset before any byte of the response. AfterSend: sent, then a timeout or a broken response.
    /// TlsHandshake: connected, but the TLS handshake failed or timed out (often a plain-HTTP port).
    /// TooLarge: the body exceeded max_response_bytes.
    enum class Failure { None, Connect, TlsRejected, TlsHandshake, BeforeResponse, NoResponse, AfterSend, TooLarge };
    struct Attempt {
        Failure failure = Failure::None;
        HttpResponse response;
        std::string detail;        ///< what went wrong, no secrets
        bool on_reused_socket = false;
    };

    Transport(ConnectionOptions options, std::vector<Node> nodes, TransportHooks hooks);
    Attempt attempt(Node& node, Method method, std::string_view path_and_query, std::string_view body,
                    std::chrono::milliseconds read_timeout);
    Poco::Net::HTTPClientSession& session_for(Node& node, std::chrono::milliseconds read_timeout);
    void reset(Node& node);

    ConnectionOptions m_options;
    std::vector<Node> m_nodes;
    std::size_t m_current = 0;
    TransportHooks m_hooks;
    std::unique_ptr<std::mt19937_64> m_rng;
    std::uint64_t m_requests_sent = 0;
    std::string m_longest_base_path;
};

}  // namespace aliasing::cluster
