// docs/multi-cluster.md M1–M3 and N1 on hand-made plans: the one generation every cluster promotes.
#include "aliasing/multi/multi_cluster.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

GenerationSummary generation(std::string_view run_id, std::vector<std::string> missing = {}) {
    GenerationSummary summary;
    summary.run_id = run_id;
    summary.instant = *parse_run_id(run_id);
    summary.complete = missing.empty();
    summary.missing = std::move(missing);
    return summary;
}

Plan plan(PlanOutcome outcome, std::vector<GenerationSummary> generations,
          std::vector<std::string> entities = {"account", "contact"}) {
    Plan plan;
    plan.outcome = outcome;
    plan.expected_entities = std::move(entities);
    plan.generations = std::move(generations);
    plan.candidate = plan.generations.front();
    return plan;
}

TEST(Agreement, OneInstantSpelledTwoWaysIsOneGeneration) {
    const Plan a = plan(PlanOutcome::Promote, {generation("20261122t020000")});
    const Plan b = plan(PlanOutcome::AlreadyLive, {generation("20261122t020000000")});
    auto agreed = agree_on_candidate({{"a", &a}, {"b", &b}});
    ASSERT_TRUE(agreed.ok()) << agreed.error().message;
    EXPECT_EQ(agreed->run_id, "20261122t020000");
    EXPECT_FALSE(agreed->already_live_everywhere);
}

TEST(Agreement, AClusterWhoseNewestIsOlderLacksTheCandidate) {
    const Plan a = plan(PlanOutcome::Promote, {generation("20261122t020000"), generation("20261121t020000")});
    const Plan b = plan(PlanOutcome::AlreadyLive, {generation("20261121t020000")});
    auto agreed = agree_on_candidate({{"a", &a}, {"b", &b}});
    ASSERT_FALSE(agreed.ok());
    EXPECT_EQ(agreed.error().kind, ErrorKind::Validation);
    EXPECT_NE(agreed.error().message.find("cluster [b] has no index of generation 20261122t020000 (its newest: "
                                          "20261121t020000)"),
              std::string::npos)
        << agreed.error().message;
}

TEST(Agreement, AnEntityOneClusterNeverReceivedRefusesTheRun) {
    const Plan a = plan(PlanOutcome::Promote, {generation("20261122t020000")}, {"account", "contact"});
    const Plan b = plan(PlanOutcome::Promote, {generation("20261122t020000")}, {"account"});
    auto agreed = agree_on_candidate({{"a", &a}, {"b", &b}});
    ASSERT_FALSE(agreed.ok());
    EXPECT_NE(agreed.error().message.find("cluster [b] lacks entity [contact] of generation 20261122t020000"),
              std::string::npos)
        << agreed.error().message;
}

TEST(Agreement, ARefusedPlanRefusesTheRunNamingItsCluster) {
    Plan a = plan(PlanOutcome::Refused, {generation("20261122t020000", {"contact"})});
    a.reason = "incomplete generation 20261122t020000: no index for entity [contact]";
    const Plan b = plan(PlanOutcome::Promote, {generation("20261122t020000")});
    auto agreed = agree_on_candidate({{"a", &a}, {"b", &b}});
    ASSERT_FALSE(agreed.ok());
    EXPECT_EQ(agreed.error().message.rfind("cluster [a] refuses: incomplete generation 20261122t020000", 0), 0u)
        << agreed.error().message;
    EXPECT_EQ(agreed.error().message.find("cluster [b]"), std::string::npos);
}

TEST(Agreement, AlreadyLiveEverywhereIsSaid) {
    const Plan a = plan(PlanOutcome::AlreadyLive, {generation("20261122t020000")});
    const Plan b = plan(PlanOutcome::AlreadyLive, {generation("20261122t020000")});
    auto agreed = agree_on_candidate({{"a", &a}, {"b", &b}});
    ASSERT_TRUE(agreed.ok());
    EXPECT_TRUE(agreed->already_live_everywhere);
}

TEST(ClusterArguments, SortedByNameWithTheirVariablePrefix) {
    auto parsed = parse_cluster_arguments({"primary=http://127.0.0.1:1", "dr-eu=http://127.0.0.1:2,http://127.0.0.1:3"});
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ASSERT_EQ(parsed->size(), 2u);
    EXPECT_EQ((*parsed)[0].name, "dr-eu");
    EXPECT_EQ((*parsed)[0].url, "http://127.0.0.1:2,http://127.0.0.1:3");
    EXPECT_EQ(cluster_variable_prefix("dr-eu"), "ALIASING_DR_EU");
    EXPECT_FALSE(parse_cluster_arguments({"a=http://x", "a=http://y"}).ok());
    EXPECT_FALSE(parse_cluster_arguments({"=http://x"}).ok());
    EXPECT_FALSE(parse_cluster_arguments({"a="}).ok());
}

}  // namespace
}  // namespace aliasing
