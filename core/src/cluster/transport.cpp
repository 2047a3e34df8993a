// The transport's policy over single exchanges (transport_attempt.cpp): retries with backoff, failover between
// nodes, and which failures leave a change's outcome unknown.
#include "aliasing/cluster/transport.hpp"

#include "aliasing/cluster/backoff.hpp"
#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/tls_context.hpp"

#include <thread>

namespace aliasing::cluster {
namespace {

bool is_transient_status(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

// A change sent without a usable answer: it may or may not have been applied, so it is not repeated blindly.
Error unknown_outcome(const std::string& shown, const std::string& what) {
    return unknown_outcome_error(ErrorKind::StepFailed, shown + ": the outcome is unknown: " + what +
                                                            "; the request may or may not have been applied: re-read "
                                                            "the cluster state before repeating it");
}

}  // namespace

Result<Transport> Transport::create(const ConnectionOptions& options, TransportHooks hooks) {
    if (options.urls.empty()) {
        return make_error(ErrorKind::Usage, "no cluster URL: pass --es-url or set ALIASING_ES_URL");
    }
    if (options.retry.max_attempts < 1) {
        return make_error(ErrorKind::Usage, "retry.max_attempts must be at least 1");
    }
    std::vector<Node> nodes;
    for (const auto& url : options.urls) {
        auto parsed = parse_node_url(url);
        if (!parsed) return parsed.error();
        Node node{std::move(*parsed), nullptr, nullptr, false, {}};
        if (node.url.scheme == Scheme::Https) {
            auto made = make_tls_context(options, node.url.host);
            if (!made) return made.error();
            node.tls = *made;
        }
        nodes.push_back(std::move(node));
    }
    return Transport(options, std::move(nodes), std::move(hooks));
}

Transport::Transport(ConnectionOptions options, std::vector<Node> nodes, TransportHooks hooks)
    : m_options(std::move(options)), m_nodes(std::move(nodes)), m_hooks(std::move(hooks)) {
    for (const auto& node : m_nodes) {
        if (node.url.base_path.size() > m_longest_base_path.size()) m_longest_base_path = node.url.base_path;
    }
    if (!m_hooks.sleep) {
        m_hooks.sleep = [](std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); };
    }
    if (!m_hooks.random) {
        m_rng = std::make_unique<std::mt19937_64>(std::random_device{}());
        m_hooks.random = [rng = m_rng.get()] { return std::uniform_real_distribution<double>(0.0, 1.0)(*rng); };
    }
}

Transport::Transport(Transport&&) noexcept = default;
Transport& Transport::operator=(Transport&& other) noexcept {
    if (this != &other) {
        close();
        m_options = std::move(other.m_options);
        m_nodes = std::move(other.m_nodes);
        m_current = other.m_current;
        m_hooks = std::move(other.m_hooks);
        m_rng = std::move(other.m_rng);
        m_requests_sent = other.m_requests_sent;
        m_longest_base_path = std::move(other.m_longest_base_path);
    }
    return *this;
}

Transport::~Transport() { close(); }

void Transport::close() {
    for (auto& node : m_nodes) reset(node);
}

void Transport::reset(Node& node) {
    if (node.session) {
        try {
            node.session->reset();
        } catch (...) {
            // closing a broken socket can throw; the descriptor is released either way
        }
    }
    node.reused = false;
}

std::vector<std::string> Transport::node_names() const {
    std::vector<std::string> out;
    for (const auto& node : m_nodes) out.push_back(node.url.to_string());
    return out;
}

Result<HttpResponse> Transport::request(Method method, std::string_view path_and_query,
                                               std::string_view body, Replay replay,
                                               std::optional<std::chrono::milliseconds> read_timeout) {
    const auto timeout = read_timeout.value_or(m_options.read_timeout);
    const std::string shown = std::string(method_name(method)) + " " + path_for_message(path_and_query);
    const int max_attempts = m_options.retry.max_attempts;
    std::vector<bool> connect_failed(m_nodes.size(), false);
    bool only_connect_failures = true;
    bool fresh_socket_retry_used = false;
    bool sleep_first = false;
    int attempts = 0;
    int retries = 0;
    std::string last_detail;

    while (true) {
        if (sleep_first) {
            ++retries;
            m_hooks.sleep(backoff_delay(m_options.retry, retries, m_hooks.random()));
        }
        const std::size_t node_index = m_current;
        Attempt outcome = attempt(m_nodes[node_index], method, path_and_query, body, timeout);
        const bool stale_socket = outcome.on_reused_socket &&
                                  (outcome.failure == Failure::BeforeResponse ||
                                   (outcome.failure == Failure::NoResponse && replay == Replay::Safe));
        if (stale_socket && !fresh_socket_retry_used) {
            fresh_socket_retry_used = true;
            sleep_first = false;
            continue;  // a stale keep-alive socket: once more on a fresh one, not counted as an attempt
        }
        ++attempts;
        switch (outcome.failure) {
            case Failure::None:
                if (!is_transient_status(outcome.response.status)) return std::move(outcome.response);
                if (replay == Replay::OutcomeUnknownIsError &&
                    (outcome.response.status != 429 || outcome.response.timed_out_header)) {
                    // 429 is a rejection before execution, unless it says X-Timed-Out (Elasticsearch 9.x: the
                    // server's timeout elapsed, the change may still be applied); a 502/503/504 can come from a proxy
                    // or a coordinating node after the change was applied, so repeating it blindly could fail or
                    // double-apply it.
                    return unknown_outcome(shown, "the node answered " + describe_status(outcome.response));
                }
                only_connect_failures = false;
                last_detail = describe_status(outcome.response);
                if (attempts >= max_attempts) {
                    return make_error(ErrorKind::StepFailed,
                                      shown + " failed after " + std::to_string(attempts) +
                                          " attempts: " + last_detail +
                                          "; the cluster is overloaded or unavailable, nothing was changed by this "
                                          "request; rerun later");
                }
                sleep_first = true;
                continue;
            case Failure::TooLarge:
                if (replay == Replay::OutcomeUnknownIsError) {
                    return unknown_outcome(shown, outcome.detail);
                }
                return make_error(ErrorKind::StepFailed, shown + ": " + outcome.detail +
                                                             " (max_response_bytes); nothing was changed by this "
                                                             "request; is this an Elasticsearch node?");
            case Failure::TlsRejected:
                return make_error(ErrorKind::Unreachable,
                                  "TLS verification failed for " + outcome.detail +
                                      "; pass --ca-file with the CA that signed the cluster's certificate (or "
                                      "--insecure to skip verification, not recommended)");
            case Failure::TlsHandshake:
                // Retrying a port that does not speak TLS only multiplies the wait.
                return make_error(ErrorKind::Unreachable, "cannot reach the cluster: " + shown + ": " + outcome.detail);
            case Failure::Connect:
            case Failure::BeforeResponse:
                connect_failed[node_index] = true;
                break;
            case Failure::NoResponse:
            case Failure::AfterSend:
                if (replay == Replay::OutcomeUnknownIsError) {
                    return unknown_outcome(shown, outcome.detail);
                }
                only_connect_failures = false;
                break;
        }
        last_detail = outcome.detail;
        if (attempts >= max_attempts) break;
        m_current = (m_current + 1) % m_nodes.size();
        // Fail over to a node not yet refused during this request at once; otherwise back off first.
        sleep_first = !(outcome.failure == Failure::Connect && !connect_failed[m_current]);
    }
    if (only_connect_failures) {
        return make_error(ErrorKind::Unreachable,
                          "cannot reach the cluster: " + shown + " failed to connect " + std::to_string(attempts) +
                              " times; last error: " + last_detail +
                              "; check --es-url/ALIASING_ES_URL, the network and that Elasticsearch is running");
    }
    return make_error(ErrorKind::StepFailed, shown + " failed after " + std::to_string(attempts) +
                                                 " attempts; last error: " + last_detail +
                                                 "; the cluster is safe, rerun later");
}

}  // namespace aliasing::cluster
