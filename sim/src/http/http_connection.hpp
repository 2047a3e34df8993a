#pragma once
// One client connection: reads requests, hands them to the handler, writes answers, honours keep-alive.

#include "http/http_message.hpp"
#include "http/http_server.hpp"

#include <Poco/Net/StreamSocket.h>

#include <memory>

namespace aliasing::sim {

class HttpConnection {
public:
    HttpConnection(Poco::Net::StreamSocket socket, RequestHandler handler, std::shared_ptr<ConnectionStats> stats);
    /// Serves requests until the client closes, the server stops, or an answer ends the connection.
    void run();

private:
    enum class ReadResult { request, closed };
    ReadResult read_request(HttpRequest& request);
    bool fill(std::size_t minimum_more);
    bool read_body(HttpRequest& request);
    void write_response(const HttpRequest& request, const HttpResponse& response, bool keep_alive);
    Poco::Net::StreamSocket& socket() { return m_socket; }

    Poco::Net::StreamSocket m_socket;
    RequestHandler m_handler;
    std::shared_ptr<ConnectionStats> m_stats;
    std::string m_buffer;
};

}  // namespace aliasing::sim
