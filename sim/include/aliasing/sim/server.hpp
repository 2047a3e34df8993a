#pragma once
/// aliasing-sim: an in-memory Elasticsearch REST simulator on loopback (SPEC §11, sim/README.md).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace aliasing::sim {

/// How the simulated cluster starts; every field but host/port can be changed live with PUT /_sim/config.
struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;            ///< 0 = pick a free port
    std::string distribution = "elasticsearch";  ///< or "opensearch"
    std::string version = "8.15.0";    ///< "7.17.x" selects 7.17 behaviour; OpenSearch 1.x-3.x
    bool override_main_response_version = false;  ///< OpenSearch compatibility mode: GET / reads 7.10.2
    int data_nodes = 3;
    std::uint64_t forcemerge_millis_per_gib = 0;  ///< simulated force-merge duration
    std::uint64_t replica_delay_millis = 0;       ///< yellow -> green delay after a replica increase
    std::string aws_sigv4;   ///< "ACCESS_KEY_ID:SECRET": verify every request's SigV4 signature (403 when bad)
    std::string aws_region;  ///< the region signatures must be scoped to (with aws_sigv4)
    std::string basic_auth;  ///< "USER:PASSWORD": demand this basic auth on every API request (401 otherwise)
};

/// The simulator: an HTTP server on host:port serving the Elasticsearch API and the /_sim/ test controls.
class Server {
public:
    /// Throws std::invalid_argument when options.version is not a simulated line (7.10-7.17, 8.x, 9.x; OpenSearch
    /// 1.x-3.x).
    explicit Server(ServerOptions options);
    ~Server();  ///< stops if running
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Starts serving; returns the bound port. Throws std::runtime_error when the address cannot be bound.
    std::uint16_t start();
    /// Stops accepting, ends keep-alive connections and waits for running requests (waits are cut short).
    void stop();
    std::uint16_t port() const;
    std::string url() const;  ///< "http://127.0.0.1:PORT"

    /// Replaces the whole cluster with a state document (sim/README.md). Returns "" or an error message.
    std::string load_state(std::string_view json);
    /// Replaces the cluster from the two bodies `aliasing plan` reads (_cat/indices JSON and GET _alias).
    /// Returns "" or an error message.
    std::string load_catalog(std::string_view cat_indices_json, std::string_view aliases_json);
    std::string dump_state() const;  ///< same format as load_state

    /// Receives one line per Elasticsearch API request ("GET /_cat/indices -> 200 (3 ms)"); none by default.
    void set_request_logger(std::function<void(const std::string&)> logger);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aliasing::sim
