#include "http/http_server.hpp"

#include "http/http_connection.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerParams.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <thread>

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
    if (m_server) {
        return m_server->port();
    }
    m_stats->stopping = false;
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(host, port), true);
    socket.listen(128);
    auto params = Poco::makeAuto<Poco::Net::TCPServerParams>();
    params->setMaxThreads(64);
    params->setMaxQueued(256);
    m_pool = std::make_unique<Poco::ThreadPool>(2, 66);
    m_server = std::make_unique<Poco::Net::TCPServer>(
        Poco::makeShared<HttpConnectionFactory>(m_handler, m_stats), *m_pool, socket, params);
    m_server->start();
    return m_server->port();
}

void HttpServer::stop()
{
    if (!m_server) {
        return;
    }
    m_stats->stopping = true;
    m_server->stop();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (m_stats->open.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_pool->joinAll();
    m_server.reset();
    m_pool.reset();
}

}  // namespace aliasing::sim
