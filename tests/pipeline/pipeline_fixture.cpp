#include "pipeline_fixture.hpp"

#include "aliasing/plugins/registry.hpp"
#include "aliasing/pipeline/report.hpp"
#include "aliasing/pipeline/run_log.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

namespace aliasing::pipeline_testing {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

long long number_of(const Poco::JSON::Object::Ptr& row, const std::string& key) {
    if (!row->has(key) || row->isNull(key)) return -1;
    return std::stoll(row->getValue<std::string>(key));
}

}  // namespace

std::set<std::string> generation(const std::string& run_id) {
    std::set<std::string> names;
    for (const char* entity : {"individual", "address", "contact", "account"})
        names.insert(std::string("customer-2_0_0-") + entity + "-" + run_id);
    return names;
}

std::set<std::string> NormalState::names() const {
    std::set<std::string> out;
    for (const auto& [name, index] : indices) out.insert(name);
    return out;
}

std::set<std::string> NormalState::alias_targets(const std::string& alias) const {
    std::set<std::string> out;
    for (const auto& [name, index] : indices)
        if (index.aliases.count(alias)) out.insert(name);
    return out;
}

std::string NormalState::describe() const {
    std::string out;
    for (const auto& [name, index] : indices) {
        out += "  " + name + (index.open ? "" : " (closed)") + " rep=" + std::to_string(index.replicas) +
               " seg/pri=" + std::to_string(index.segments_per_primary) + " aliases=[";
        for (const auto& alias : index.aliases) out += alias + " ";
        out += "]\n";
    }
    return out;
}

NormalState normalise(const std::string& state_document) {
    Poco::JSON::Parser parser;
    const auto document = parser.parse(state_document).extract<Poco::JSON::Object::Ptr>();
    NormalState state;
    const auto rows = document->getArray("cat_indices");
    for (std::size_t i = 0; rows && i < rows->size(); ++i) {
        const auto row = rows->getObject(static_cast<unsigned>(i));
        IndexState index;
        index.open = row->getValue<std::string>("status") == "open";
        index.replicas = static_cast<int>(number_of(row, "rep"));
        const long long primaries = number_of(row, "pri");
        const long long segments = number_of(row, "pri.segments.count");
        index.segments_per_primary = segments < 0 || primaries <= 0 ? -1 : segments / primaries;
        state.indices[row->getValue<std::string>("index")] = index;
    }
    const auto aliases = document->getObject("aliases");
    if (aliases) {
        for (const auto& [name, entry] : *aliases) {
            const auto names = entry.extract<Poco::JSON::Object::Ptr>()->getObject("aliases");
            if (!names) continue;
            for (const auto& [alias, props] : *names) state.indices[name].aliases.insert(alias);
        }
    }
    return state;
}

std::string customer_state(const std::string& version) {
    const std::string root = ALIASING_SOURCE_DIR;
    Poco::JSON::Parser parser;
    auto rows = parser.parse(read_file(root + "/examples/catalogs/customer.json")).extract<Poco::JSON::Array::Ptr>();
    parser.reset();
    auto aliases =
        parser.parse(read_file(root + "/examples/catalogs/customer-aliases.json")).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr other = new Poco::JSON::Object;
    other->set("health", "green");
    other->set("status", "open");
    other->set("index", "other-index");
    other->set("pri", "1");
    other->set("rep", "0");
    other->set("docs.count", "10");
    other->set("pri.store.size", "4096");
    other->set("pri.segments.count", "7");
    rows->add(other);
    Poco::JSON::Object::Ptr other_aliases = new Poco::JSON::Object;
    Poco::JSON::Object::Ptr names = new Poco::JSON::Object;
    names->set("other-alias", Poco::JSON::Object::Ptr(new Poco::JSON::Object));
    other_aliases->set("aliases", names);
    aliases->set("other-index", other_aliases);

    Poco::JSON::Object document;
    const std::string opensearch = "opensearch-";
    if (version.rfind(opensearch, 0) == 0) {
        document.set("distribution", "opensearch");
        document.set("version", version.substr(opensearch.size()));
    } else {
        document.set("version", version);
    }
    document.set("data_nodes", 3);
    document.set("cat_indices", rows);
    document.set("aliases", aliases);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(document, out);
    return out.str();
}

const DataSource& customer_source() {
    static const PluginRegistry registry = PluginRegistry::discover({ALIASING_BUILD_PLUGIN_DIR});
    static const DataSource* source = [] {
        auto found = registry.require("customer");
        if (!found) throw std::runtime_error(found.error().message);
        return *found;
    }();
    return *source;
}

Job customer_job() {
    auto job = load_job(std::string(ALIASING_SOURCE_DIR) + "/examples/jobs/customer.json");
    if (!job) throw std::runtime_error(job.error().message);
    return *job;
}

void PipelineSim::SetUp() {
    if (testing::real_cluster_url()) {
        ALIASING_SIMULATOR_ONLY(!real_cluster_capable(), "fault injection, the request log or simulated figures");
        std::string error;
        m_real = testing::TestCluster::real(error);
        ASSERT_TRUE(m_real) << error;
        // The example job sets new_replicas 1, which one data node can never make green: cap it there.
        const int data_nodes = m_real->data_nodes();
        ASSERT_GE(data_nodes, 1) << "the cluster shows no data node in GET _cat/allocation";
        if (data_nodes < 2) m_max_replicas = data_nodes - 1;
        load(customer_state());
        return;
    }
    sim::ServerOptions options = sim_options();
    m_sim = std::make_unique<sim::Server>(options);
    m_sim->start();
    cluster::ConnectionOptions control_options;
    control_options.urls = {m_sim->url()};
    control_options.read_timeout = 10s;
    auto control = cluster::Transport::create(control_options);
    ASSERT_TRUE(control.ok()) << control.error().message;
    m_control.emplace(std::move(*control));
    load(customer_state());
}

void PipelineSim::TearDown() {
    m_real.reset();  // deletes everything under the test's prefix, on failure too
    m_control.reset();
    if (m_sim) m_sim->stop();
}

std::string PipelineSim::unprefixed(const std::string& name) const {
    if (!m_real || name.rfind(m_real->prefix(), 0) != 0) return name;
    return name.substr(m_real->prefix().size());
}

std::string PipelineSim::cluster_job_file(const std::string& path) {
    if (!m_real) return path;
    Poco::JSON::Parser parser;
    auto job = parser.parse(read_file(path)).extract<Poco::JSON::Object::Ptr>();
    for (const char* key : {"alias_name", "index_base"}) job->set(key, m_real->name(job->getValue<std::string>(key)));
    if (m_max_replicas >= 0 && job->has("new_replicas") &&
        std::stoi(job->getValue<std::string>("new_replicas")) > m_max_replicas)
        job->set("new_replicas", std::to_string(m_max_replicas));
    const std::string copy = ::testing::TempDir() + "/" + m_real->prefix() + "job.json";
    std::ofstream out(copy);
    Poco::JSON::Stringifier::stringify(job, out);
    return copy;
}

std::vector<std::string> PipelineSim::cli_cluster_arguments() const {
    if (m_real) return m_real->cli_arguments();
    return {"--es-url", m_client_url.empty() ? m_sim->url() : m_client_url};
}

RunResult PipelineSim::run(const Job& given_job, PipelineOptions options, std::chrono::milliseconds read_timeout) {
    Job job = given_job;
    cluster::ConnectionOptions connection;
    cluster::TransportHooks hooks{[](std::chrono::milliseconds) {}, [] { return 0.5; }};
    if (m_real) {
        // A real cluster takes real time: its own credentials, a read timeout for real health waits and merges,
        // real sleeps between polls and retries; every name under the test's prefix.
        connection = m_real->connection();
        connection.read_timeout = std::max<std::chrono::milliseconds>(read_timeout, 60s);
        hooks = {};
        job.alias_name = m_real->name(job.alias_name);
        job.index_base = m_real->name(job.index_base);
        if (m_max_replicas >= 0 && job.new_replicas) job.new_replicas = std::min(*job.new_replicas, m_max_replicas);
        if (options.lock) options.lock->index = m_real->lock_index();
    } else {
        connection.urls = {m_client_url.empty() ? m_sim->url() : m_client_url};
        connection.read_timeout = read_timeout;
        connection.sigv4 = m_sigv4;
        if (!options.sleep) options.sleep = [](std::chrono::milliseconds) {};
    }
    connection.connect_timeout = 1s;
    auto transport = cluster::Transport::create(connection, hooks);
    EXPECT_TRUE(transport.ok());
    if (!transport.ok()) return {};
    cluster::EsClient client(std::move(*transport));
    std::ostringstream log_text, plan_text;
    RunLog log(log_text, LogFormat::Text, Terminal::No);
    RunReport report;
    Pipeline pipeline(client, job, customer_source(), log, report, plan_text, options);
    RunResult result;
    result.outcome = pipeline.run();
    result.requests_sent = client.requests_sent();
    client.close();
    result.log = log_text.str();
    result.plan = plan_text.str();
    result.report = report.to_json();
    return result;
}

cluster::HttpResponse PipelineSim::control(cluster::Method method, const std::string& path, const std::string& body) {
    if (m_real) {
        EXPECT_NE(path.rfind("/_sim", 0), 0u) << path << ": the simulator's controls are not on a real cluster";
        return m_real->request(method, path, body);
    }
    auto response = m_control->request(method, path, body, cluster::Replay::Safe);
    EXPECT_TRUE(response.ok()) << path << ": " << response.error().message;
    return response.ok() ? *response : cluster::HttpResponse{};
}

void PipelineSim::load(const std::string& state_document) {
    if (m_real) {
        m_real->cleanup();
        ASSERT_EQ(m_real->seed(state_document, m_max_replicas), "");
        return;
    }
    const std::string error = m_sim->load_state(state_document);
    ASSERT_EQ(error, "");
    clear_faults();
    clear_requests();
}

void PipelineSim::add_fault(const std::string& json) {
    ASSERT_FALSE(m_real) << "fault injection needs the simulator: " << json;
    const auto response = control(cluster::Method::Post, "/_sim/faults", json);
    ASSERT_LT(response.status, 300) << response.body;
}

void PipelineSim::clear_faults() {
    if (!m_real) control(cluster::Method::Delete, "/_sim/faults");
}
void PipelineSim::clear_requests() {
    if (!m_real) control(cluster::Method::Delete, "/_sim/requests");
}

std::vector<LoggedRequest> PipelineSim::requests() {
    if (m_real) {
        ADD_FAILURE() << "the request log needs the simulator";
        return {};
    }
    return parse_request_log(control(cluster::Method::Get, "/_sim/requests").body);
}

std::vector<LoggedRequest> parse_request_log(const std::string& body) {
    Poco::JSON::Parser parser;
    const auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    std::vector<LoggedRequest> out;
    const auto list = object->getArray("requests");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        const auto item = list->getObject(static_cast<unsigned>(i));
        out.push_back({item->optValue<std::string>("method", ""), item->optValue<std::string>("path", ""),
                       item->optValue<std::string>("query", ""), item->optValue<int>("status", 0),
                       item->optValue<std::size_t>("line_bytes", 0)});
    }
    return out;
}

std::vector<LoggedRequest> PipelineSim::requests_to(const std::string& method, const std::string& path) {
    std::vector<LoggedRequest> out;
    for (auto& request : requests())
        if (request.method == method && request.path == path) out.push_back(std::move(request));
    return out;
}

NormalState PipelineSim::state() { return normalise(raw_state()); }

long long PipelineSim::wait_for_open_connections(long long expected) {
    long long open = -1;
    for (int i = 0; i < 300; ++i) {
        const auto body = control(cluster::Method::Get, "/_sim/connections").body;
        Poco::JSON::Parser parser;
        open = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getValue<long long>("open");
        if (open == expected) break;
        std::this_thread::sleep_for(10ms);
    }
    return open;
}

}  // namespace aliasing::pipeline_testing
