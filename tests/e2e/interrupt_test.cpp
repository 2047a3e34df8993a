// SIGTERM / SIGINT (Airflow's task timeout, systemd stop, Ctrl-C) against the real executable: the run stops at
// the next safe point, releases its lock, writes the report with outcome "interrupted" and exits 6; a rerun
// converges.

#include "demo_cluster.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>

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

void interrupt_during_force_merge(int signal_number) {
    SimProcess sim = demo_sim({"--forcemerge-ms-per-gib", "2000"});  // merging takes far longer than the test
    e2e::TempFile report("interrupted-report.json");
    testing::BackgroundProcess run(ALIASING_BIN,
                                   {"run", kCustomerJob, "--es-url", sim.url(), "--report", report.path()});
    ASSERT_TRUE(e2e::wait_until([&] { return e2e::request_seen(sim.url(), "_forcemerge"); }));
    ASSERT_TRUE(lock_present(sim.url()));
    const auto signalled = std::chrono::steady_clock::now();
    run.signal(signal_number);
    ProcessResult result = run.wait();
    const auto took = std::chrono::steady_clock::now() - signalled;

    EXPECT_EQ(result.exit_code, 6) << result.err;
    EXPECT_LT(took, std::chrono::seconds(5)) << "stops at the next poll, not after the merge";
    EXPECT_NE(result.err.find("interrupted"), std::string::npos) << result.err;
    EXPECT_FALSE(lock_present(sim.url())) << "the lock is released";
    const std::string written = e2e::read_text(report.path());
    EXPECT_NE(written.find("\"outcome\":\"interrupted\""), std::string::npos) << written;
    EXPECT_NE(written.find("\"exit_code\":6"), std::string::npos) << written;
    EXPECT_TRUE(alias_on(sim.url(), kOldGeneration)) << "the cluster is safe: the alias was not moved";

    ASSERT_EQ(http(sim.url(), "PUT", "/_sim/config", R"({"forcemerge_millis_per_gib":0})").status, 200);
    ProcessResult rerun = run_process(ALIASING_BIN, {"run", kCustomerJob, "--es-url", sim.url()});
    EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_TRUE(alias_on(sim.url(), kNewGeneration)) << "the rerun converges";
}

TEST(InterruptTest, SigtermDuringForceMergeStopsReleasesTheLockAndReportsInterrupted) {
    interrupt_during_force_merge(SIGTERM);
}

TEST(InterruptTest, SigintDuringForceMergeStopsTheSameWay) { interrupt_during_force_merge(SIGINT); }

TEST(InterruptTest, SigtermAfterTheSwapRequestIsSeenOnlyAfterTheVerification) {
    SimProcess sim = demo_sim();
    // The swap is held on the master for a while: the signal lands between sending it and its verification.
    auto fault = http(sim.url(), "POST", "/_sim/faults",
                      R"({"method":"POST","path":"/_aliases","action":"delay","delay_ms":1500})");
    ASSERT_EQ(fault.status, 200) << fault.body;
    e2e::TempFile report("swap-report.json");
    testing::BackgroundProcess run(ALIASING_BIN,
                                   {"run", kCustomerJob, "--es-url", sim.url(), "--report", report.path()});
    ASSERT_TRUE(e2e::wait_until([&] { return e2e::request_seen(sim.url(), "_cluster/health"); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(700));  // the swap is in flight now
    run.signal(SIGTERM);
    ProcessResult result = run.wait();
    EXPECT_EQ(result.exit_code, 6) << result.err;
    EXPECT_TRUE(alias_on(sim.url(), kNewGeneration)) << "the swap went through";
    const std::string written = e2e::read_text(report.path());
    EXPECT_NE(written.find("\"step\":\"verify\",\"target\":\"customer-prod\",\"status\":\"ok\""), std::string::npos) << "verified before stopping: " << written;
    EXPECT_NE(written.find("\"outcome\":\"interrupted\""), std::string::npos) << written;
    EXPECT_FALSE(lock_present(sim.url()));
    ProcessResult rerun = run_process(ALIASING_BIN, {"run", kCustomerJob, "--es-url", sim.url()});
    EXPECT_EQ(rerun.exit_code, 0) << "the rerun finishes the cleanup: " << rerun.err;
}

}  // namespace
}  // namespace aliasing

#endif
