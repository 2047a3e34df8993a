#pragma once
/// A tiny loopback HTTP(S) server that records what it receives, for what the simulator cannot observe
/// (request headers such as Authorization) and for TLS handshakes.

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aliasing::cluster::testing {

struct RecordedRequest {
    std::string method, uri, authorization, content_type, accept, body;
};

struct CannedReply {
    int status = 200;
    std::string body = R"({"name":"rec","cluster_name":"recording","version":{"number":"8.13.4"}})";
    bool product_header = true;
};

class RecordingServer {
public:
    /// Listens on 127.0.0.1, an ephemeral port; HTTPS when `tls` is given.
    explicit RecordingServer(Poco::Net::Context::Ptr tls = nullptr);
    ~RecordingServer();

    std::uint16_t port() const { return m_port; }
    std::string url() const;
    void set_reply(CannedReply reply);
    std::vector<RecordedRequest> requests() const;
    /// TCP connections accepted so far.
    int total_connections() const { return m_server->totalConnections(); }

    struct State {
        mutable std::mutex mutex;
        CannedReply reply;
        std::vector<RecordedRequest> requests;
    };

private:
    std::shared_ptr<State> m_state;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    std::uint16_t m_port = 0;
    bool m_tls = false;
};

}  // namespace aliasing::cluster::testing
