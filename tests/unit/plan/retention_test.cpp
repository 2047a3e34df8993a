// The deletion set and what keep_generations retains (docs/ownership.md, rules R1–R7).
#include "plan_fixture.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

using testing::alias_body;
using testing::as_strings;
using testing::has;
using testing::has_note;
using testing::index_of;
using testing::Scenario;

// Live: individual + address of 20261014; the new generation 20261015 adds phone.
Scenario live_generation_then_one_adding_phone(int keep_generations) {
    Scenario s;
    s.job_file.delete_old = true;
    s.job_file.keep_generations = keep_generations;
    s.rows = {{index_of("individual", "20261013t020000")}, {index_of("address", "20261013t020000")},
              {index_of("individual", "20261014t020000")}, {index_of("address", "20261014t020000")},
              {index_of("individual", "20261015t020000")}, {index_of("address", "20261015t020000")},
              {index_of("phone", "20261015t020000")}};
    s.aliases = alias_body({index_of("individual", "20261014t020000"), index_of("address", "20261014t020000")});
    return s;
}

TEST(RetentionTest, KeepOneRetainsTheLiveGenerationThoughItLacksANewEntity) {
    Scenario s = live_generation_then_one_adding_phone(1);
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_FALSE(has(plan.deletions, index_of("individual", "20261014t020000")));
    EXPECT_FALSE(has(plan.deletions, index_of("address", "20261014t020000")));
    EXPECT_TRUE(has_note(plan.kept, index_of("address", "20261014t020000"), "kept for rollback"));
    EXPECT_EQ(as_strings(plan.deletions),
              (std::vector<std::string>{index_of("address", "20261013t020000"), index_of("individual", "20261013t020000")}));
}

TEST(RetentionTest, KeepTwoAlsoRetainsTheGenerationBeforeTheLiveOneCompleteInItsTime) {
    Scenario s = live_generation_then_one_adding_phone(2);
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_TRUE(plan.deletions.empty()) << plan.deletions.size();
    EXPECT_TRUE(has_note(plan.kept, index_of("individual", "20261013t020000"), "kept for rollback"));
}

TEST(RetentionTest, KeepZeroDeletesTheReplacedLiveGeneration) {
    Scenario s = live_generation_then_one_adding_phone(0);
    Plan plan = s.plan();
    EXPECT_TRUE(has(plan.deletions, index_of("individual", "20261014t020000")));
}

TEST(RetentionTest, KeepOneRetainsTheLiveGenerationRatherThanANewerOneNeverPromoted) {
    Scenario s;
    s.job_file.delete_old = true;
    s.job_file.keep_generations = 1;
    s.rows = {{index_of("address", "20261013t020000")}, {index_of("address", "20261014t020000")},
              {index_of("address", "20261015t020000")}};
    s.aliases = alias_body({index_of("address", "20261013t020000")});
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(as_strings(plan.deletions), (std::vector<std::string>{index_of("address", "20261014t020000")}));
    EXPECT_TRUE(has_note(plan.kept, index_of("address", "20261013t020000"), "the alias points to it now"));
}

TEST(RetentionTest, DeleteOldDeletesOlderGenerationsIncludingTheReplacedOne) {
    Scenario s;
    s.job_file.delete_old = true;
    s.rows = {{index_of("address", "20261013t103000")}, {index_of("address", "20261014t103000")},
              {index_of("address", "20261015t103000")}};
    s.aliases = alias_body({index_of("address", "20261014t103000")});
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_EQ(as_strings(plan.deletions),
              (std::vector<std::string>{index_of("address", "20261013t103000"), index_of("address", "20261014t103000")}));
}

TEST(RetentionTest, WithoutDeleteOldNothingIsDeleted) {
    Scenario s;
    s.rows = {{index_of("address", "20261014t103000")}, {index_of("address", "20261015t103000")}};
    EXPECT_TRUE(s.plan().deletions.empty());
}

TEST(RetentionTest, KeepGenerationsRetainsTheNewestOlderCompleteGenerations) {
    Scenario s;
    s.job_file.delete_old = true;
    s.job_file.keep_generations = 1;
    s.rows = {{index_of("address", "20261012t103000")}, {index_of("individual", "20261012t103000")},
              {index_of("address", "20261013t103000")},  // incomplete: not a rollback target, deleted
              {index_of("address", "20261014t103000")}, {index_of("individual", "20261014t103000")},
              {index_of("address", "20261015t103000")}, {index_of("individual", "20261015t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(as_strings(plan.deletions),
              (std::vector<std::string>{index_of("address", "20261012t103000"), index_of("address", "20261013t103000"),
                                        index_of("individual", "20261012t103000")}));
    ASSERT_EQ(plan.kept.size(), 2u);
    EXPECT_NE(plan.kept[0].reason.find("kept for rollback"), std::string::npos);
}

TEST(RetentionTest, IndexCarryingAnotherAliasIsKeptAndReported) {
    Scenario s;
    s.job_file.delete_old = true;
    s.rows = {{index_of("address", "20261014t103000")}, {index_of("address", "20261015t103000")}};
    s.aliases = alias_body({index_of("address", "20261014t103000")}, "reporting");
    Plan plan = s.plan();
    EXPECT_TRUE(plan.deletions.empty());
    ASSERT_EQ(plan.kept.size(), 1u);
    EXPECT_NE(plan.kept[0].reason.find("[reporting]"), std::string::npos);
}

TEST(RetentionTest, AliasTargetOutsideTheNamingIsNeverDeleted) {
    Scenario s;
    s.job_file.delete_old = true;
    s.rows = {{"customer-2_0_0-handmade"}, {index_of("address", "20261015t103000")}};
    s.aliases = alias_body({"customer-2_0_0-handmade"});
    s.job_file.foreign_alias_targets = ForeignAliasTargets::Remove;  // the default refuses (alias_targets_test)
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_TRUE(plan.deletions.empty());
    EXPECT_EQ(as_strings(plan.old_indices), (std::vector<std::string>{"customer-2_0_0-handmade"}));
    ASSERT_EQ(plan.kept.size(), 1u);
    EXPECT_NE(plan.kept[0].reason.find("never deleted"), std::string::npos);
}

}  // namespace
}  // namespace aliasing
