// One run per alias at a time: two `aliasing run` processes against one aliasing-sim, locks left behind, locks
// taken over mid-run, and a cluster that refuses the lock index.

#include "demo_cluster.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using e2e::alias_on;
using e2e::demo_sim;
using e2e::kCustomerJob;
using e2e::kNewGeneration;
using e2e::kOldGeneration;
using e2e::lock_present;
using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

ProcessResult run_job(const std::string& url, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", kCustomerJob, "--es-url", url};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_process(ALIASING_BIN, args);
}

std::string host_name() {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    return host;
}

TEST(RunLockTest, SecondConcurrentRunIsRefusedAtTheHoldersHeartbeatAndTheFirstCompletes) {
    SimProcess sim = demo_sim({"--forcemerge-ms-per-gib", "250"});  // the first run merges for several seconds
    ProcessResult first;
    std::thread runner([&] { first = run_job(sim.url(), {"--lock-ttl", "5"}); });
    ASSERT_TRUE(e2e::wait_until([&] { return lock_present(sim.url()); }));
    const auto start = std::chrono::steady_clock::now();
    ProcessResult second = run_job(sim.url());
    const auto waited = std::chrono::steady_clock::now() - start;
    runner.join();

    EXPECT_EQ(second.exit_code, 6) << second.err;
    EXPECT_NE(second.err.find("another run holds the lock on alias [customer-prod]"), std::string::npos) << second.err;
    EXPECT_NE(second.err.find(host_name() + ":"), std::string::npos) << "names the holder host:pid";
    EXPECT_NE(second.err.find("it is alive"), std::string::npos) << second.err;
    EXPECT_LT(waited, std::chrono::seconds(5)) << "refused at the holder's next heartbeat, not after the TTL";
    EXPECT_EQ(second.out, "") << "the refused run must not even plan";
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_FALSE(lock_present(sim.url())) << "the lock is released at the end of the run";
}

TEST(RunLockTest, LockWithoutHeartbeatIsTakenOverAfterTheTtlWhateverItsClockSays) {
    SimProcess sim = demo_sim();
    // Left by a crashed run whose clock claimed the lock valid for centuries: clocks are not trusted.
    auto created = http(sim.url(), "PUT", "/aliasing-locks/_create/customer-prod",
                        R"({"holder":"crashed-host:4242","job":"customer.json","token":"t","expires_at_ms":99999999999999})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto start = std::chrono::steady_clock::now();
    ProcessResult run = run_job(sim.url(), {"--lock-ttl", "2"});
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_GE(took, std::chrono::seconds(2)) << "watched for the whole TTL by its own clock first";
    EXPECT_NE(run.err.find("taking over the lock on alias [customer-prod] left by crashed-host:4242"), std::string::npos)
        << run.err;
    EXPECT_TRUE(alias_on(sim.url(), kNewGeneration));
    EXPECT_FALSE(lock_present(sim.url()));
}

TEST(RunLockTest, LockWhoseHolderHeartbeatsRefusesTheRunAndNothingIsTouched) {
    SimProcess sim = demo_sim();
    auto created = http(sim.url(), "PUT", "/aliasing-locks/_create/customer-prod",
                        R"({"holder":"busy-host:77","job":"customer.json","token":"t","heartbeat_ms":200,"ttl_ms":3000})");
    ASSERT_EQ(created.status, 201) << created.body;
    std::atomic<bool> stop{false};
    std::thread holder([&] {  // another host's live run: renews every 200 ms
        while (!stop) {
            http(sim.url(), "PUT", "/aliasing-locks/_doc/customer-prod",
                 R"({"holder":"busy-host:77","job":"customer.json","token":"t","heartbeat_ms":200,"ttl_ms":3000})");
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
    ProcessResult run = run_job(sim.url(), {"--lock-ttl", "2"});
    stop = true;
    holder.join();
    EXPECT_EQ(run.exit_code, 6) << run.err;
    EXPECT_NE(run.err.find("busy-host:77"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on(sim.url(), kOldGeneration));
    EXPECT_TRUE(lock_present(sim.url())) << "another run's lock is never deleted";
}

TEST(RunLockTest, RunWhoseLockIsTakenOverStopsBeforeTheSwap) {
    SimProcess sim = demo_sim({"--forcemerge-ms-per-gib", "500"});
    ProcessResult run;
    std::thread runner([&] { run = run_job(sim.url(), {"--lock-ttl", "3"}); });
    ASSERT_TRUE(e2e::wait_until([&] { return e2e::request_seen(sim.url(), "_forcemerge"); }));
    // Another run decided this one was dead and took the lock over.
    http(sim.url(), "DELETE", "/aliasing-locks/_doc/customer-prod");
    http(sim.url(), "PUT", "/aliasing-locks/_create/customer-prod",
         R"({"holder":"thief-host:1","job":"customer.json","token":"other"})");
    runner.join();
    EXPECT_EQ(run.exit_code, 6) << run.err;
    EXPECT_NE(run.err.find("lost its lock on alias [customer-prod]"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on(sim.url(), kOldGeneration)) << "no swap without the lock";
    EXPECT_FALSE(e2e::request_seen(sim.url(), "\"path\":\"/_aliases\"")) << "the swap was never sent";
    EXPECT_TRUE(e2e::doc_present(sim.url(), "/aliasing-locks/_doc/customer-prod")) << "the other run's lock stays";
}

TEST(RunLockTest, StatusShowsTheRunHoldingTheLock) {
    SimProcess sim = demo_sim({"--forcemerge-ms-per-gib", "500"});
    testing::BackgroundProcess run(ALIASING_BIN, {"run", kCustomerJob, "--es-url", sim.url()});
    ASSERT_TRUE(e2e::wait_until([&] { return lock_present(sim.url()); }));
    ProcessResult status = run_process(ALIASING_BIN, {"status", kCustomerJob, "--es-url", sim.url()});
    run.signal(SIGTERM);
    run.wait();
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("PROMOTE generation 20261122t020000"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("Run lock: HELD by " + host_name() + ":" + std::to_string(run.pid()) + " running " +
                              kCustomerJob + " since "),
              std::string::npos)
        << status.out;
    EXPECT_NE(status.out.find("last heartbeat"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("Rollback hold: none"), std::string::npos) << status.out;
}

TEST(RunLockTest, StatusWithNoRunSaysTheLockIsFree) {
    SimProcess sim = demo_sim();
    ProcessResult status = run_process(ALIASING_BIN, {"status", kCustomerJob, "--es-url", sim.url()});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("Run lock: free"), std::string::npos) << status.out;
}

TEST(RunLockTest, StatusWithoutRightsOnTheLockIndexStillShowsThePlanAndSaysTheLockIsUnknown) {
    SimProcess sim = demo_sim();
    auto fault = http(sim.url(), "POST", "/_sim/faults", R"({"method":"GET","path":"/aliasing-locks/_doc/*","status":403,
        "body":{"error":{"root_cause":[],"type":"security_exception","reason":"action [indices:data/read/get] is unauthorized for user [viewer]"},"status":403}})");
    ASSERT_EQ(fault.status, 200) << fault.body;
    ProcessResult status = run_process(ALIASING_BIN, {"status", kCustomerJob, "--es-url", sim.url()});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("PROMOTE generation 20261122t020000"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("Run lock: unknown"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("Rollback hold: unknown"), std::string::npos) << status.out;
}

TEST(RunLockTest, ClusterRefusingToAutoCreateTheLockIndexIsExit5NamingIndexPrivilegeAndOption) {
    SimProcess sim = demo_sim();
    auto set = http(sim.url(), "PUT", "/_cluster/settings", R"({"persistent":{"action.auto_create_index":"false"}})");
    ASSERT_EQ(set.status, 200) << set.body;
    ProcessResult run = run_job(sim.url());
    EXPECT_EQ(run.exit_code, 5) << run.err;
    EXPECT_NE(run.err.find("[aliasing-locks]"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("action.auto_create_index] is [false]"), std::string::npos) << "the cluster's own reason";
    EXPECT_NE(run.err.find("create_index"), std::string::npos) << "the privilege: " << run.err;
    EXPECT_NE(run.err.find("--lock-index NAME"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on(sim.url(), kOldGeneration));

    ASSERT_EQ(http(sim.url(), "PUT", "/ops-locks").status, 200);  // an operator creates an index for it
    ProcessResult again = run_job(sim.url(), {"--lock-index", "ops-locks"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(alias_on(sim.url(), kNewGeneration));
    EXPECT_TRUE(e2e::request_seen(sim.url(), "/ops-locks/_create/customer-prod"));
    EXPECT_FALSE(lock_present(sim.url(), "ops-locks"));
}

TEST(RunLockTest, RoleWithoutRightsOnTheLockIndexIsExit5NamingThePrivilege) {
    SimProcess sim = demo_sim();
    auto fault = http(sim.url(), "POST", "/_sim/faults", R"({"method":"PUT","path":"/aliasing-locks/_create/*","status":403,
        "body":{"error":{"root_cause":[],"type":"security_exception","reason":"action [indices:data/write/index] is unauthorized for user [etl] with effective roles [etl_role] on indices [aliasing-locks], this action is granted by the index privileges [create_doc,create,index,write,all]"},"status":403}})");
    ASSERT_EQ(fault.status, 200) << fault.body;
    ProcessResult run = run_job(sim.url());
    EXPECT_EQ(run.exit_code, 5) << run.err;
    EXPECT_NE(run.err.find("security_exception"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("read, write and create_index"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("--lock-index NAME"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on(sim.url(), kOldGeneration));
}

TEST(RunLockTest, InvalidLockIndexNameIsAUsageError) {
    ProcessResult run = run_process(ALIASING_BIN, {"run", kCustomerJob, "--es-url", "http://127.0.0.1:9", "--lock-index",
                                                   "Bad*Name"});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_NE(run.err.find("--lock-index"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace aliasing

#endif
