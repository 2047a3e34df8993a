#pragma once
/// Helpers shared by the cluster tests: fast deterministic retry hooks and loopback ports nobody listens on.

#include "aliasing/cluster/transport.hpp"

#include <Poco/Net/ServerSocket.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace aliasing::cluster::testing {

/// Records the sleeps instead of sleeping; jitter is a fixed 0.5.
struct FakeClock {
    std::shared_ptr<std::vector<std::chrono::milliseconds>> sleeps = std::make_shared<std::vector<std::chrono::milliseconds>>();
    TransportHooks hooks() const {
        return TransportHooks{[sleeps = sleeps](std::chrono::milliseconds d) { sleeps->push_back(d); }, [] { return 0.5; }};
    }
};

/// A loopback port that refuses connections: bound then closed.
inline std::uint16_t closed_loopback_port() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const auto port = socket.address().port();
    socket.close();
    return port;
}

inline std::string loopback_url(std::uint16_t port, const char* scheme = "http") {
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(port);
}

/// Options for tests: short timeouts, quick retries.
inline ConnectionOptions test_options(std::vector<std::string> urls) {
    ConnectionOptions options;
    options.urls = std::move(urls);
    options.connect_timeout = std::chrono::milliseconds{1000};
    options.read_timeout = std::chrono::milliseconds{5000};
    options.retry.max_attempts = 4;
    return options;
}

}  // namespace aliasing::cluster::testing
