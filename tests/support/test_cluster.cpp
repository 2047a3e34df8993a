#include "test_cluster.hpp"

#include "aliasing/cluster/aws_signing.hpp"
#include "aliasing/cluster/transport.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <sstream>

namespace aliasing::testing {
namespace {

using cluster::Method;

constexpr std::string_view kPrefixStart = "aliasing-test-";

std::string stringify(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

Poco::Dynamic::Var parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text);
}

std::string without(const std::string& prefix, const std::string& name) {
    return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

}  // namespace

struct TestCluster::Connection {
    std::optional<cluster::Transport> transport;
};

std::optional<std::string> real_cluster_url() {
    const char* given = std::getenv("ALIASING_TEST_ES_URL");
    if (given == nullptr || *given == '\0') return std::nullopt;
    return std::string(given);
}

std::string random_test_prefix() {
    std::random_device device;
    std::mt19937_64 rng(device());
    const char* digits = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string prefix(kPrefixStart);
    for (int i = 0; i < 10; ++i) prefix.push_back(digits[rng() % 36]);
    return prefix + "-";
}

TestCluster::TestCluster(cluster::ConnectionOptions options, std::string prefix, bool real)
    : m_options(std::move(options)), m_prefix(std::move(prefix)), m_real(real), m_connection(new Connection) {}

TestCluster::~TestCluster() { cleanup(); }

std::unique_ptr<TestCluster> TestCluster::real(std::string& error) {
    const auto url = real_cluster_url();
    if (!url) {
        error = "ALIASING_TEST_ES_URL is not set";
        return nullptr;
    }
    // The tool's own reading of its variables: the same TLS, credential and SigV4 settings as a production run.
    auto options = cluster::connection_options_from({*url}, "", cluster::TlsVerification::Verify,
                                                    cluster::process_environment());
    if (!options) {
        error = options.error().message;
        return nullptr;
    }
    auto signing = cluster::aws_signing_from({}, cluster::process_environment());
    if (!signing) {
        error = signing.error().message;
        return nullptr;
    }
    options->sigv4 = *signing;
    std::unique_ptr<TestCluster> made(new TestCluster(std::move(*options), random_test_prefix(), true));
    auto transport = cluster::Transport::create(made->m_options);
    if (!transport) {
        error = transport.error().message;
        return nullptr;
    }
    made->m_connection->transport.emplace(std::move(*transport));
    error = made->check_prefix_is_free();
    if (!error.empty()) {
        made->m_prefix.clear();  // not ours: the destructor must not delete what another run made
        return nullptr;
    }
    return made;
}

std::unique_ptr<TestCluster> TestCluster::simulator(const std::string& url, std::string prefix) {
    cluster::ConnectionOptions options;
    options.urls = {url};
    std::unique_ptr<TestCluster> made(new TestCluster(std::move(options), std::move(prefix), false));
    auto transport = cluster::Transport::create(made->m_options);
    if (transport) made->m_connection->transport.emplace(std::move(*transport));
    return made;
}

std::vector<std::string> TestCluster::cli_arguments() const {
    return {"--es-url", url(), "--lock-index", lock_index()};
}

cluster::HttpResponse TestCluster::request(Method method, const std::string& path, const std::string& body) {
    if (!m_connection->transport) return {0, "no transport", {}};
    auto sent = m_connection->transport->request(method, path, body, cluster::Replay::Safe);
    if (!sent.ok()) return {0, sent.error().message, {}};
    return *sent;
}

std::string TestCluster::check_prefix_is_free() {
    const auto existing = request(Method::Get, "/_cat/indices/" + m_prefix + "*?format=json&expand_wildcards=all");
    if (existing.status == 404 || (existing.status == 200 && existing.body == "[]")) return "";
    if (existing.status == 200)
        return "refusing to start: the test prefix " + m_prefix + " is not free: " + existing.body;
    return "refusing to start: cannot tell whether the test prefix " + m_prefix + " is free (GET _cat/indices " +
           (existing.status == 0 ? "failed" : "answered " + std::to_string(existing.status)) + ": " + existing.body +
           ")";
}

std::string TestCluster::create_index(const std::string& name, int shards, int replicas,
                                      const std::string& aliases_json, int docs, bool open) {
    if (name.rfind(m_prefix, 0) != 0) return "refusing to create " + name + ": not under " + m_prefix;
    const auto created = request(Method::Put, "/" + name,
                                 R"({"settings":{"number_of_shards":)" + std::to_string(shards) +
                                     R"(,"number_of_replicas":)" + std::to_string(replicas) +
                                     R"(},"aliases":)" + (aliases_json.empty() ? "{}" : aliases_json) + "}");
    if (created.status != 200) return "PUT " + name + ": " + std::to_string(created.status) + " " + created.body;
    for (int i = 1; i <= docs; ++i) {
        // A refresh after each document makes a segment of each: a generation a force-merge has work on.
        const auto doc = request(Method::Put, "/" + name + "/_doc/" + std::to_string(i) + "?refresh=true",
                                 R"({"entity_id":)" + std::to_string(i) + "}");
        if (doc.status != 200 && doc.status != 201) return "PUT " + name + "/_doc: " + doc.body;
    }
    if (!open) {
        const auto closed = request(Method::Post, "/" + name + "/_close");
        if (closed.status != 200) return "POST " + name + "/_close: " + closed.body;
    }
    return "";
}

std::string TestCluster::seed(const std::string& state_document, int max_replicas) {
    const auto document = parse(state_document).extract<Poco::JSON::Object::Ptr>();
    const auto aliases = document->getObject("aliases");
    const auto rows = document->getArray("cat_indices");
    for (std::size_t i = 0; rows && i < rows->size(); ++i) {
        const auto row = rows->getObject(static_cast<unsigned>(i));
        const std::string index = row->getValue<std::string>("index");
        Poco::JSON::Object prefixed;
        if (aliases && aliases->has(index)) {
            const auto names = aliases->getObject(index)->getObject("aliases");
            for (const auto& [alias, properties] : *names) prefixed.set(name(alias), properties);
        }
        int replicas = std::stoi(row->optValue<std::string>("rep", "0"));
        if (max_replicas >= 0) replicas = std::min(replicas, max_replicas);
        const bool open = row->optValue<std::string>("status", "open") == "open";
        if (auto error = create_index(name(index), 1, replicas, stringify(prefixed), 2, open); !error.empty())
            return error;
    }
    // Replicas take a moment to start on a real cluster: a test begins from a settled, green state.
    request(Method::Get, "/_cluster/health/" + m_prefix + "*?wait_for_status=green&timeout=30s");
    return "";
}

std::string TestCluster::state_document() {
    const auto rows = request(Method::Get, "/_cat/indices/" + m_prefix +
                                               "*?format=json&bytes=b&expand_wildcards=all"
                                               "&h=status,index,pri,rep,docs.count,pri.segments.count");  // no health: it moves
    const auto aliases = request(Method::Get, "/" + m_prefix + "*/_alias?expand_wildcards=all");
    Poco::JSON::Array::Ptr out_rows = new Poco::JSON::Array;
    if (rows.status == 200) {
        const auto in = parse(rows.body).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < in->size(); ++i) {
            Poco::JSON::Object::Ptr row = new Poco::JSON::Object(*in->getObject(static_cast<unsigned>(i)));
            if (row->getValue<std::string>("index") == lock_index()) continue;
            row->set("index", without(m_prefix, row->getValue<std::string>("index")));
            out_rows->add(row);
        }
    }
    Poco::JSON::Object::Ptr out_aliases = new Poco::JSON::Object;
    if (aliases.status == 200) {
        const auto in = parse(aliases.body).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [index, entry] : *in) {
            if (index == lock_index()) continue;
            Poco::JSON::Object::Ptr names = new Poco::JSON::Object;
            const auto given = entry.extract<Poco::JSON::Object::Ptr>()->getObject("aliases");
            for (const auto& [alias, properties] : *given) names->set(without(m_prefix, alias), properties);
            Poco::JSON::Object::Ptr wrapped = new Poco::JSON::Object;
            wrapped->set("aliases", names);
            out_aliases->set(without(m_prefix, index), wrapped);
        }
    }
    Poco::JSON::Object document;
    document.set("cat_indices", out_rows);
    document.set("aliases", out_aliases);
    return stringify(document);
}

int TestCluster::data_nodes() {
    const auto rows = request(Method::Get, "/_cat/allocation?format=json&h=node");
    if (rows.status != 200) return -1;
    int count = 0;
    const auto list = parse(rows.body).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < list->size(); ++i)
        if (list->getObject(static_cast<unsigned>(i))->optValue<std::string>("node", "UNASSIGNED") != "UNASSIGNED")
            ++count;
    return count;
}

void TestCluster::cleanup() {
    // Only ever a prefix this process made up: never the empty one, never a name outside aliasing-test-.
    if (m_prefix.rfind(kPrefixStart, 0) != 0 || m_prefix.size() <= kPrefixStart.size() + 1) return;
    const auto rows = request(Method::Get, "/_cat/indices/" + m_prefix + "*?format=json&h=index&expand_wildcards=all");
    if (rows.status != 200) return;
    const auto list = parse(rows.body).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string index = list->getObject(static_cast<unsigned>(i))->getValue<std::string>("index");
        if (index.rfind(m_prefix, 0) == 0) request(Method::Delete, "/" + index);
    }
}

}  // namespace aliasing::testing
