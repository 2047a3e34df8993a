// One HTTP exchange with one node: the kept-alive session, authentication and signing, and every way the exchange
// can fail, classified (Transport::Failure) for the retry policy in transport.cpp.
#include "aliasing/cluster/transport.hpp"

#include "aliasing/cluster/response_body.hpp"
#include "sigv4_request.hpp"
#include "tls_session.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

#include <sstream>

namespace aliasing::cluster {
namespace {

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

}  // namespace

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

}  // namespace aliasing::cluster
