// A rollback that the next scheduled run does not undo: the hold beside the run lock, seen by every host.

#include "demo_cluster.hpp"

#include <gtest/gtest.h>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using e2e::alias_on;
using e2e::demo_sim;
using e2e::kNewGeneration;
using e2e::kOldGeneration;
using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const char* kKeepOneJob = R"({"alias_name":"customer-prod","data_source":"customer","delete_old":"True",
    "forcemerge_new":"True","index_base":"customer-2_0_0","new_replicas":"1","keep_generations":"1"})";

ProcessResult aliasing(const std::vector<std::string>& args) { return run_process(ALIASING_BIN, args); }

// Everything a run could change about the data source's indices and the alias.
std::string data_source_state(const std::string& url) {
    return e2e::alias_body(url) +
           http(url, "GET", "/_cat/indices/customer-2_0_0-*?format=json&h=index,status,rep,pri.segments.count&s=index").body;
}

bool hold_present(const std::string& url) {
    return e2e::doc_present(url, "/aliasing-locks/_doc/customer-prod%23rollback-hold");
}

// Writes are only the lock's and the hold's: nothing under the data source's index_base.
bool only_lock_index_written(const std::string& url) {
    const std::string log = http(url, "GET", "/_sim/requests").body;
    for (const char* method : {"\"method\":\"PUT\"", "\"method\":\"POST\"", "\"method\":\"DELETE\""}) {
        for (std::size_t at = log.find(method); at != std::string::npos; at = log.find(method, at + 1)) {
            const std::size_t path = log.find("\"path\":\"", at);
            if (log.compare(path + 8, 16, "/aliasing-locks/") != 0) return false;
        }
    }
    return true;
}

TEST(RollbackHoldTest, RunAfterRollbackRefusesWithNothingChangedUntilTheHoldIsCleared) {
    SimProcess sim = demo_sim();
    e2e::TempFile job("keep-one.json", kKeepOneJob);
    const std::vector<std::string> cluster = {"--es-url", sim.url()};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), cluster.begin(), cluster.end());
        return aliasing(args);
    };
    ASSERT_EQ(with({"run", job.path()}).exit_code, 0);
    ASSERT_TRUE(alias_on(sim.url(), kNewGeneration));
    ProcessResult rollback = with({"rollback", job.path()});
    ASSERT_EQ(rollback.exit_code, 0) << rollback.err;
    ASSERT_TRUE(alias_on(sim.url(), kOldGeneration));
    EXPECT_TRUE(hold_present(sim.url())) << "the hold lives in the cluster, beside the lock";

    const std::string before = data_source_state(sim.url());
    http(sim.url(), "DELETE", "/_sim/requests");
    ProcessResult refused = with({"run", job.path()});
    EXPECT_EQ(refused.exit_code, 4) << refused.err;
    EXPECT_NE(refused.err.find("rollback hold"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("rolled back from generation 20261122t020000 to 20261121t020000123"), std::string::npos)
        << "says why: " << refused.err;
    EXPECT_NE(refused.err.find("aliasing rollback --clear " + job.path()), std::string::npos)
        << "says how to clear it: " << refused.err;
    EXPECT_EQ(data_source_state(sim.url()), before) << "nothing changed: no merge, no replicas, no swap, no delete";
    EXPECT_TRUE(only_lock_index_written(sim.url())) << http(sim.url(), "GET", "/_sim/requests").body;

    ProcessResult status = with({"status", job.path()});
    EXPECT_EQ(status.exit_code, 4) << "a run would be refused: " << status.err;
    EXPECT_NE(status.out.find("Rollback hold: alias [customer-prod] was rolled back from generation 20261122t020000"),
              std::string::npos)
        << status.out;

    ProcessResult cleared = with({"rollback", "--clear", job.path()});
    EXPECT_EQ(cleared.exit_code, 0) << cleared.err;
    EXPECT_NE(cleared.err.find("rollback hold cleared"), std::string::npos) << cleared.err;
    EXPECT_FALSE(hold_present(sim.url()));
    EXPECT_TRUE(alias_on(sim.url(), kOldGeneration)) << "--clear does not move the alias";

    ProcessResult promoted = with({"run", job.path()});
    EXPECT_EQ(promoted.exit_code, 0) << promoted.err;
    EXPECT_TRUE(alias_on(sim.url(), kNewGeneration));
}

TEST(RollbackHoldTest, ClearingWhenThereIsNoHoldSaysSo) {
    SimProcess sim = demo_sim();
    ProcessResult cleared = aliasing({"rollback", "--clear", e2e::kCustomerJob, "--es-url", sim.url()});
    EXPECT_EQ(cleared.exit_code, 0) << cleared.err;
    EXPECT_NE(cleared.err.find("no rollback hold"), std::string::npos) << cleared.err;
}

TEST(RollbackHoldTest, HoldUntilNewerEndsWhenAGenerationNewerThanTheRolledBackOneAppears) {
    SimProcess sim = demo_sim();
    e2e::TempFile job("keep-one-newer.json", kKeepOneJob);
    const std::vector<std::string> cluster = {"--es-url", sim.url()};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), cluster.begin(), cluster.end());
        return aliasing(args);
    };
    ASSERT_EQ(with({"run", job.path()}).exit_code, 0);
    ASSERT_EQ(with({"rollback", job.path(), "--hold-until-newer"}).exit_code, 0);
    ProcessResult refused = with({"run", job.path()});
    EXPECT_EQ(refused.exit_code, 4) << "the generation rolled back from is not newer than itself: " << refused.err;

    for (const char* entity : {"account", "address", "contact", "individual"}) {  // the next ETL run
        auto made = http(sim.url(), "PUT", std::string("/customer-2_0_0-") + entity + "-20261123t020000",
                         R"({"settings":{"index":{"number_of_shards":1,"sim":{"store_bytes":1048576}}}})");
        ASSERT_EQ(made.status, 200) << made.body;
    }
    ProcessResult promoted = with({"run", job.path()});
    EXPECT_EQ(promoted.exit_code, 0) << promoted.err;
    EXPECT_TRUE(alias_on(sim.url(), "20261123t020000"));
    EXPECT_FALSE(hold_present(sim.url())) << "the hold ended with the promotion past it";
}

}  // namespace
}  // namespace aliasing

#endif
