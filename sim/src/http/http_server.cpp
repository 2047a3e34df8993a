#include "http/http_server.hpp"

#include "http/http_connection.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <memory>

namespace aliasing::sim {

HttpServer::HttpServer(RequestHandler handler)
    : m_handler(std::move(handler)), m_stats(std::make_shared<ConnectionStats>())
{
}

HttpServer::~HttpServer()
{
    stop();
}

std::uint16_t HttpServer::start(const std::string& host, std::uint16_t port)
{
    if (m_acceptor.joinable()) {
        return m_port;
    }
    m_stats->stopping = false;
    m_socket = std::make_unique<Poco::Net::ServerSocket>();
    m_socket->bind(Poco::Net::SocketAddress(host, port), true);
    m_socket->listen(128);
    m_port = m_socket->address().port();
    m_acceptor = std::thread([this] { accept_loop(); });
    return m_port;
}

void HttpServer::accept_loop()
{
    while (!m_stats->stopping.load()) {
        try {
            if (!m_socket->poll(Poco::Timespan(10 * 1000), Poco::Net::Socket::SELECT_READ)) {
                continue;
            }
            // The connection thread owns the only handle to the socket (no reference shared with this loop).
            auto client = std::make_unique<Poco::Net::StreamSocket>(m_socket->acceptConnection());
            ++m_stats->open;
            ++m_stats->total;
            std::thread([client = std::move(client), handler = m_handler, stats = m_stats]() mutable {
                {
                    HttpConnection connection(std::move(*client), handler, stats);
                    client.reset();
                    connection.run();
                }
                --stats->open;
            }).detach();
        } catch (const Poco::Exception&) {
            // a failed accept (client gone already) is not the server's problem
        }
    }
}

void HttpServer::stop()
{
    if (!m_acceptor.joinable()) {
        return;
    }
    m_stats->stopping = true;
    m_acceptor.join();
    m_socket->close();
    // Every wait inside a handler watches `stopping` and sends time out, so this ends promptly; the connection
    // threads use the handler (and so the objects behind it) until they are done.
    while (m_stats->open.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    m_socket.reset();
}

}  // namespace aliasing::sim
