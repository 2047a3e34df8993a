#include "recording_server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace aliasing::cluster::testing {
namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<RecordingServer::State> state) : m_state(std::move(state)) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        RecordedRequest recorded{request.getMethod(), request.getURI(), request.get("Authorization", ""),
                                 request.get("Content-Type", ""), request.get("Accept", ""), {}};
        Poco::StreamCopier::copyToString(request.stream(), recorded.body);
        CannedReply reply;
        {
            std::lock_guard lock(m_state->mutex);
            m_state->requests.push_back(recorded);
            reply = m_state->reply;
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
        response.setContentType("application/json");
        if (reply.product_header) response.set("X-Elastic-Product", "Elasticsearch");
        response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
        response.send() << reply.body;
    }

private:
    std::shared_ptr<RecordingServer::State> m_state;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<RecordingServer::State> state) : m_state(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(m_state);
    }

private:
    std::shared_ptr<RecordingServer::State> m_state;
};

}  // namespace

RecordingServer::RecordingServer(Poco::Net::Context::Ptr tls) : m_state(std::make_shared<State>()), m_tls(!tls.isNull()) {
    const Poco::Net::SocketAddress address("127.0.0.1", 0);
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(4);
    if (tls) {
        Poco::Net::SecureServerSocket socket(address, 64, tls);
        m_port = socket.address().port();
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(m_state), socket, params);
    } else {
        Poco::Net::ServerSocket socket(address);
        m_port = socket.address().port();
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(m_state), socket, params);
    }
    m_server->start();
}

RecordingServer::~RecordingServer() { m_server->stopAll(true); }

std::string RecordingServer::url() const {
    return std::string(m_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port);
}

void RecordingServer::set_reply(CannedReply reply) {
    std::lock_guard lock(m_state->mutex);
    m_state->reply = std::move(reply);
}

std::vector<RecordedRequest> RecordingServer::requests() const {
    std::lock_guard lock(m_state->mutex);
    return m_state->requests;
}

}  // namespace aliasing::cluster::testing
