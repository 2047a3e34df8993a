#pragma once
// One client connection: reads requests, hands them to the handler, writes answers, honours keep-alive.

#include "http/http_message.hpp"
#include "http/http_server.hpp"

#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <memory>

namespace aliasing::sim {

class HttpConnection : public Poco::Net::TCPServerConnection {
public:
    HttpConnection(const Poco::Net::StreamSocket& socket, RequestHandler handler,
                   std::shared_ptr<ConnectionStats> stats);
    void run() override;

private:
    enum class ReadResult { request, closed };
    ReadResult read_request(HttpRequest& request);
    bool fill(std::size_t minimum_more);
    bool read_body(HttpRequest& request);
    void write_response(const HttpRequest& request, const HttpResponse& response, bool keep_alive);

    RequestHandler m_handler;
    std::shared_ptr<ConnectionStats> m_stats;
    std::string m_buffer;
};

class HttpConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    HttpConnectionFactory(RequestHandler handler, std::shared_ptr<ConnectionStats> stats)
        : m_handler(std::move(handler)), m_stats(std::move(stats))
    {
    }
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new HttpConnection(socket, m_handler, m_stats);
    }

private:
    RequestHandler m_handler;
    std::shared_ptr<ConnectionStats> m_stats;
};

}  // namespace aliasing::sim
