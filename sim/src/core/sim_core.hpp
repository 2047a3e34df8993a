#pragma once
// The request pipeline behind the socket: /_sim/ controls apart; for the Elasticsearch API: log the request (a
// cluster-state change takes its place in the master's queue), apply fault rules (before), wait for its turn,
// route, apply fault rules (after), render the reply.

#include "api/router.hpp"
#include "control/basic_auth_check.hpp"
#include "control/faults.hpp"
#include "control/sigv4_check.hpp"
#include "control/request_log.hpp"
#include "core/master_queue.hpp"
#include "http/http_message.hpp"

#include <functional>
#include <mutex>

namespace aliasing::sim {

class SimCore {
public:
    SimCore();
    /// Handles one request from a connection (thread-safe).
    Outcome handle(const HttpRequest& request);

    SimState& state() { return m_state; }
    void set_logger(std::function<void(const std::string&)> logger);
    /// Verifies every API request's SigV4 signature from now on (set before serving).
    void set_sigv4(SigV4Check check) { m_sigv4 = std::move(check); }
    /// Demands these basic-auth credentials on every API request from now on (set before serving).
    void set_basic_auth(BasicAuthCheck check) { m_basic_auth = std::move(check); }
    /// Provides the live connection counters for GET /_sim/connections.
    void set_connection_counters(std::function<std::int64_t()> open, std::function<std::int64_t()> total);

private:
    Outcome handle_control(const HttpRequest& request);
    Outcome handle_api(const HttpRequest& request);
    HttpResponse render(const Reply& reply, const HttpRequest& request);
    Version current_version();
    void log_line(const HttpRequest& request, int status, std::chrono::steady_clock::duration took);

    SimState m_state;
    std::optional<SigV4Check> m_sigv4;
    std::optional<BasicAuthCheck> m_basic_auth;
    Router m_router;
    FaultTable m_faults;
    RequestLog m_log;
    MasterQueue m_master_queue;
    std::mutex m_logger_mutex;
    std::function<void(const std::string&)> m_logger;
    std::function<std::int64_t()> m_open_connections;
    std::function<std::int64_t()> m_total_connections;
};


}  // namespace aliasing::sim
