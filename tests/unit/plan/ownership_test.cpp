// Ownership (docs/ownership.md): which indices under index_base are this job's.
#include "aliasing/plan/ownership.hpp"

#include "plan_fixture.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

using testing::alias_body;
using testing::as_strings;
using testing::has;
using testing::index_of;
using testing::Scenario;

bool ignored_as_not_ours(const Plan& plan, const std::string& name) {
    for (const auto& ignored : plan.ignored)
        if (ignored.index == name) return ignored.reason == IgnoreReason::NotThisJobsEntity;
    return false;
}

// customer-2_0_0-{individual,address} of three runs (the alias on the middle one) beside another team's
// customer-2_0_0-archive-{individual,address} of several runs, one newer than all of ours.
Scenario archive_beside_ours() {
    Scenario s;
    s.job_file.delete_old = true;
    s.job_file.forcemerge_new = true;
    s.job_file.new_replicas = 1;
    for (const char* run : {"20261013t020000", "20261014t020000", "20261015t020000"}) {
        s.rows.push_back({index_of("individual", run)});
        s.rows.push_back({index_of("address", run)});
    }
    for (const char* run : {"20261001t000000", "20261014t020000", "20261016t000000"}) {
        s.rows.push_back({index_of("archive-individual", run)});
        s.rows.push_back({index_of("archive-address", run)});
    }
    s.aliases = alias_body({index_of("individual", "20261014t020000"), index_of("address", "20261014t020000")});
    return s;
}

TEST(OwnershipTest, PinnedEntitiesLeaveAnotherSourcesIndicesUnderTheSameBaseIgnoredAndUntouched) {
    Scenario s = archive_beside_ours();
    s.job_file.entities = std::vector<std::string>{"individual", "address"};
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(plan.candidate->run_id, "20261015t020000");
    EXPECT_EQ(as_strings(plan.new_indices),
              (std::vector<std::string>{index_of("address", "20261015t020000"), index_of("individual", "20261015t020000")}));
    for (const auto& row : plan.merges) EXPECT_EQ(std::string(row.index).find("archive"), std::string::npos) << row.index;
    EXPECT_EQ(as_strings(plan.deletions),
              (std::vector<std::string>{index_of("address", "20261013t020000"), index_of("address", "20261014t020000"),
                                        index_of("individual", "20261013t020000"),
                                        index_of("individual", "20261014t020000")}));
    for (const char* run : {"20261001t000000", "20261014t020000", "20261016t000000"}) {
        EXPECT_TRUE(ignored_as_not_ours(plan, index_of("archive-individual", run))) << run;
        EXPECT_TRUE(ignored_as_not_ours(plan, index_of("archive-address", run))) << run;
    }
    for (const auto& generation : plan.generations) EXPECT_NE(generation.run_id, "20261016t000000");
}

TEST(OwnershipTest, PluginDeclaredEntitiesLeaveOtherEntitiesIgnored) {
    Scenario s = archive_beside_ours();
    s.source = testing::SimpleSource({}, {"address", "individual"});
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(plan.entities_from, EntitySource::Plugin);
    EXPECT_EQ(plan.new_indices.size(), 2u);
    EXPECT_TRUE(ignored_as_not_ours(plan, index_of("archive-address", "20261016t000000")));
    EXPECT_FALSE(has(plan.deletions, index_of("archive-address", "20261001t000000")));
}

TEST(OwnershipTest, DiscoveryRefusesAnEntityThatIsAnotherOnePlusAPrefixAndSaysWhatToPin) {
    Scenario s = archive_beside_ours();
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(plan.exit_code(), 4);
    EXPECT_TRUE(plan.deletions.empty());
    EXPECT_TRUE(plan.merges.empty());
    EXPECT_NE(plan.reason.find("ambiguous"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find("[archive-address, archive-individual]"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find(R"("entities": ["address","individual"])"), std::string::npos) << plan.reason;
}

TEST(OwnershipTest, DiscoveryRefusesAnEntityThatIsAnotherOnePlusASuffix) {
    Scenario s;
    s.rows = {{index_of("individual", "20261015t020000")}, {index_of("individual-archive", "20261015t020000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("[individual-archive]"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find(R"("entities": ["individual"])"), std::string::npos) << plan.reason;
}

TEST(OwnershipTest, DiscoveryRefusesAnEntityThatLooksLikeANestedIndexBase) {
    Scenario s;
    s.rows = {{index_of("address", "20261015t020000")}, {index_of("eu-3_1_0-person", "20261015t020000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("[eu-3_1_0-person]"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find("schema version"), std::string::npos) << plan.reason;
    EXPECT_NE(plan.reason.find(R"("entities": ["address"])"), std::string::npos) << plan.reason;
}

TEST(OwnershipTest, PinningTheEntitiesLiftsTheAmbiguityRefusal) {
    Scenario s;
    s.job_file.entities = std::vector<std::string>{"individual"};
    s.rows = {{index_of("individual", "20261015t020000")}, {index_of("individual-archive", "20261015t020000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_TRUE(ignored_as_not_ours(plan, index_of("individual-archive", "20261015t020000")));
}

TEST(OwnershipTest, AnEntityInTheCandidateButNotInTheLiveGenerationIsANewEntity) {
    Scenario s;
    s.rows = {{index_of("individual", "20261014t020000")}, {index_of("address", "20261014t020000")},
              {index_of("individual", "20261015t020000")}, {index_of("address", "20261015t020000")},
              {index_of("phone", "20261015t020000")}};
    s.aliases = alias_body({index_of("individual", "20261014t020000"), index_of("address", "20261014t020000")});
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(plan.new_entities, (std::vector<std::string>{"phone"}));
}

TEST(OwnershipTest, FirstPromotionHasNoNewEntities) {
    Scenario s;
    s.rows = {{index_of("individual", "20261015t020000")}};
    EXPECT_TRUE(s.plan().new_entities.empty());
}

TEST(EntityOwnershipTest, JobEntitiesWinOverDeclaredOnes) {
    Job job = testing::job();
    job.entities = std::vector<std::string>{"individual"};
    DataSourceInfo info;
    info.entities = {"address", "individual"};
    EntityOwnership ownership(job, info);
    EXPECT_EQ(ownership.source(), EntitySource::Job);
    EXPECT_TRUE(ownership.owns_entity("individual"));
    EXPECT_FALSE(ownership.owns_entity("address"));
    EXPECT_FALSE(ownership.owns_entity("archive-individual"));
}

TEST(EntityOwnershipTest, DiscoveryModeOwnsEveryEntity) {
    EntityOwnership ownership(testing::job(), DataSourceInfo{});
    EXPECT_EQ(ownership.source(), EntitySource::Discovered);
    EXPECT_FALSE(ownership.fixed());
    EXPECT_TRUE(ownership.owns_entity("anything"));
}

TEST(EntityOwnershipTest, OwnsIndexNeedsTheNamingAndAnOwnedEntity) {
    Job job = testing::job();
    job.entities = std::vector<std::string>{"individual"};
    testing::SimpleSource source;
    EntityOwnership ownership(job, source.info());
    auto owned = [&](std::string_view name) { return owns_index(ownership, source, job.index_base, name).value(); };
    EXPECT_TRUE(owned("customer-2_0_0-individual-20261015t020000"));
    EXPECT_TRUE(owned("customer-2_0_0-individual-notarunid"));  // ours, but invalid: never touched anyway
    EXPECT_FALSE(owned("customer-2_0_0-archive-individual-20261015t020000"));
    EXPECT_FALSE(owned("customer-2_0_0-scratch"));
    EXPECT_FALSE(owned("customer-1_0_0-individual-20261015t020000"));
    EXPECT_FALSE(owned("customer-2_0_0"));
}

TEST(AmbiguousEntitiesTest, PrefixSuffixAndVersionLikePartsAreAmbiguousOthersAreNot) {
    const std::vector<std::string_view> entities{"person",        "contact-person", "person-old",   "postal-address",
                                                 "email-address", "eu-2_0_0-note",  "v2.1-account", "phone"};
    std::vector<std::string> found;
    for (const auto& ambiguous : ambiguous_entities(entities)) found.push_back(ambiguous.entity);
    EXPECT_EQ(found, (std::vector<std::string>{"contact-person", "eu-2_0_0-note", "person-old", "v2.1-account"}));
}

TEST(EntityNameTest, DeclaredEntitiesAreCheckedLikeIndexNameParts) {
    EXPECT_TRUE(entity_name_problem("postal-address").empty());
    EXPECT_FALSE(entity_name_problem("").empty());
    EXPECT_FALSE(entity_name_problem("Individual").empty());
    EXPECT_FALSE(entity_name_problem("a b").empty());
    EXPECT_FALSE(entity_name_problem("-address").empty());
    EXPECT_FALSE(entity_name_problem("address-").empty());
    EXPECT_FALSE(entity_name_problem("postal--address").empty());
}

}  // namespace
}  // namespace aliasing

namespace aliasing {
namespace {

TEST(OwnershipTest, WhenEveryEntityIsAmbiguousTheRefusalStillNamesAValidEntitiesLine) {
    testing::Scenario s;
    s.rows = {{testing::index_of("eu-3_1_0-person", "20261015t020000")}};
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find(R"("entities": ["eu-3_1_0-person"] if these really are this job's entities)"),
              std::string::npos)
        << plan.reason;
}

}  // namespace
}  // namespace aliasing
