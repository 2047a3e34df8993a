#pragma once
/// A fixture running an in-process aliasing-sim on 127.0.0.1 (port 0) and talking to its /_sim/ controls over a
/// separate Transport. That control Transport holds one kept-alive connection of its own, which the connection
/// counts below include.

#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "test_support.hpp"

#include <aliasing/sim/server.hpp>
#include <gtest/gtest.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace aliasing::cluster::testing {

struct SimConnections {
    std::int64_t open = 0;
    std::int64_t total = 0;
};

struct LoggedRequest {
    std::string method, path, query;
    int status = 0;
    std::size_t line_bytes = 0;
};

class SimTest : public ::testing::Test {
protected:
    virtual std::string sim_version() const { return "8.15.0"; }

    void SetUp() override {
        sim::ServerOptions options;
        options.version = sim_version();
        options.data_nodes = 3;
        m_sim = std::make_unique<sim::Server>(options);
        m_sim->start();
        auto control = Transport::create(test_options({m_sim->url()}));
        ASSERT_TRUE(control.ok()) << control.error().message;
        m_control.emplace(std::move(*control));
    }

    void TearDown() override {
        m_control.reset();
        m_sim->stop();
    }

    /// A client for the sim with test options, a fake clock, and `tweak` applied.
    template <class Tweak>
    EsClient client(Tweak tweak) {
        auto options = test_options({m_sim->url()});
        tweak(options);
        auto transport = Transport::create(options, m_clock.hooks());
        EXPECT_TRUE(transport.ok());
        return EsClient(std::move(*transport));
    }
    EsClient client() {
        return client([](ConnectionOptions&) {});
    }

    HttpResponse control(Method method, const std::string& path, const std::string& body = {}) {
        auto response = m_control->request(method, path, body, Replay::Safe);
        EXPECT_TRUE(response.ok()) << response.error().message;
        return response.ok() ? *response : HttpResponse{};
    }

    void add_fault(const std::string& json) {
        const auto response = control(Method::Post, "/_sim/faults", json);
        ASSERT_LT(response.status, 300) << response.body;
    }

    void create_index(const std::string& name, const std::string& body = R"({"settings":{"number_of_replicas":0}})") {
        const auto response = control(Method::Put, "/" + name, body);
        ASSERT_EQ(response.status, 200) << response.body;
    }

    SimConnections connections() {
        const auto body = control(Method::Get, "/_sim/connections").body;
        Poco::JSON::Parser parser;
        const auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
        return {object->getValue<std::int64_t>("open"), object->getValue<std::int64_t>("total")};
    }

    /// Waits up to 3 s for the open connection count to drop to `expected`; returns the last count seen.
    std::int64_t wait_for_open_connections(std::int64_t expected) {
        std::int64_t open = -1;
        for (int i = 0; i < 300; ++i) {
            open = connections().open;
            if (open == expected) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return open;
    }

    std::vector<LoggedRequest> request_log() {
        const auto body = control(Method::Get, "/_sim/requests").body;
        Poco::JSON::Parser parser;
        const auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
        std::vector<LoggedRequest> out;
        const auto requests = object->getArray("requests");
        for (std::size_t i = 0; requests && i < requests->size(); ++i) {
            const auto item = requests->getObject(static_cast<unsigned>(i));
            out.push_back({item->optValue<std::string>("method", ""), item->optValue<std::string>("path", ""),
                           item->optValue<std::string>("query", ""), item->optValue<int>("status", 0),
                           item->optValue<std::size_t>("line_bytes", 0)});
        }
        return out;
    }

    bool alias_points_to(const std::string& alias, const std::string& index) {
        const auto response = control(Method::Get, "/_alias/" + alias);
        return response.status == 200 && response.body.find("\"" + index + "\"") != std::string::npos;
    }

    std::unique_ptr<sim::Server> m_sim;
    std::optional<Transport> m_control;
    FakeClock m_clock;
};

/// The same fixture on a 7.17 simulator.
class Sim717Test : public SimTest {
protected:
    std::string sim_version() const override { return "7.17.21"; }
};

}  // namespace aliasing::cluster::testing
