// The end-to-end tests that also run against a real cluster (SPEC §14.4): with ALIASING_TEST_ES_URL set they drive
// that cluster with the tool's own credential variables (ALIASING_ES_*, ALIASING_AWS_SIGV4 and AWS_*); without it a
// freshly started aliasing-sim, under the same kind of prefix, so the real-cluster path itself stays tested.
// Safety first (testing::TestCluster): everything is under a unique per-test prefix `aliasing-test-<random>-`
// (indices, alias, lock index), the test refuses to start if that prefix already has indices, and every index under
// it is deleted on success and on failure. Fault injection needs the simulator: those tests live elsewhere.
// scripts/test-real-cluster.sh URL runs these (RealCluster*) and the real-cluster capable pipeline tests.

#include "process.hpp"
#include "sim_process.hpp"
#include "test_cluster.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using cluster::Method;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;
using testing::TestCluster;

/// The generation's indices, created with one shard and no replicas so a one-node cluster can be green.
const std::vector<std::string> kEntities = {"account", "address", "contact", "customer"};
const std::string kOldRun = "20261121t020000", kNewRun = "20261122t020000";

class RealCluster : public ::testing::Test {
protected:
    void SetUp() override {
        if (testing::real_cluster_url()) {
            std::string error;
            m_cluster = TestCluster::real(error);
            ASSERT_TRUE(m_cluster) << error;
        } else {
            m_sim = std::make_unique<SimProcess>(ALIASING_SIM_BIN, std::vector<std::string>{});
            m_cluster = TestCluster::simulator(m_sim->url(), testing::random_test_prefix());
            ASSERT_EQ(m_cluster->check_prefix_is_free(), "");
        }
        m_base = m_cluster->name("customer-2_0_0");
        m_alias = m_cluster->name("customer-prod");
    }
    void TearDown() override {
        m_cluster.reset();  // deletes every index under the prefix, on failure too
        m_sim.reset();
    }
    std::string index(const std::string& entity, const std::string& run) const {
        return m_base + "-" + entity + "-" + run;
    }
    /// The live generation behind the alias and a complete new one, `docs` documents per index (min_docs is 1).
    void two_generations(const std::vector<std::string>& new_entities = kEntities, int old_docs = 1, int new_docs = 1) {
        for (const auto& entity : kEntities) {
            ASSERT_EQ(m_cluster->create_index(index(entity, kOldRun), 1, 0, R"({")" + m_alias + R"(":{}})", old_docs),
                      "");
        }
        for (const auto& entity : new_entities)
            ASSERT_EQ(m_cluster->create_index(index(entity, kNewRun), 1, 0, "", new_docs), "");
    }
    std::string job_file(const std::string& extra = "") {
        const std::string path = ::testing::TempDir() + "/" + m_cluster->prefix() + "job.json";
        std::ofstream(path) << R"({"alias_name":")" << m_alias << R"(","data_source":"customer","index_base":")"
                            << m_base << R"(","delete_old":"True","forcemerge_new":"True","new_replicas":"0")"
                            << extra << "}";
        return path;
    }
    ProcessResult aliasing(std::vector<std::string> args) {
        for (const auto& argument : m_cluster->cli_arguments()) args.push_back(argument);
        return run_process(ALIASING_BIN, args);
    }
    std::string alias_body() { return m_cluster->request(Method::Get, "/_alias/" + m_alias).body; }
    bool alias_on(const std::string& run) { return alias_body().find(index(kEntities[0], run)) != std::string::npos; }
    std::string lock_path() const { return "/" + m_cluster->lock_index() + "/_doc/" + m_alias; }

    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<TestCluster> m_cluster;
    std::string m_base, m_alias;
};

TEST_F(RealCluster, PromotesAGenerationUnderAUniquePrefixAndDeletesTheOldOne) {
    two_generations();
    const ProcessResult run = aliasing({"run", job_file()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto alias = alias_body();
    for (const auto& entity : kEntities) {
        EXPECT_NE(alias.find(index(entity, kNewRun)), std::string::npos) << alias;
        EXPECT_EQ(alias.find(kOldRun), std::string::npos) << alias;
        EXPECT_EQ(m_cluster->request(Method::Get, "/" + index(entity, kOldRun)).status, 404) << "old deleted";
    }
    EXPECT_EQ(m_cluster->request(Method::Get, lock_path()).status, 404) << "the lock is released";
    const ProcessResult again = aliasing({"run", job_file()});
    EXPECT_EQ(again.exit_code, 3) << again.err;
}

TEST_F(RealCluster, StatusAndDryRunChangeNothing) {
    two_generations();
    const std::string before = m_cluster->state_document();
    const ProcessResult status = aliasing({"status", job_file()});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("PROMOTE generation " + kNewRun), std::string::npos) << status.out;
    const ProcessResult dry = aliasing({"run", job_file(), "--dry-run"});
    EXPECT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_EQ(m_cluster->state_document(), before);
}

TEST_F(RealCluster, IncompleteGenerationIsRefusedAndNothingChanges) {
    two_generations({"account", "address", "contact"});
    const std::string before = m_cluster->state_document();
    const ProcessResult run = aliasing({"run", job_file()});
    EXPECT_EQ(run.exit_code, 4) << run.err;
    EXPECT_NE(run.err.find("incomplete generation"), std::string::npos) << run.err;
    EXPECT_EQ(m_cluster->state_document(), before);
}

TEST_F(RealCluster, RollbackIsHeldAgainstTheNextRunUntilCleared) {
    two_generations();
    const std::string job = job_file(R"(,"keep_generations":"1")");
    ASSERT_EQ(aliasing({"run", job}).exit_code, 0);
    ASSERT_TRUE(alias_on(kNewRun)) << alias_body();
    const ProcessResult rollback = aliasing({"rollback", job});
    EXPECT_EQ(rollback.exit_code, 0) << rollback.err;
    EXPECT_TRUE(alias_on(kOldRun)) << alias_body();
    EXPECT_FALSE(alias_on(kNewRun)) << alias_body();

    const std::string before = m_cluster->state_document();
    const ProcessResult refused = aliasing({"run", job});
    EXPECT_EQ(refused.exit_code, 4) << refused.err;
    EXPECT_NE(refused.err.find("rollback hold"), std::string::npos) << refused.err;
    EXPECT_EQ(m_cluster->state_document(), before) << "the held run changed something";
    EXPECT_EQ(aliasing({"rollback", "--clear", job}).exit_code, 0);
    EXPECT_EQ(aliasing({"run", job}).exit_code, 0);
    EXPECT_TRUE(alias_on(kNewRun)) << alias_body();
}

TEST_F(RealCluster, GenerationThatLostDocumentsIsRefusedByTheCountGate) {
    two_generations(kEntities, 5, 3);  // 40 % fewer documents; max_docs_drop_pct is 20
    const std::string before = m_cluster->state_document();
    const ProcessResult run = aliasing({"run", job_file()});
    EXPECT_EQ(run.exit_code, 4) << run.err;
    EXPECT_NE(run.err.find("max_docs_drop_pct is 20"), std::string::npos) << run.err;
    EXPECT_EQ(m_cluster->state_document(), before);
    const ProcessResult allowed = aliasing({"run", job_file(R"(,"max_docs_drop_pct":"50")")});
    EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
    EXPECT_TRUE(alias_on(kNewRun)) << alias_body();
}

TEST_F(RealCluster, LockAnotherRunHoldsRefusesTheRunAndIsNeverDeleted) {
    two_generations();
    const std::string lock = R"({"holder":"busy-host:77","job":"customer.json","token":"t","heartbeat_ms":200,"ttl_ms":3000})";
    ASSERT_EQ(m_cluster->request(Method::Put, "/" + m_cluster->lock_index() + "/_create/" + m_alias, lock).status, 201);
    std::atomic<bool> stop{false};
    std::thread holder([&] {  // another host's live run: its heartbeat renews the lock every 200 ms
        while (!stop) {
            m_cluster->request(Method::Put, lock_path(), lock);
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
    const ProcessResult run = aliasing({"run", job_file(), "--lock-ttl", "2"});
    stop = true;
    holder.join();
    EXPECT_EQ(run.exit_code, 6) << run.err;
    EXPECT_NE(run.err.find("busy-host:77"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on(kOldRun)) << alias_body();
    EXPECT_EQ(m_cluster->request(Method::Get, lock_path()).status, 200) << "another run's lock is never deleted";
}

}  // namespace
}  // namespace aliasing

#endif
