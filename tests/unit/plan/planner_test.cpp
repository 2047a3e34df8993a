#include "plan_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace aliasing {
namespace {

using testing::alias_body;
using testing::Row;
using testing::Scenario;

const std::string kBase = "customer-2_0_0-";
std::string idx(const std::string& entity, const std::string& run_id) { return kBase + entity + "-" + run_id; }

std::vector<std::string> names(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

bool contains(const std::vector<std::string_view>& views, const std::string& name) {
    return std::find(views.begin(), views.end(), name) != views.end();
}

TEST(PlannerTest, FirstPromotionWithMissingAliasPromotesTheNewestGeneration) {
    Scenario s;
    s.rows = {{idx("address", "20261015t103000")}, {idx("individual", "20261015t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_EQ(plan.exit_code(), 0);
    EXPECT_TRUE(plan.old_indices.empty());
    EXPECT_EQ(names(plan.new_indices),
              (std::vector<std::string>{idx("address", "20261015t103000"), idx("individual", "20261015t103000")}));
}

TEST(PlannerTest, SeveralRunIdsForAnEntityTheNewestGenerationIsUsed) {
    Scenario s;
    s.rows = {{idx("address", "20261014t103000")}, {idx("individual", "20261014t103000")},
              {idx("address", "20261016t103000")}, {idx("individual", "20261016t103000")},
              {idx("address", "20261015t103000")}, {idx("individual", "20261015t103000")}};
    Plan plan = s.plan();
    ASSERT_TRUE(plan.candidate);
    EXPECT_EQ(plan.candidate->run_id, "20261016t103000");
    EXPECT_TRUE(contains(plan.new_indices, idx("address", "20261016t103000")));
}

TEST(PlannerTest, GenerationsAreOrderedByInstantNotBySpelling) {
    Scenario s;
    // As strings "20261015t103000.5" < "20261015t103000123"; as instants .500 s is later than .123 s.
    s.rows = {{idx("address", "20261015t103000123")}, {idx("address", "20261015t103000.5")}};
    Plan plan = s.plan();
    ASSERT_TRUE(plan.candidate);
    EXPECT_EQ(plan.candidate->run_id, "20261015t103000.5");
}

TEST(PlannerTest, NewestRunIdMissingForSomeEntityIsRefusedNamingThem) {
    Scenario s;
    s.rows = {{idx("address", "20261015t103000")}, {idx("individual", "20261015t103000")},
              {idx("contact", "20261015t103000")}, {idx("address", "20261016t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(plan.exit_code(), 4);
    EXPECT_NE(plan.reason.find("incomplete generation 20261016t103000"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find("contact, individual"), std::string::npos) << plan.reason;
}

TEST(PlannerTest, IncompleteGenerationNeverFallsBackToAnOlderOne) {
    Scenario s;
    s.rows = {{idx("address", "20261015t103000")}, {idx("individual", "20261015t103000")},
              {idx("address", "20261016t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(plan.candidate->run_id, "20261016t103000");
}

TEST(PlannerTest, RetiredEntityMessageSaysHowToPinEntities) {
    Scenario s;
    s.rows = {{idx("address", "20261015t103000")}, {idx("legacy", "20261015t103000")},
              {idx("address", "20261016t103000")}};
    Plan plan = s.plan();
    EXPECT_NE(plan.reason.find(R"("entities": ["address"])"), std::string::npos) << plan.reason;
}

TEST(PlannerTest, JobEntitiesOverrideDiscoveredOnes) {
    Scenario s;
    s.job_file.entities = std::vector<std::string>{"address"};
    s.rows = {{idx("address", "20261015t103000")}, {idx("legacy", "20261015t103000")},
              {idx("address", "20261016t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_EQ(plan.entities_from, EntitySource::Job);
}

TEST(PlannerTest, PluginDeclaredEntitiesAreExpected) {
    Scenario s;
    s.source = testing::SimpleSource({}, {"address", "individual"});
    s.rows = {{idx("address", "20261016t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(plan.entities_from, EntitySource::Plugin);
    EXPECT_NE(plan.reason.find("individual"), std::string::npos);
}

TEST(PlannerTest, RunIdEndingOn000MsWithoutFractionIsTheSameGeneration) {
    Scenario s;
    s.rows = {{idx("address", "20261015t103000")}, {idx("individual", "20261015t103000000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    ASSERT_EQ(plan.generations.size(), 1u);
    EXPECT_EQ(plan.new_indices.size(), 2u);
}

TEST(PlannerTest, OldEqualsNewIsAlreadyLiveAndNothingIsDeletedEvenWithDeleteOld) {
    Scenario s;
    s.job_file.delete_old = true;
    s.rows = {{idx("address", "20261015t103000")}};
    s.aliases = alias_body({idx("address", "20261015t103000")});
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::AlreadyLive);
    EXPECT_EQ(plan.exit_code(), 3);
    EXPECT_TRUE(plan.deletions.empty());
    EXPECT_TRUE(plan.merges.empty());
}

TEST(PlannerTest, AlreadyLiveWithStaleGenerationsAndDeleteOldIsCleanupOnly) {
    Scenario s;
    s.job_file.delete_old = true;
    s.rows = {{idx("address", "20261014t103000")}, {idx("address", "20261015t103000")}};
    s.aliases = alias_body({idx("address", "20261015t103000")});
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::CleanupOnly);
    EXPECT_EQ(plan.exit_code(), 0);
    EXPECT_EQ(names(plan.deletions), (std::vector<std::string>{idx("address", "20261014t103000")}));
}

TEST(PlannerTest, AlreadyLiveWithStaleGenerationsButNoDeleteOldIsAlreadyLive) {
    Scenario s;
    s.rows = {{idx("address", "20261014t103000")}, {idx("address", "20261015t103000")}};
    s.aliases = alias_body({idx("address", "20261015t103000")});
    EXPECT_EQ(s.plan().outcome, PlanOutcome::AlreadyLive);
}

TEST(PlannerTest, UnparseableNamesAreIgnoredOrInvalidAndNeverTouched) {
    Scenario s;
    s.job_file.delete_old = true;
    s.rows = {{"customer-2_0_0"}, {"other-1_0_0-address-20261010t103000"},
              {idx("address", "20261399t103000")},  // month 13
              {idx("address", "notarunid")}, {idx("address", "20261015t103000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_EQ(plan.ignored.size(), 2u);
    ASSERT_EQ(plan.invalid.size(), 2u);
    EXPECT_NE(plan.invalid[0].reason.find("20261399t103000"), std::string::npos);
    EXPECT_TRUE(plan.deletions.empty());
}

TEST(PlannerTest, FutureGenerationIsSkippedReportedAndNeverDeleted) {
    Scenario s;
    s.job_file.delete_old = true;
    s.now = RunInstant{1'760'524'200'000'000'000};  // 2025-10-15T10:30:00Z
    s.rows = {{idx("address", "20251015t100000")}, {idx("address", "20251015t103501")},
              {idx("address", "20251015t103400")}};  // 4 minutes ahead: within the skew
    Plan plan = s.plan();
    ASSERT_TRUE(plan.candidate);
    EXPECT_EQ(plan.candidate->run_id, "20251015t103400");
    ASSERT_EQ(plan.future.size(), 1u);
    EXPECT_EQ(plan.future[0].index, idx("address", "20251015t103501"));
    EXPECT_FALSE(contains(plan.deletions, idx("address", "20251015t103501")));
}

TEST(PlannerTest, ExactlyFiveMinutesAheadIsStillACandidate) {
    Scenario s;
    s.now = RunInstant{1'760'524'200'000'000'000};  // 2025-10-15T10:30:00Z
    s.rows = {{idx("address", "20251015t100000")}, {idx("address", "20251015t103500")}};
    Plan plan = s.plan();
    ASSERT_TRUE(plan.candidate);
    EXPECT_EQ(plan.candidate->run_id, "20251015t103500");
    EXPECT_TRUE(plan.future.empty());
}

TEST(PlannerTest, NothingToPromoteIsRefused) {
    Scenario s;
    s.rows = {{"customer-2_0_0-junk"}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("nothing to promote"), std::string::npos);
}

TEST(PlannerTest, AliasOnANewerGenerationIsNeverMovedBackwards) {
    Scenario s;
    s.now = RunInstant{1'760'524'200'000'000'000};  // 2025-10-15T10:30:00Z
    s.rows = {{idx("address", "20251015t100000")}, {idx("address", "20251016t100000")}};  // the newer is "future"
    s.aliases = alias_body({idx("address", "20251016t100000")});
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("backwards"), std::string::npos);
}

TEST(PlannerTest, SwapCoversEveryObservedOldTarget) {
    Scenario s;
    s.rows = {{idx("address", "20261014t103000")}, {idx("address", "20261015t103000")}};
    s.aliases = alias_body({idx("address", "20261014t103000"), "customer-1_0_0-address-20250101t000000"});
    s.job_file.foreign_alias_targets = ForeignAliasTargets::Remove;
    Plan plan = s.plan();
    EXPECT_EQ(plan.old_indices.size(), 2u);
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_EQ(plan.alias_change.removes, plan.old_indices);
}

// find_old_indices looks every index of ours up in the alias's targets (a hash set; see planner.cpp): pinned with
// alias target sets on both sides of libstdc++'s small-set size (20), every name of the same length.
TEST(PlannerTest, ManySameLengthAliasTargetsMarkExactlyTheirGenerationLive) {
    for (const int entities : {19, 20, 21, 24}) {
        Scenario s;
        std::vector<std::string> live;
        for (int e = 0; e < entities; ++e) {
            const std::string entity = "e" + std::string(e < 10 ? "0" : "") + std::to_string(e);
            for (const char* run : {"20261014t103000", "20261015t103000", "20261016t103000"})
                s.rows.push_back({idx(entity, run)});
            live.push_back(idx(entity, "20261015t103000"));
        }
        s.aliases = alias_body(live);
        Plan plan = s.plan();
        ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << entities;
        EXPECT_EQ(plan.candidate->run_id, "20261016t103000");
        std::sort(live.begin(), live.end());
        EXPECT_EQ(names(plan.old_indices), live);
        ASSERT_EQ(plan.generations.size(), 3u);
        EXPECT_FALSE(plan.generations[0].live);
        EXPECT_TRUE(plan.generations[1].live);
        EXPECT_FALSE(plan.generations[2].live);
    }
}

}  // namespace
}  // namespace aliasing
