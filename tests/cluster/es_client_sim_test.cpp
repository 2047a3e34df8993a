// EsClient's typed calls against aliasing-sim (8.x and 7.17 behaviour).
#ifdef ALIASING_HAVE_SIM
#include "sim_fixture.hpp"

#include "aliasing/cluster/index_path.hpp"

#include <set>

namespace aliasing::cluster {
namespace {

using testing::Sim717Test;
using testing::SimTest;

TEST_F(SimTest, InfoReportsVersion) {
    auto es = client();
    auto info = es.info();
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->major_version, 8);
    EXPECT_EQ(info->version, "8.15.0");
}

TEST_F(SimTest, CatIndicesReturnsRawJsonWithAskedColumns) {
    create_index("cat-a");
    auto es = client();
    auto body = es.cat_indices("cat-*");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_NE(body->find("\"index\":\"cat-a\""), std::string::npos) << *body;
    EXPECT_NE(body->find("\"pri.segments.count\""), std::string::npos) << *body;
    EXPECT_NE(body->find("\"creation.date\""), std::string::npos) << *body;
}

TEST_F(SimTest, CatIndicesOfMissingConcreteIndexIsEmptyArray) {
    auto es = client();
    auto body = es.cat_indices("no-such-index");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(*body, "[]");
}

TEST_F(SimTest, MissingAliasBodyReturnedAsIs) {
    auto es = client();
    auto body = es.get_alias("nothing-here");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(*body, R"({"error":"alias [nothing-here] missing","status":404})");
}

TEST_F(SimTest, GetAliasListsTargets) {
    create_index("gen-1");
    auto es = client();
    ASSERT_TRUE(es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})").ok());
    auto body = es.get_alias("live");
    ASSERT_TRUE(body.ok());
    EXPECT_NE(body->find("\"gen-1\""), std::string::npos) << *body;
}

TEST_F(SimTest, IndexAliasesOfMissingIndexIsEmptyObject) {
    auto es = client();
    auto body = es.get_index_aliases("no-such-index");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(*body, "{}");
}

TEST_F(SimTest, MustExistFailureIsAliasMoved) {
    create_index("gen-1");
    create_index("gen-2");
    auto es = client();
    auto status = es.update_aliases(
        R"({"actions":[{"remove":{"index":"gen-1","alias":"live","must_exist":true}},{"add":{"index":"gen-2","alias":"live"}}]})");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::AliasMoved);
    EXPECT_FALSE(status.outcome_unknown());
    EXPECT_NE(status.error().message.find("POST /_aliases failed: 404"), std::string::npos) << status.error().message;
    EXPECT_FALSE(alias_points_to("live", "gen-2"));  // atomic: nothing applied
}

TEST_F(SimTest, OtherAliasErrorsCarryTypeAndReason) {
    auto es = client();
    auto status = es.update_aliases(R"({"actions":[{"add":{"index":"absent","alias":"live"}}]})");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::StepFailed);
    EXPECT_NE(status.error().message.find("index_not_found_exception"), std::string::npos) << status.error().message;
}

std::vector<std::string> long_names(int count) {
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) {
        std::string name = "customer-2_0_0-entity-" + std::to_string(i) + "-";
        name.resize(90, 'x');
        names.push_back(name);
    }
    return names;
}

TEST_F(SimTest, DeleteIsChunkedUnderTheRequestLineLimitAndDeletesAll) {
    const auto names = long_names(150);
    for (const auto& name : names) create_index(name);
    auto es = client();
    ASSERT_TRUE(es.delete_indices(names).ok());
    int deletes = 0;
    for (const auto& logged : request_log()) {
        if (logged.method != "DELETE") continue;
        ++deletes;
        EXPECT_LT(logged.line_bytes, 4096u);
        EXPECT_EQ(logged.status, 200);
    }
    EXPECT_GT(deletes, 1);
    auto left = es.cat_indices("customer-*");
    ASSERT_TRUE(left.ok());
    EXPECT_EQ(*left, "[]");
}

TEST_F(SimTest, DeleteRefusesWildcardsListsAndAllBeforeSending) {
    auto es = client();
    for (const std::string bad : {"gen-*", "a,b", "_all", "", "-gen"}) {
        auto status = es.delete_indices({"fine", bad});
        ASSERT_FALSE(status.ok()) << bad;
        EXPECT_NE(status.error().message.find("explicit index names"), std::string::npos);
    }
    EXPECT_EQ(es.requests_sent(), 0u);
}

TEST_F(SimTest, DeleteOfMissingIndexCarriesClusterError) {
    auto es = client();
    auto status = es.delete_indices({"absent"});
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("DELETE /absent failed: 404 index_not_found_exception"), std::string::npos)
        << status.error().message;
}

TEST_F(SimTest, SetReplicasChunkedAndApplied) {
    const auto names = long_names(60);
    for (const auto& name : names) create_index(name);
    auto es = client();
    ASSERT_TRUE(es.set_replicas(names, 1).ok());
    for (const auto& logged : request_log()) EXPECT_LT(logged.line_bytes, 4096u);
    const auto settings = control(Method::Get, "/" + names.back() + "/_settings");
    EXPECT_NE(settings.body.find("\"number_of_replicas\":\"1\""), std::string::npos) << settings.body;
}

TEST_F(SimTest, WaitForHealthGreen) {
    create_index("h-1");
    auto es = client();
    auto health = es.wait_for_health({"h-1"}, "green", std::chrono::seconds{5});
    ASSERT_TRUE(health.ok()) << health.error().message;
    EXPECT_EQ(health->status, "green");
    EXPECT_FALSE(health->timed_out);
}

TEST_F(SimTest, WaitForHealthOfMissingIndexTimesOutRed) {
    auto es = client();
    auto health = es.wait_for_health({"absent"}, "green", std::chrono::seconds{1});
    ASSERT_TRUE(health.ok()) << health.error().message;
    EXPECT_TRUE(health->timed_out);
    EXPECT_EQ(health->status, "red");
}

TEST_F(SimTest, ForcemergeAsTaskOn8x) {
    create_index("fm-1");
    auto es = client();
    auto task = es.start_forcemerge("fm-1", 1);
    ASSERT_TRUE(task.ok()) << task.error().message;
    TaskState state;
    for (int i = 0; i < 100 && !state.completed; ++i) {
        auto polled = es.get_task(*task);
        ASSERT_TRUE(polled.ok()) << polled.error().message;
        state = *polled;
        if (!state.completed) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_TRUE(state.completed);
    EXPECT_FALSE(state.error.has_value());
    const auto log = request_log();
    bool saw = false;
    for (const auto& logged : log) saw = saw || logged.query.find("wait_for_completion=false") != std::string::npos;
    EXPECT_TRUE(saw);
}

TEST_F(SimTest, PrimarySegmentsPerIndex) {
    create_index("seg-1");
    create_index("seg-2");
    auto es = client();
    auto segments = es.primary_segments({"seg-1", "seg-2"});
    ASSERT_TRUE(segments.ok()) << segments.error().message;
    ASSERT_EQ(segments->size(), 2u);
    std::set<std::string> names{(*segments)[0].index, (*segments)[1].index};
    EXPECT_EQ(names, (std::set<std::string>{"seg-1", "seg-2"}));
}

TEST_F(SimTest, RequestCounterCountsWireRequests) {
    auto es = client();
    ASSERT_TRUE(es.info().ok());
    ASSERT_TRUE(es.cat_indices("*").ok());
    EXPECT_EQ(es.requests_sent(), 2u);
}

TEST_F(Sim717Test, ForcemergeSyncOn717) {
    create_index("fm-1");
    auto es = client();
    auto info = es.info();
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->major_version, 7);
    auto status = es.forcemerge_sync("fm-1", 1);
    ASSERT_TRUE(status.ok()) << status.error().message;
}

TEST_F(Sim717Test, TaskModeForcemergeRejectedOn717) {
    create_index("fm-1");
    auto es = client();
    auto task = es.start_forcemerge("fm-1", 1);
    ASSERT_FALSE(task.ok());
    EXPECT_FALSE(task.outcome_unknown());
    EXPECT_NE(task.error().message.find("400"), std::string::npos) << task.error().message;
}

TEST_F(Sim717Test, HealthTimeoutAs408IsTimedOut) {
    auto es = client();
    auto health = es.wait_for_health({"absent"}, "green", std::chrono::seconds{1});
    ASSERT_TRUE(health.ok()) << health.error().message;
    EXPECT_TRUE(health->timed_out);
}

}  // namespace
}  // namespace aliasing::cluster
#endif
