// Checks of the generation to promote (SPEC §6.3–§6.5).
#include "plan_fixture.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

using testing::index_of;
using testing::Scenario;

TEST(CandidateTest, CatalogWithoutAStatusColumnIsRefusedSayingSo) {
    Scenario s;
    s.raw_catalog = R"([{"health":"green","index":")" + index_of("address", "20261015t103000") + R"(","pri":"1"}])";
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("no `status` column"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find("h=health,status,"), std::string::npos) << plan.reason;
}

TEST(CandidateTest, CatalogWithoutAHealthColumnIsRefusedSayingSo) {
    Scenario s;
    s.raw_catalog = R"([{"status":"open","index":")" + index_of("address", "20261015t103000") + R"(","pri":"1"}])";
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("no `health` column"), std::string::npos) << plan.reason;
}

TEST(CandidateTest, ClosedNewIndexIsRefused) {
    Scenario s;
    s.rows = {{index_of("address", "20261015t103000"), "close"}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("is closed"), std::string::npos);
}

TEST(CandidateTest, RedNewIndexIsRefused) {
    Scenario s;
    s.rows = {{index_of("address", "20261015t103000"), "open", "red"}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("is red"), std::string::npos);
}

TEST(CandidateTest, SameEntityTwiceInOneInstantIsRefused) {
    Scenario s;
    s.rows = {{index_of("address", "20261015t103000")}, {index_of("address", "20261015t103000000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("2 indices for entity [address]"), std::string::npos) << plan.reason;
}

}  // namespace
}  // namespace aliasing
