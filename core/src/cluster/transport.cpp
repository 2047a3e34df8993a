#include "aliasing/cluster/transport.hpp"

#include "aliasing/cluster/backoff.hpp"
#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/response_body.hpp"
#include "aliasing/cluster/tls_context.hpp"
#include "sigv4_request.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/StreamCopier.h>

#include <sstream>
#include <thread>

namespace aliasing::cluster {
namespace {

bool is_transient_status(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

Poco::Timespan to_timespan(std::chrono::milliseconds duration) {
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(duration.count()) * 1000);
}

bool is_certificate_rejection(const Poco::Exception& e) {
    if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&e) != nullptr) return true;
    if (dynamic_cast<const Poco::Net::InvalidCertificateException*>(&e) != nullptr) return true;
    return e.displayText().find("certificate verify failed") != std::string::npos;
}

/// An HTTPS session whose every (re)connection completes the TLS handshake within its own timeout: left to Poco,
/// the handshake happens lazily on the first write and waits as long as the peer stays silent — forever when the
/// port serves plain HTTP and its server waits for the rest of a request line.
class BoundedTlsSession : public Poco::Net::HTTPSClientSession {
public:
    BoundedTlsSession(const std::string& host, Poco::UInt16 port, Poco::Net::Context::Ptr context,
                      std::chrono::milliseconds handshake_timeout)
        : HTTPSClientSession(host, port, std::move(context)), m_handshake_timeout(handshake_timeout) {}

    /// Why the last connection's handshake failed; empty when it did not.
    const std::string& handshake_failure() const { return m_handshake_failure; }
    void clear_handshake_failure() { m_handshake_failure.clear(); }

protected:
    void connect(const Poco::Net::SocketAddress& address) override {
        m_handshake_failure.clear();
        Poco::Net::SecureStreamSocket secure(socket());
        secure.setLazyHandshake(true);  // connect only; the handshake below is the only one, and it is bounded
        HTTPSClientSession::connect(address);
        const Poco::Timespan receive = secure.getReceiveTimeout();
        const Poco::Timespan send = secure.getSendTimeout();
        // A stalled handshake read waits out the socket timeout, then Poco polls once more for as long.
        const auto half = std::max(m_handshake_timeout / 2, std::chrono::milliseconds(1));
        secure.setReceiveTimeout(to_timespan(half));
        secure.setSendTimeout(to_timespan(half));
        try {
            secure.completeHandshake();
        } catch (const Poco::TimeoutException&) {
            m_handshake_failure = "no TLS answer within " + std::to_string(m_handshake_timeout.count()) + " ms";
            throw;
        } catch (const Poco::Net::SSLException& e) {
            m_handshake_failure = e.displayText();
            throw;
        } catch (const Poco::Net::ConnectionResetException& e) {
            m_handshake_failure = e.displayText();
            throw;
        }
        secure.setReceiveTimeout(receive);
        secure.setSendTimeout(send);
    }

private:
    std::chrono::milliseconds m_handshake_timeout;
    std::string m_handshake_failure;
};

std::string handshake_message(const std::string& where, const std::string& why) {
    return where + ": TLS handshake failed (" + why +
           "); the port may be serving plain HTTP: if so, use http:// in --es-url/ALIASING_ES_URL";
}

/// The status code as sent. Not getStatus(): a code outside Poco's HTTPStatus enumerators (say 750) makes that load
/// undefined behaviour (found by fuzz_es_client under UBSan); Poco's own write() prints the stored number.
int status_code(const Poco::Net::HTTPResponse& response) {
    std::ostringstream head;
    response.write(head);  // "HTTP/1.1 750 Reason\r\n..."
    const std::string text = head.str();
    const std::size_t space = text.find(' ');
    return space == std::string::npos ? 0 : std::atoi(text.c_str() + space + 1);
}

std::string with_hint(const std::string& detail, std::chrono::milliseconds read_timeout) {
    return detail + " (read timeout " + std::to_string(read_timeout.count()) + " ms)";
}

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

Poco::Net::HTTPClientSession& Transport::session_for(Node& node, std::chrono::milliseconds read_timeout) {
    if (!node.session) {
        if (node.url.scheme == Scheme::Https) {
            node.session = std::make_unique<BoundedTlsSession>(node.url.host, node.url.port, node.tls,
                                                               m_options.tls_handshake_timeout);
        } else {
            node.session = std::make_unique<Poco::Net::HTTPClientSession>(node.url.host, node.url.port);
        }
        node.session->setKeepAlive(true);
        node.reused = false;
    }
    node.session->setTimeout(to_timespan(m_options.connect_timeout), to_timespan(read_timeout),
                             to_timespan(read_timeout));
    return *node.session;
}

Transport::Attempt Transport::attempt(Node& node, Method method, std::string_view path_and_query,
                                      std::string_view body, std::chrono::milliseconds read_timeout) {
    Attempt result;
    auto& session = session_for(node, read_timeout);
    if (session.connected()) {
        // A kept-alive socket the server closed while idle is readable (EOF): drop it before sending on it.
        const bool idle_too_long =
            std::chrono::steady_clock::now() - node.last_used >
            std::chrono::microseconds(session.getKeepAliveTimeout().totalMicroseconds());
        bool readable = true;
        try {
            readable = session.socket().poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ);
        } catch (...) {
        }
        if (idle_too_long || readable || !node.reused) reset(node);
    }
    const bool was_connected = session.connected();
    result.on_reused_socket = was_connected;

    Poco::Net::HTTPRequest request(std::string(method_name(method)), node.url.base_path + std::string(path_and_query),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    request.set("Accept", "application/json");
    if (!m_options.api_key.empty()) {
        request.set("Authorization", "ApiKey " + m_options.api_key);
    } else if (!m_options.username.empty()) {
        Poco::Net::HTTPBasicCredentials(m_options.username, m_options.password).authenticate(request);
    }
    if (!body.empty()) request.setContentType("application/json");
    if (!body.empty() || method == Method::Post || method == Method::Put) {
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    if (m_options.sigv4) sign_request(request, node.url, body, *m_options.sigv4);

    const std::string where = node.url.to_string();
    try {
        ++m_requests_sent;
        std::ostream& out = session.sendRequest(request);
        if (!body.empty()) {
            out.exceptions(std::ios::badbit);
            out.write(body.data(), static_cast<std::streamsize>(body.size()));
            out.flush();
        }
    } catch (const Poco::Exception& e) {
        const auto* tls = dynamic_cast<const BoundedTlsSession*>(node.session.get());
        const std::string handshake = tls ? tls->handshake_failure() : std::string();
        reset(node);
        if (is_certificate_rejection(e)) {
            result.failure = Failure::TlsRejected;
            result.detail = where + ": " + e.displayText();
        } else if (!handshake.empty()) {
            result.failure = Failure::TlsHandshake;
            result.detail = handshake_message(where, handshake);
        } else {
            result.failure = was_connected ? Failure::BeforeResponse : Failure::Connect;
            result.detail = where + ": " + e.displayText();
        }
        return result;
    } catch (const std::exception& e) {
        reset(node);
        result.failure = was_connected ? Failure::BeforeResponse : Failure::Connect;
        result.detail = where + ": " + e.what();
        return result;
    }

    Poco::Net::HTTPResponse response;
    std::istream* in = nullptr;
    try {
        in = &session.receiveResponse(response);
    } catch (const Poco::TimeoutException& e) {
        reset(node);
        result.failure = Failure::AfterSend;
        result.detail = where + ": no response: " + with_hint(e.displayText(), read_timeout);
        return result;
    } catch (const Poco::Exception& e) {
        reset(node);
        // Poco completes the TLS handshake lazily, so a handshake failure on a new connection may surface only
        // here. No HTTP request was delivered then: classify it like the same failure while sending.
        if (!was_connected && dynamic_cast<const Poco::Net::SSLException*>(&e) != nullptr) {
            if (is_certificate_rejection(e)) {
                result.failure = Failure::TlsRejected;
                result.detail = where + ": TLS handshake failed: " + e.displayText();
            } else {
                result.failure = Failure::TlsHandshake;
                result.detail = handshake_message(where, e.displayText());
            }
            return result;
        }
        const bool nothing_received = dynamic_cast<const Poco::Net::NoMessageException*>(&e) != nullptr ||
                                      dynamic_cast<const Poco::Net::ConnectionResetException*>(&e) != nullptr;
        result.failure = nothing_received ? Failure::NoResponse : Failure::AfterSend;
        result.detail = where + ": connection failed before the response: " + e.displayText();
        return result;
    } catch (const std::exception& e) {
        reset(node);
        result.failure = Failure::AfterSend;
        result.detail = where + ": " + e.what();
        return result;
    }

    int status = 0;
    try {
        in->exceptions(std::ios::badbit);
        status = status_code(response);
        const bool body_expected = method != Method::Head && status != 204 && status != 304;
        std::optional<std::uint64_t> declared;
        if (body_expected && response.hasContentLength()) {
            if (response.getContentLength64() < 0) throw Poco::IOException("negative Content-Length");
            declared = static_cast<std::uint64_t>(response.getContentLength64());
        }
        const BodyRead read = read_bounded_body(*in, declared, m_options.max_response_bytes, result.response.body);
        if (read.problem == BodyProblem::Truncated) throw Poco::IOException(read.detail);
        if (read.problem == BodyProblem::TooLarge) {
            reset(node);
            result.response.body.clear();
            result.failure = Failure::TooLarge;
            result.detail = where + ": " + read.detail;
            return result;
        }
    } catch (const Poco::Exception& e) {
        reset(node);
        result.failure = Failure::AfterSend;
        result.detail = where + ": reading the response failed: " +
                        (dynamic_cast<const Poco::TimeoutException*>(&e) ? with_hint(e.displayText(), read_timeout)
                                                                          : e.displayText());
        return result;
    } catch (const std::exception& e) {
        reset(node);
        result.failure = Failure::AfterSend;
        result.detail = where + ": reading the response failed: " + e.what();
        return result;
    }

    result.response.status = status;
    result.response.content_type = response.getContentType();
    result.response.elastic_product_header = response.get("X-Elastic-Product", "") == "Elasticsearch";
    result.response.timed_out_header = response.get("X-Timed-Out", "") == "true";
    if (response.getKeepAlive()) {
        node.reused = true;
        node.last_used = std::chrono::steady_clock::now();
    } else {
        reset(node);
    }
    return result;
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
