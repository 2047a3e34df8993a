#pragma once
// A minimal HTTP/1.1 server on Poco sockets, one thread per client connection. Written by hand rather than with
// Poco::Net::HTTPServer so the simulator controls every byte: Elasticsearch's 4096-byte request-line limit
// (Poco's own URI limit would answer first, with its own body), closing a connection without an answer,
// keep-alive, an exact count of open client connections, and a prompt stop.

#include "http/http_message.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

namespace Poco::Net {
class ServerSocket;
}

namespace aliasing::sim {

/// Counters shared between the server and its connections.
struct ConnectionStats {
    std::atomic<std::int64_t> open{0};
    std::atomic<std::int64_t> total{0};
    std::atomic<bool> stopping{false};
};

class HttpServer {
public:
    explicit HttpServer(RequestHandler handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds host:port (0 = any free port), starts serving, returns the bound port. Throws Poco exceptions on failure.
    std::uint16_t start(const std::string& host, std::uint16_t port);
    /// Stops accepting, closes idle keep-alive connections and waits for the running requests to finish.
    void stop();
    bool running() const { return m_acceptor.joinable(); }
    std::int64_t open_connections() const { return m_stats->open.load(); }
    std::int64_t total_connections() const { return m_stats->total.load(); }
    /// Set by stop(); long waits inside handlers poll it so that stopping never hangs.
    const std::atomic<bool>& stopping() const { return m_stats->stopping; }

private:
    void accept_loop();

    RequestHandler m_handler;
    std::shared_ptr<ConnectionStats> m_stats;
    std::unique_ptr<Poco::Net::ServerSocket> m_socket;
    std::thread m_acceptor;
    std::uint16_t m_port = 0;
};

}  // namespace aliasing::sim
