// The safety rules of the real-cluster test layer (tests/support/test_cluster.hpp), checked against an aliasing-sim:
// a test refuses to start on a prefix that already has indices, creates only under its prefix, and its cleanup
// deletes every index under the prefix and nothing else, never anything for an empty or foreign prefix.

#include "sim_process.hpp"
#include "test_cluster.hpp"

#include <gtest/gtest.h>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using cluster::Method;
using testing::SimProcess;
using testing::TestCluster;

bool exists(TestCluster& cluster, const std::string& index) {
    return cluster.request(Method::Get, "/" + index).status == 200;
}

TEST(TestClusterSafety, PrefixIsFreshAndATakenOneIsRefused) {
    const std::string prefix = testing::random_test_prefix();
    EXPECT_EQ(prefix.rfind("aliasing-test-", 0), 0u) << prefix;
    EXPECT_EQ(prefix.size(), std::string("aliasing-test-").size() + 11) << prefix;
    EXPECT_NE(testing::random_test_prefix(), prefix);

    SimProcess sim(ALIASING_SIM_BIN, {});
    auto first = TestCluster::simulator(sim.url(), prefix);
    ASSERT_EQ(first->check_prefix_is_free(), "");
    ASSERT_EQ(first->create_index(first->name("customer-2_0_0-a-1"), 1, 0, ""), "");
    auto second = TestCluster::simulator(sim.url(), prefix);
    EXPECT_NE(second->check_prefix_is_free().find("refusing to start: the test prefix " + prefix + " is not free"),
              std::string::npos);
}

TEST(TestClusterSafety, CleanupDeletesEverythingUnderThePrefixAndNothingElse) {
    SimProcess sim(ALIASING_SIM_BIN, {});
    auto outside = TestCluster::simulator(sim.url());
    for (const char* name : {"keep-me", "aliasing-test-other000-x"})
        ASSERT_EQ(outside->request(Method::Put, std::string("/") + name).status, 200);
    auto cluster = TestCluster::simulator(sim.url(), testing::random_test_prefix());
    EXPECT_NE(cluster->create_index("keep-me-too", 1, 0, ""), "") << "a name outside the prefix is refused";
    ASSERT_EQ(cluster->create_index(cluster->name("a"), 1, 0, R"({")" + cluster->name("alias") + R"(":{}})"), "");
    ASSERT_EQ(cluster->create_index(cluster->name("b"), 1, 0, "", 1, false), "");
    ASSERT_EQ(cluster->request(Method::Put, "/" + cluster->lock_index() + "/_doc/x", "{}").status / 100, 2);
    cluster->cleanup();
    for (const auto& name : {cluster->name("a"), cluster->name("b"), cluster->lock_index()})
        EXPECT_FALSE(exists(*cluster, name)) << name;
    EXPECT_TRUE(exists(*outside, "keep-me"));
    EXPECT_TRUE(exists(*outside, "aliasing-test-other000-x")) << "another run's prefix is not ours";
    outside->cleanup();  // an empty prefix deletes nothing
    EXPECT_TRUE(exists(*outside, "keep-me"));
}

TEST(TestClusterSafety, StateDocumentTakesThePrefixOffAndLeavesTheLockIndexOut) {
    SimProcess sim(ALIASING_SIM_BIN, {});
    auto cluster = TestCluster::simulator(sim.url(), testing::random_test_prefix());
    ASSERT_EQ(cluster->seed(R"({"cat_indices":[{"index":"i-1","status":"open","pri":"1","rep":"0"}],)"
                            R"("aliases":{"i-1":{"aliases":{"live":{"is_write_index":true}}}}})"),
              "");
    ASSERT_EQ(cluster->request(Method::Put, "/" + cluster->lock_index() + "/_doc/x", "{}").status / 100, 2);
    const std::string state = cluster->state_document();
    EXPECT_NE(state.find(R"("index":"i-1")"), std::string::npos) << state;
    EXPECT_NE(state.find(R"({"live":{"is_write_index":true}})"), std::string::npos) << state;
    EXPECT_EQ(state.find(cluster->prefix()), std::string::npos) << state;
    EXPECT_EQ(state.find("aliasing-locks"), std::string::npos) << state;
    EXPECT_NE(cluster->request(Method::Get, "/_alias/" + cluster->name("live")).status, 404) << "alias prefixed";
}

}  // namespace
}  // namespace aliasing

#endif
