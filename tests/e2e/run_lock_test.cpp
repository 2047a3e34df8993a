// One run per alias at a time: two `aliasing run` processes against one aliasing-sim, and locks left behind.

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <thread>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kJob = kSource + "/examples/jobs/customer.json";

SimProcess demo_sim(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--state", kSource + "/examples/demo-cluster.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return SimProcess(ALIASING_SIM_BIN, args);
}

ProcessResult run_job(const std::string& url) { return run_process(ALIASING_BIN, {"run", kJob, "--es-url", url}); }

bool lock_present(const std::string& url) {
    auto reply = http(url, "GET", "/aliasing-locks/_doc/customer-prod");
    return reply.status == 200 && reply.body.find("\"found\":true") != std::string::npos;
}

bool alias_on_old_generation(const std::string& url) {
    return http(url, "GET", "/_alias/customer-prod").body.find("20261121t020000123") != std::string::npos;
}

TEST(RunLockTest, SecondConcurrentRunIsRefusedNamingTheHolderAndTheFirstCompletes) {
    SimProcess sim = demo_sim({"--forcemerge-ms-per-gib", "150"});  // the first run merges for a few seconds
    ProcessResult first;
    std::thread runner([&] { first = run_job(sim.url()); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!lock_present(sim.url()) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ProcessResult second = run_job(sim.url());
    runner.join();

    EXPECT_EQ(second.exit_code, 6) << second.err;
    EXPECT_NE(second.err.find("another run holds the lock on alias [customer-prod]"), std::string::npos) << second.err;
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    EXPECT_NE(second.err.find(std::string(host) + ":"), std::string::npos) << "names the holder host:pid";
    EXPECT_EQ(second.out, "") << "the refused run must not even plan";
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_FALSE(lock_present(sim.url())) << "the lock is released at the end of the run";
}

TEST(RunLockTest, ExpiredLockLeftByACrashedRunIsTakenOver) {
    SimProcess sim = demo_sim();
    auto created = http(sim.url(), "PUT", "/aliasing-locks/_create/customer-prod",
                        R"({"holder":"crashed-host:4242","job":"customer.json","token":"t","expires_at_ms":1000})");
    ASSERT_EQ(created.status, 201) << created.body;
    ProcessResult run = run_job(sim.url());
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_FALSE(alias_on_old_generation(sim.url()));
    EXPECT_FALSE(lock_present(sim.url()));
}

TEST(RunLockTest, UnexpiredLockRefusesTheRunAndNothingIsTouched) {
    SimProcess sim = demo_sim();
    auto created = http(sim.url(), "PUT", "/aliasing-locks/_create/customer-prod",
                        R"({"holder":"busy-host:77","job":"customer.json","token":"t","expires_at_ms":99999999999999})");
    ASSERT_EQ(created.status, 201) << created.body;
    ProcessResult run = run_job(sim.url());
    EXPECT_EQ(run.exit_code, 6);
    EXPECT_NE(run.err.find("busy-host:77"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on_old_generation(sim.url()));
    EXPECT_TRUE(lock_present(sim.url())) << "another run's lock is never deleted";
}

TEST(RunLockTest, DryRunNeedsNoLock) {
    SimProcess sim = demo_sim();
    http(sim.url(), "PUT", "/aliasing-locks/_create/customer-prod",
         R"({"holder":"busy-host:77","job":"customer.json","token":"t","expires_at_ms":99999999999999})");
    ProcessResult status = run_process(ALIASING_BIN, {"status", kJob, "--es-url", sim.url()});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_NE(status.out.find("PROMOTE generation 20261122t020000"), std::string::npos) << status.out;
}

}  // namespace
}  // namespace aliasing

#endif
