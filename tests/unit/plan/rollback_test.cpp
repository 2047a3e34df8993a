// The rollback target (PlanMode::Rollback): the newest older generation complete in its time.
#include "plan_fixture.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

using testing::alias_body;
using testing::index_of;
using testing::Scenario;

TEST(RollbackPlanTest, TargetsTheNewestCompleteGenerationOlderThanTheLiveOne) {
    Scenario s;
    s.rows = {{index_of("address", "20261012t103000")}, {index_of("individual", "20261012t103000")},
              {index_of("address", "20261013t103000")},  // incomplete: skipped
              {index_of("address", "20261014t103000")}, {index_of("individual", "20261014t103000")}};
    s.aliases = alias_body({index_of("address", "20261014t103000"), index_of("individual", "20261014t103000")});
    s.job_file.delete_old = true;
    s.job_file.forcemerge_new = true;
    s.job_file.new_replicas = 2;
    Plan plan = s.plan(PlanMode::Rollback);
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    ASSERT_TRUE(plan.candidate);
    EXPECT_EQ(plan.candidate->run_id, "20261012t103000");
    EXPECT_TRUE(plan.deletions.empty());
    EXPECT_TRUE(plan.merges.empty());
    EXPECT_FALSE(plan.new_replicas);
    EXPECT_EQ(plan.old_indices.size(), 2u);
}

TEST(RollbackPlanTest, NoOlderCompleteGenerationIsRefusedMentioningKeepGenerations) {
    Scenario s;
    s.rows = {{index_of("address", "20261014t103000")}};
    s.aliases = alias_body({index_of("address", "20261014t103000")});
    Plan plan = s.plan(PlanMode::Rollback);
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("keep_generations"), std::string::npos) << plan.reason;
}

TEST(RollbackPlanTest, AliasNotOnAGenerationIsRefused) {
    Scenario s;
    s.rows = {{index_of("address", "20261014t103000")}};
    Plan plan = s.plan(PlanMode::Rollback);
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("nothing to roll back from"), std::string::npos) << plan.reason;
}

TEST(RollbackPlanTest, AfterPromotingAGenerationThatAddedAnEntityRollsBackToTheRetainedOne) {
    // The state after promoting 20261015 (individual, address, phone) over 20261014 (individual, address) with
    // keep_generations 1: 20261014 was complete when it was promoted, and is the rollback target.
    Scenario s;
    s.rows = {{index_of("individual", "20261014t020000")}, {index_of("address", "20261014t020000")},
              {index_of("individual", "20261015t020000")}, {index_of("address", "20261015t020000")},
              {index_of("phone", "20261015t020000")}};
    s.aliases = alias_body({index_of("individual", "20261015t020000"), index_of("address", "20261015t020000"),
                            index_of("phone", "20261015t020000")});
    Plan plan = s.plan(PlanMode::Rollback);
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(plan.candidate->run_id, "20261014t020000");
    EXPECT_EQ(plan.new_indices.size(), 2u);
}

TEST(RollbackPlanTest, AliasOnAsManyIndicesAsTheGenerationButNotExactlyThemIsRefused) {
    Scenario s;
    s.rows = {{index_of("address", "20261013t103000")}, {index_of("individual", "20261013t103000")},
              {index_of("address", "20261014t103000")}, {index_of("individual", "20261014t103000")}};
    // Two targets, as many as generation 20261014 has, but one of them is not of it.
    s.aliases = alias_body({index_of("address", "20261014t103000"), "customer-1_0_0-individual-20250101t000000"});
    Plan plan = s.plan(PlanMode::Rollback);
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("does not point to exactly the indices of generation 20261014t103000"),
              std::string::npos)
        << plan.reason;
}

}  // namespace
}  // namespace aliasing
