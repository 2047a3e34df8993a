#pragma once
// A running in-process simulator plus a keep-alive HTTP client (Poco::Net::HTTPClientSession) for tests.

#include "aliasing/sim/json.hpp"
#include "aliasing/sim/server.hpp"

#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace aliasing::sim {
/// Lets GoogleTest print Json values in failure messages.
inline void PrintTo(const Json& value, std::ostream* out)
{
    *out << value.dump();
}
}  // namespace aliasing::sim

namespace aliasing::sim::test {

struct HttpResult {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    Json json;  ///< the parsed body, null when empty or not JSON

    /// The first header with this name (case-insensitive), "" when absent.
    std::string header(const std::string& name) const;
};

/// Parses a JSON literal written in a test; fails the test when it is not JSON.
Json J(std::string_view text);

class SimTest : public ::testing::Test {
protected:
    /// Override to start with other options.
    virtual ServerOptions options() const { return ServerOptions{}; }
    void SetUp() override;
    void TearDown() override;

    HttpResult request(const std::string& method, const std::string& target, const std::string& body = "",
                       const std::string& content_type = "application/json",
                       const std::vector<std::pair<std::string, std::string>>& headers = {});
    HttpResult get(const std::string& target) { return request("GET", target); }
    HttpResult put(const std::string& target, const std::string& body = "") { return request("PUT", target, body); }
    HttpResult post(const std::string& target, const std::string& body = "") { return request("POST", target, body); }
    HttpResult del(const std::string& target) { return request("DELETE", target); }
    HttpResult head(const std::string& target) { return request("HEAD", target); }

    /// Creates an index through the API (PUT /{name}) with shards, replicas and sim sizes; asserts success.
    void create_index(const std::string& name, int shards = 1, int replicas = 1, long long store_bytes = 1000,
                      long long docs = 10, int segments_per_shard = 5, const std::string& aliases = "{}");

    std::unique_ptr<Server> m_server;
    std::unique_ptr<Poco::Net::HTTPClientSession> m_session;
};

/// The same fixture, impersonating Elasticsearch 7.17.
class Sim717Test : public SimTest {
protected:
    ServerOptions options() const override
    {
        ServerOptions given;
        given.version = "7.17.9";
        return given;
    }
};

/// Sends `GET path` on another thread (a request the server will hold), then checks that stop() returns within
/// 2 s rather than waiting for the request to finish.
void expect_prompt_stop_with_request_in_flight(Server& server, std::uint16_t port, const std::string& path);

}  // namespace aliasing::sim::test
