#pragma once
// What an API handler sees: the request, the path variables, typed query parameters, the JSON body, and the
// shared cluster state (locked on demand, so long waits can run without the lock).

#include "aliasing/sim/json.hpp"
#include "api/errors.hpp"
#include "cluster/cluster.hpp"
#include "cluster/resolve.hpp"
#include "http/http_message.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace aliasing::sim {

/// Everything the handlers share. One mutex guards the cluster; waits must release it.
struct SimState {
    std::mutex mutex;
    Cluster cluster;
    const std::atomic<bool>* stopping = nullptr;
};

/// A handler's answer: JSON, plain text (cat), or nothing (HEAD).
struct Reply {
    enum class Kind { json, text, empty };
    int status = 200;
    Kind kind = Kind::json;
    Json body;
    std::string text;
    StringPairs headers;
};
Reply json_reply(Json body, int status = 200);
Reply text_reply(std::string text, int status = 200);
Reply empty_reply(int status);

class Call {
public:
    Call(const HttpRequest& request, SimState& state, std::map<std::string, std::string> vars);

    const HttpRequest& request() const { return m_request; }
    bool is_head() const { return m_request.method == "HEAD"; }
    /// A decoded path variable ({index}, {name}, ...); "" when the route has none.
    std::string var(const std::string& name) const;
    bool has_var(const std::string& name) const { return m_vars.count(name) != 0; }

    std::optional<std::string> param(std::string_view name) const;
    /// A boolean parameter: absent = fallback, "" or "true" = true, "false" = false, else 400.
    bool flag(std::string_view name, bool fallback) const;
    std::int64_t integer(std::string_view name, std::int64_t fallback) const;
    /// A time value parameter ("30s", "100ms", "1m", "-1"); -1 gives nullopt (no limit).
    std::optional<std::chrono::milliseconds> duration(std::string_view name,
                                                      std::chrono::milliseconds fallback) const;
    /// The parsed body; a null Json when there is none; 400 when it is not JSON.
    Json body() const;

    /// Locks the cluster and brings simulated time up to date.
    std::unique_lock<std::mutex> lock();
    Cluster& cluster() { return m_state.cluster; }
    const Version& version() const { return m_state.cluster.version; }
    /// True once the server is stopping: waits give up.
    bool stopping() const { return m_state.stopping != nullptr && m_state.stopping->load(); }

private:
    const HttpRequest& m_request;
    SimState& m_state;
    std::map<std::string, std::string> m_vars;
};

/// The index options of a broadcast action (_refresh, _count, _forcemerge): open indices unless expand_wildcards
/// says otherwise, ignore_unavailable, allow_no_indices; a closed index named outright is refused.
ResolveOptions broadcast_resolve_options(const Call& call);

/// Parses an Elasticsearch time value; nullopt when malformed.
std::optional<std::chrono::milliseconds> parse_time_value(std::string_view text);

}  // namespace aliasing::sim
