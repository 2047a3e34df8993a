#include "aliasing/sim/server.hpp"

#include "control/config.hpp"
#include "control/state.hpp"
#include "core/sim_core.hpp"
#include "http/http_server.hpp"

#include <Poco/Exception.h>

#include <stdexcept>

namespace aliasing::sim {

struct Server::Impl {
    ServerOptions options;
    SimCore core;
    HttpServer http;
    std::uint16_t port = 0;

    explicit Impl(ServerOptions given)
        : options(std::move(given)), http([this](const HttpRequest& request) { return core.handle(request); })
    {
    }
};

Server::Server(ServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options)))
{
    Json config = Json::object();
    config["distribution"] = m_impl->options.distribution;
    config["version"] = m_impl->options.version;
    config["override_main_response_version"] = m_impl->options.override_main_response_version;
    config["data_nodes"] = m_impl->options.data_nodes;
    config["forcemerge_millis_per_gib"] = m_impl->options.forcemerge_millis_per_gib;
    config["replica_delay_millis"] = m_impl->options.replica_delay_millis;
    const std::string error = apply_config(m_impl->core.state().cluster, config);
    if (!error.empty()) {
        throw std::invalid_argument("aliasing-sim options: " + error);
    }
    if (!m_impl->options.aws_sigv4.empty()) {
        const auto colon = m_impl->options.aws_sigv4.find(':');
        if (colon == std::string::npos || colon == 0 || m_impl->options.aws_region.empty()) {
            throw std::invalid_argument("aliasing-sim options: --aws-sigv4 needs ACCESS_KEY_ID:SECRET and --aws-region");
        }
        m_impl->core.set_sigv4(SigV4Check{m_impl->options.aws_sigv4.substr(0, colon),
                                          m_impl->options.aws_sigv4.substr(colon + 1), m_impl->options.aws_region});
    }
    if (!m_impl->options.basic_auth.empty()) {
        const auto colon = m_impl->options.basic_auth.find(':');
        if (colon == std::string::npos || colon == 0) {
            throw std::invalid_argument("aliasing-sim options: --basic-auth needs USER:PASSWORD");
        }
        m_impl->core.set_basic_auth(BasicAuthCheck{m_impl->options.basic_auth.substr(0, colon),
                                                   m_impl->options.basic_auth.substr(colon + 1)});
    }
    m_impl->core.state().stopping = &m_impl->http.stopping();
    HttpServer* http = &m_impl->http;
    m_impl->core.set_connection_counters([http] { return http->open_connections(); },
                                         [http] { return http->total_connections(); });
}

Server::~Server()
{
    stop();
}

std::uint16_t Server::start()
{
    try {
        m_impl->port = m_impl->http.start(m_impl->options.host, m_impl->options.port);
    } catch (const Poco::Exception& failure) {
        throw std::runtime_error("aliasing-sim cannot listen on " + m_impl->options.host + ":" +
                                 std::to_string(m_impl->options.port) + ": " + failure.displayText() +
                                 " (choose another --port, or 0 for any free port)");
    }
    return m_impl->port;
}

void Server::stop()
{
    m_impl->http.stop();
}

std::uint16_t Server::port() const
{
    return m_impl->port;
}

std::string Server::url() const
{
    return "http://" + m_impl->options.host + ":" + std::to_string(m_impl->port);
}

std::string Server::load_state(std::string_view json)
{
    std::string error;
    const auto document = Json::parse(json, &error);
    if (!document) {
        return "the state document is not valid JSON: " + error;
    }
    SimState& state = m_impl->core.state();
    const std::lock_guard<std::mutex> guard(state.mutex);
    return load_state_document(state.cluster, *document);
}

std::string Server::load_catalog(std::string_view cat_indices_json, std::string_view aliases_json)
{
    std::string error;
    const auto catalog = Json::parse(cat_indices_json, &error);
    if (!catalog) {
        return "the catalog (_cat/indices body) is not valid JSON: " + error;
    }
    const auto aliases = Json::parse(aliases_json, &error);
    if (!aliases) {
        return "the aliases (GET _alias body) is not valid JSON: " + error;
    }
    SimState& state = m_impl->core.state();
    const std::lock_guard<std::mutex> guard(state.mutex);
    return load_catalog_and_aliases(state.cluster, *catalog, *aliases);
}

std::string Server::dump_state() const
{
    SimState& state = m_impl->core.state();
    const std::lock_guard<std::mutex> guard(state.mutex);
    state.cluster.advance(Clock::now());
    return dump_state_document(state.cluster).dump();
}

void Server::set_request_logger(std::function<void(const std::string&)> logger)
{
    m_impl->core.set_logger(std::move(logger));
}

}  // namespace aliasing::sim
