// The /_sim/ test controls (sim/README.md): faults, request log, connections, state, config.
#include "control/config.hpp"
#include "control/state.hpp"
#include "core/sim_core.hpp"

namespace aliasing::sim {
namespace {

Outcome json_outcome(int status, const Json& body)
{
    Outcome outcome;
    outcome.response.status = status;
    outcome.response.content_type = "application/json; charset=UTF-8";
    outcome.response.body = body.dump();
    return outcome;
}

Outcome control_error(int status, const std::string& message)
{
    Json body = Json::object();
    body["error"] = message;
    body["status"] = status;
    return json_outcome(status, body);
}

Json acknowledged()
{
    Json body = Json::object();
    body["acknowledged"] = true;
    return body;
}

std::optional<Json> parse_body(const HttpRequest& request, std::string& error)
{
    auto parsed = Json::parse(request.body, &error);
    if (!parsed) {
        error = "the body is not JSON: " + error;
    }
    return parsed;
}

}  // namespace

Outcome SimCore::handle_control(const HttpRequest& request)
{
    const std::string& path = request.path;
    const std::string& method = request.method;
    const auto wrong_method = [&](const std::string& allowed) {
        Outcome outcome = control_error(405, "use " + allowed + " on " + path);
        outcome.response.headers.emplace_back("Allow", allowed);
        return outcome;
    };

    if (path == "/_sim/faults") {
        if (method == "GET") {
            return json_outcome(200, m_faults.list());
        }
        if (method == "DELETE") {
            m_faults.clear();
            return json_outcome(200, acknowledged());
        }
        if (method == "POST") {
            std::string error;
            const auto body = parse_body(request, error);
            if (!body) {
                return control_error(400, error);
            }
            const std::int64_t id = m_faults.add(*body, &error);
            if (id == 0) {
                return control_error(400, error);
            }
            Json reply = Json::object();
            reply["id"] = id;
            return json_outcome(200, reply);
        }
        return wrong_method("GET,POST,DELETE");
    }
    if (path == "/_sim/requests") {
        if (method == "GET") {
            return json_outcome(200, m_log.to_json());
        }
        if (method == "DELETE") {
            m_log.clear();
            return json_outcome(200, acknowledged());
        }
        return wrong_method("GET,DELETE");
    }
    if (path == "/_sim/connections") {
        if (method != "GET") {
            return wrong_method("GET");
        }
        Json reply = Json::object();
        reply["open"] = m_open_connections ? m_open_connections() : 0;
        reply["total"] = m_total_connections ? m_total_connections() : 0;
        return json_outcome(200, reply);
    }
    if (path == "/_sim/state") {
        if (method == "GET") {
            const std::lock_guard<std::mutex> guard(m_state.mutex);
            m_state.cluster.advance(Clock::now());
            return json_outcome(200, dump_state_document(m_state.cluster));
        }
        if (method == "PUT" || method == "POST") {
            std::string error;
            const auto body = parse_body(request, error);
            if (!body) {
                return control_error(400, error);
            }
            const std::lock_guard<std::mutex> guard(m_state.mutex);
            error = load_state_document(m_state.cluster, *body);
            return error.empty() ? json_outcome(200, acknowledged()) : control_error(400, error);
        }
        return wrong_method("GET,PUT");
    }
    if (path == "/_sim/config") {
        if (method == "GET") {
            const std::lock_guard<std::mutex> guard(m_state.mutex);
            return json_outcome(200, config_json(m_state.cluster));
        }
        if (method == "PUT" || method == "POST") {
            std::string error;
            const auto body = parse_body(request, error);
            if (!body) {
                return control_error(400, error);
            }
            const std::lock_guard<std::mutex> guard(m_state.mutex);
            error = apply_config(m_state.cluster, *body);
            return error.empty() ? json_outcome(200, config_json(m_state.cluster)) : control_error(400, error);
        }
        return wrong_method("GET,PUT");
    }
    return control_error(404, "unknown simulator control [" + path +
                                  "]; known: /_sim/faults, /_sim/requests, /_sim/connections, /_sim/state, "
                                  "/_sim/config");
}

}  // namespace aliasing::sim
