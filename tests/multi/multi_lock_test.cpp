// Several clusters (docs/multi-cluster.md L1): the run lock on every cluster, taken in name order and released at
// the end; a lock held by a live run on a later cluster refuses the run and releases the locks already taken.

#include "multi_fixture.hpp"

#include "aliasing/cluster/run_lock.hpp"

#include <atomic>
#include <thread>

namespace aliasing::pipeline_testing {
namespace {

class MultiLock : public MultiSim {};

TEST_F(MultiLock, TakenOnEveryClusterInNameOrderAndReleasedAtTheEnd) {
    start({{"us", "8.15.0"}, {"eu", "7.17.21"}, {"ap", "9.1.5"}});
    const auto result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    std::vector<std::string> order;
    std::size_t last_lock = 0, first_read = std::string::npos;
    const auto log = global_log();
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (log[i].line.rfind("PUT /aliasing-locks/_create/", 0) == 0) {
            order.push_back(log[i].cluster);
            last_lock = i;
        }
        if (log[i].line.rfind("GET /_cat/indices/customer", 0) == 0 && first_read == std::string::npos) first_read = i;
    }
    EXPECT_EQ(order, (std::vector<std::string>{"ap", "eu", "us"}));
    EXPECT_LT(last_lock, first_read) << "every cluster is locked before any is read for planning";
    for (std::size_t i = 0; i < m_clusters.size(); ++i)
        EXPECT_EQ(control(i, cluster::Method::Get, "/aliasing-locks/_doc/customer-prod").status, 404)
            << m_clusters[i].spec.name << ": lock not released";
}

TEST_F(MultiLock, ALiveRunHoldingALaterClusterRefusesTheRunAndTheEarlierLocksAreReleased) {
    start({{"dr", "8.15.0"}, {"primary", "8.15.0"}});
    // Another run holds primary's lock (the second in name order) and is alive: it keeps renewing it.
    cluster::ConnectionOptions connection;
    connection.urls = {m_clusters[index_of("primary")].server->url()};
    auto transport = cluster::Transport::create(connection);
    ASSERT_TRUE(transport.ok());
    cluster::EsClient holder_client(std::move(*transport));
    cluster::LockRequest holder_request;
    holder_request.id = kAlias;
    holder_request.holder = "elsewhere:42";
    holder_request.job = "customer.json";
    holder_request.ttl = 2s;
    auto held = cluster::RunLock::acquire(holder_client, holder_request);
    ASSERT_TRUE(held.ok()) << held.error().message;
    std::atomic<bool> stop{false};
    std::thread heartbeat([&] {
        while (!stop) {
            (void)held->heartbeat(holder_client, cluster::Renewal::Now);
            std::this_thread::sleep_for(100ms);
        }
    });
    const NormalState dr_before = state(index_of("dr")), primary_before = state(index_of("primary"));

    const auto result = run(customer_job());
    stop = true;
    heartbeat.join();
    (void)held->release(holder_client);
    holder_client.close();

    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("cluster [primary]"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("elsewhere:42"), std::string::npos) << result.outcome.message;
    EXPECT_EQ(control(index_of("dr"), cluster::Method::Get, "/aliasing-locks/_doc/customer-prod").status, 404)
        << "dr's lock, taken first, is released";
    EXPECT_EQ(state(index_of("dr")), dr_before);
    EXPECT_EQ(state(index_of("primary")), primary_before);
    EXPECT_EQ(result.plan, "") << "a refused run does not even plan";
}

}  // namespace
}  // namespace aliasing::pipeline_testing
