#include "multi_fixture.hpp"

#include "aliasing/pipeline/report.hpp"
#include "aliasing/pipeline/run_log.hpp"

#include <sstream>

namespace aliasing::pipeline_testing {

void MultiSim::start(const std::vector<ClusterSpec>& specs) {
    for (const auto& spec : specs) {
        Cluster cluster;
        cluster.spec = spec;
        sim::ServerOptions options;
        options.data_nodes = 3;
        cluster.server = std::make_unique<sim::Server>(options);
        cluster.server->start();
        const std::string name = spec.name;
        cluster.server->set_request_logger([this, name](const std::string& line) {
            if (line.find(" /_sim/") != std::string::npos) return;
            std::function<void(const GlobalRequest&)> hook;
            {
                const std::lock_guard<std::mutex> guard(m_global_mutex);
                m_global.push_back({name, line});
                hook = m_on_request;
            }
            if (hook) hook({name, line});
        });
        cluster::ConnectionOptions control_options;
        control_options.urls = {cluster.server->url()};
        control_options.read_timeout = 10s;
        auto control = cluster::Transport::create(control_options);
        ASSERT_TRUE(control.ok()) << control.error().message;
        cluster.control.emplace(std::move(*control));
        cluster.document = customer_state(spec.version);
        m_clusters.push_back(std::move(cluster));
    }
    reset();
}

void MultiSim::TearDown() {
    on_request(nullptr);
    for (auto& cluster : m_clusters) {
        cluster.control.reset();
        cluster.server->stop();
    }
}

MultiRunResult MultiSim::run(const Job& job, PipelineOptions options, bool lock) {
    std::vector<cluster::EsClient> clients;
    clients.reserve(m_clusters.size());
    for (const auto& cluster : m_clusters) {
        cluster::ConnectionOptions connection;
        connection.urls = {cluster.server->url()};
        connection.connect_timeout = 1s;
        connection.read_timeout = m_read_timeout;
        auto transport = cluster::Transport::create(
            connection, cluster::TransportHooks{[](std::chrono::milliseconds) {}, [] { return 0.5; }});
        EXPECT_TRUE(transport.ok());
        if (!transport.ok()) return {};
        clients.emplace_back(std::move(*transport));
    }
    std::vector<NamedClient> named;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) named.push_back({m_clusters[i].spec.name, &clients[i]});
    if (!options.sleep) options.sleep = [](std::chrono::milliseconds) {};
    if (lock && !options.lock) {
        options.lock = cluster::LockRequest{};
        options.lock->id = kAlias;
        options.lock->holder = "test:1";
        options.lock->job = "customer.json";
        options.lock->ttl = 1s;
    }
    std::ostringstream log_text, plan_text;
    RunLog log(log_text, LogFormat::Text, Terminal::No);
    RunReport report;
    MultiPipeline pipeline(named, job, customer_source(), log, report, plan_text, options);
    MultiRunResult result;
    result.outcome = pipeline.run();
    result.serving = pipeline.serving();
    for (auto& client : clients) client.close();
    report.finish(result.outcome.exit_code, result.outcome.outcome, result.outcome.message);
    result.log = log_text.str();
    result.plan = plan_text.str();
    result.report = report.to_json();
    return result;
}

PipelineOutcome MultiSim::run_single(std::size_t index, const Job& job) {
    cluster::ConnectionOptions connection;
    connection.urls = {m_clusters[index].server->url()};
    connection.read_timeout = 300ms;
    auto transport = cluster::Transport::create(
        connection, cluster::TransportHooks{[](std::chrono::milliseconds) {}, [] { return 0.5; }});
    EXPECT_TRUE(transport.ok());
    cluster::EsClient client(std::move(*transport));
    std::ostringstream log_text, plan_text;
    RunLog log(log_text, LogFormat::Text, Terminal::No);
    RunReport report;
    PipelineOptions options;
    options.sleep = [](std::chrono::milliseconds) {};
    Pipeline pipeline(client, job, customer_source(), log, report, plan_text, options);
    auto outcome = pipeline.run();
    client.close();
    return outcome;
}

std::size_t MultiSim::index_of(const std::string& name) const {
    for (std::size_t i = 0; i < m_clusters.size(); ++i)
        if (m_clusters[i].spec.name == name) return i;
    throw std::invalid_argument("no cluster " + name);
}

cluster::HttpResponse MultiSim::control(std::size_t index, cluster::Method method, const std::string& path,
                                        const std::string& body) {
    auto response = m_clusters[index].control->request(method, path, body, cluster::Replay::Safe);
    EXPECT_TRUE(response.ok()) << path << ": " << response.error().message;
    return response.ok() ? *response : cluster::HttpResponse{};
}

void MultiSim::add_fault(std::size_t index, const std::string& json) {
    const auto response = control(index, cluster::Method::Post, "/_sim/faults", json);
    ASSERT_LT(response.status, 300) << response.body;
}

void MultiSim::clear_faults(std::size_t index) { control(index, cluster::Method::Delete, "/_sim/faults"); }

void MultiSim::reset() {
    for (std::size_t i = 0; i < m_clusters.size(); ++i) {
        ASSERT_EQ(m_clusters[i].server->load_state(m_clusters[i].document), "");
        clear_faults(i);
        control(i, cluster::Method::Delete, "/_sim/requests");
    }
    clear_global_log();
}

std::vector<LoggedRequest> MultiSim::requests(std::size_t index) {
    return parse_request_log(control(index, cluster::Method::Get, "/_sim/requests").body);
}

NormalState MultiSim::state(std::size_t index) {
    NormalState state = normalise(m_clusters[index].server->dump_state());
    state.indices.erase(cluster::kLockIndex);
    return state;
}

std::vector<GlobalRequest> MultiSim::global_log() {
    const std::lock_guard<std::mutex> guard(m_global_mutex);
    return m_global;
}

void MultiSim::on_request(std::function<void(const GlobalRequest&)> hook) {
    const std::lock_guard<std::mutex> guard(m_global_mutex);
    m_on_request = std::move(hook);
}

void MultiSim::clear_global_log() {
    const std::lock_guard<std::mutex> guard(m_global_mutex);
    m_global.clear();
}

}  // namespace aliasing::pipeline_testing
