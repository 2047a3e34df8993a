// The alias change of a promotion: properties carried per entity, foreign targets refused, kept or removed.
#include "aliasing/plan/alias_targets.hpp"

#include "plan_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aliasing {
namespace {

constexpr const char* kAlias = "search-prod";

// Owns the inputs of one decision.
struct Case {
    std::string body = "{}";
    std::vector<std::string_view> current;
    std::vector<EntityIndex> ours;
    std::vector<EntityIndex> next = {{"c-address-2", "address"}, {"c-individual-2", "individual"}};
    ForeignAliasTargets policy = ForeignAliasTargets::Refuse;
    AliasTable table;

    Result<AliasChange> decide() {
        auto parsed = AliasTable::parse(body, "aliases");
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
        table = std::move(parsed).value();
        current = table.indices_with(kAlias);
        return plan_alias_change({kAlias, table, current, ours, next, policy});
    }
};

std::vector<std::string> names(const std::vector<std::string_view>& views) { return {views.begin(), views.end()}; }

const AliasProperties& added(const AliasChange& change, std::string_view index) {
    for (const auto& add : change.adds)
        if (add.index == index) return add.properties;
    ADD_FAILURE() << "no add for " << index;
    static const AliasProperties none;
    return none;
}

TEST(AliasTargetsTest, FirstPromotionAddsPlainAliases) {
    Case c;
    auto change = c.decide();
    ASSERT_TRUE(change.ok()) << change.error().message;
    EXPECT_TRUE(change->removes.empty());
    ASSERT_EQ(change->adds.size(), 2u);
    EXPECT_TRUE(change->adds[0].properties.empty());
    EXPECT_EQ(names(change->after), (std::vector<std::string>{"c-address-2", "c-individual-2"}));
}

TEST(AliasTargetsTest, PropertiesAllOldTargetsShareAreCarriedToEveryNewIndex) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{"filter":{"term":{"tenant":"a"}},"index_routing":"1","search_routing":"1","is_hidden":true}}},
                 "c-individual-1":{"aliases":{"search-prod":{"filter":{"term":{"tenant":"a"}},"index_routing":"1","search_routing":"1","is_hidden":true}}}})";
    c.ours = {{"c-address-1", "address"}, {"c-individual-1", "individual"}};
    c.next.push_back({"c-phone-2", "phone"});  // a new entity: the shared properties apply to it too
    auto change = c.decide();
    ASSERT_TRUE(change.ok()) << change.error().message;
    EXPECT_FALSE(change->per_entity);
    for (const auto& add : change->adds) {
        EXPECT_EQ(add.properties.filter, std::optional<std::string>(R"({"term":{"tenant":"a"}})")) << add.index;
        EXPECT_EQ(add.properties.index_routing, std::optional<std::string>("1"));
        EXPECT_EQ(add.properties.search_routing, std::optional<std::string>("1"));
        EXPECT_EQ(add.properties.is_hidden, std::optional<bool>(true));
    }
    EXPECT_EQ(names(change->removes), (std::vector<std::string>{"c-address-1", "c-individual-1"}));
}

TEST(AliasTargetsTest, DifferentFiltersPerEntityAreEachCarriedToTheirEntity) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{"filter":{"term":{"kind":"address"}}}}},
                 "c-individual-1":{"aliases":{"search-prod":{"filter":{"term":{"kind":"person"}},"is_write_index":true}}}})";
    c.ours = {{"c-address-1", "address"}, {"c-individual-1", "individual"}};
    auto change = c.decide();
    ASSERT_TRUE(change.ok()) << change.error().message;
    EXPECT_TRUE(change->per_entity);
    EXPECT_EQ(added(*change, "c-address-2").filter, std::optional<std::string>(R"({"term":{"kind":"address"}})"));
    EXPECT_FALSE(added(*change, "c-address-2").is_write_index);
    EXPECT_EQ(added(*change, "c-individual-2").filter, std::optional<std::string>(R"({"term":{"kind":"person"}})"));
    EXPECT_EQ(added(*change, "c-individual-2").is_write_index, std::optional<bool>(true));
}

TEST(AliasTargetsTest, NewEntityWithoutOldTargetWhileOldTargetsDisagreeIsRefused) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{"filter":{"term":{"kind":"address"}}}}},
                 "c-individual-1":{"aliases":{"search-prod":{"filter":{"term":{"kind":"person"}}}}}})";
    c.ours = {{"c-address-1", "address"}, {"c-individual-1", "individual"}};
    c.next.push_back({"c-phone-2", "phone"});
    auto change = c.decide();
    ASSERT_FALSE(change.ok());
    EXPECT_EQ(change.error().kind, ErrorKind::Validation);
    EXPECT_NE(change.error().message.find("[c-phone-2] of entity [phone]"), std::string::npos) << change.error().message;
}

TEST(AliasTargetsTest, OldTargetsOfOneEntityThatDisagreeAreRefused) {
    Case c;
    c.body = R"({"c-address-0":{"aliases":{"search-prod":{"index_routing":"1","search_routing":"1"}}},
                 "c-address-1":{"aliases":{"search-prod":{}}}})";
    c.ours = {{"c-address-0", "address"}, {"c-address-1", "address"}};
    auto change = c.decide();
    ASSERT_FALSE(change.ok());
    EXPECT_NE(change.error().message.find("both of entity [address]"), std::string::npos) << change.error().message;
}

TEST(AliasTargetsTest, WriteIndexCarriedToSeveralNewIndicesIsRefused) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{"is_write_index":true}}}})";
    c.ours = {{"c-address-1", "address"}};
    auto change = c.decide();
    ASSERT_FALSE(change.ok());
    EXPECT_EQ(change.error().kind, ErrorKind::Validation);
    EXPECT_NE(change.error().message.find("is_write_index true on 2 indices"), std::string::npos)
        << change.error().message;
    EXPECT_NE(change.error().message.find("c-address-2, c-individual-2"), std::string::npos);
}

TEST(AliasTargetsTest, PropertyUnknownToThisVersionIsRefusedNotDropped) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{"must_route_to":"x"}}}})";
    c.ours = {{"c-address-1", "address"}};
    auto change = c.decide();
    ASSERT_FALSE(change.ok());
    EXPECT_NE(change.error().message.find("[must_route_to]"), std::string::npos) << change.error().message;
}

TEST(AliasTargetsTest, ForeignTargetsAreRefusedByDefaultNamingThem) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{}}},"orders-7":{"aliases":{"search-prod":{}}},
                 "legacy":{"aliases":{"search-prod":{}}}})";
    c.ours = {{"c-address-1", "address"}};
    auto change = c.decide();
    ASSERT_FALSE(change.ok());
    EXPECT_EQ(change.error().kind, ErrorKind::Validation);
    EXPECT_NE(change.error().message.find("[legacy, orders-7]"), std::string::npos) << change.error().message;
    EXPECT_NE(change.error().message.find("\"foreign_alias_targets\""), std::string::npos);
}

TEST(AliasTargetsTest, KeepLeavesForeignTargetsBehindTheAliasWithoutARemove) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{}}},"orders-7":{"aliases":{"search-prod":{"is_write_index":true}}}})";
    c.ours = {{"c-address-1", "address"}};
    c.policy = ForeignAliasTargets::Keep;
    auto change = c.decide();
    ASSERT_TRUE(change.ok()) << change.error().message;
    EXPECT_EQ(names(change->foreign), (std::vector<std::string>{"orders-7"}));
    EXPECT_EQ(names(change->removes), (std::vector<std::string>{"c-address-1"}));
    EXPECT_EQ(names(change->after), (std::vector<std::string>{"c-address-2", "c-individual-2", "orders-7"}));
    EXPECT_TRUE(added(*change, "c-address-2").empty()) << "a foreign target's properties are not ours to carry";
}

TEST(AliasTargetsTest, RemoveTakesForeignTargetsOffTheAlias) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{}}},"orders-7":{"aliases":{"search-prod":{}}}})";
    c.ours = {{"c-address-1", "address"}};
    c.policy = ForeignAliasTargets::Remove;
    auto change = c.decide();
    ASSERT_TRUE(change.ok()) << change.error().message;
    EXPECT_EQ(names(change->foreign), (std::vector<std::string>{"orders-7"}));
    EXPECT_EQ(names(change->removes), (std::vector<std::string>{"c-address-1", "orders-7"}));
    EXPECT_EQ(names(change->after), (std::vector<std::string>{"c-address-2", "c-individual-2"}));
}

TEST(AliasTargetsTest, KeptForeignWriteIndexBesideACarriedOneIsRefused) {
    Case c;
    c.body = R"({"c-address-1":{"aliases":{"search-prod":{"is_write_index":true}}},
                 "c-individual-1":{"aliases":{"search-prod":{}}},
                 "orders-7":{"aliases":{"search-prod":{"is_write_index":true}}}})";
    c.ours = {{"c-address-1", "address"}, {"c-individual-1", "individual"}};
    c.policy = ForeignAliasTargets::Keep;
    auto change = c.decide();
    ASSERT_FALSE(change.ok());
    EXPECT_NE(change.error().message.find("c-address-2, orders-7"), std::string::npos) << change.error().message;
}

TEST(AliasTargetsTest, DescribesPropertiesForThePlan) {
    AliasProperties properties;
    properties.filter = R"({"term":{"a":1}})";
    properties.index_routing = "1";
    properties.search_routing = "1";
    properties.is_write_index = true;
    EXPECT_EQ(describe_properties(properties), R"(filter {"term":{"a":1}}, routing 1, is_write_index true)");
    properties.search_routing = "1,2";
    EXPECT_EQ(describe_properties(properties),
              R"(filter {"term":{"a":1}}, index_routing 1, search_routing 1,2, is_write_index true)");
    EXPECT_EQ(describe_properties(AliasProperties{}), "");
}

// --- through make_plan: the planner calls plan_alias_change with its own targets as "ours"

std::string cidx(const std::string& entity, const std::string& run_id) {
    return "customer-2_0_0-" + entity + "-" + run_id;
}

TEST(PlannerAliasChangeTest, ForeignTargetRefusesThePlanByDefault) {
    testing::Scenario s;
    s.rows = {{cidx("address", "20261014t103000")}, {cidx("address", "20261015t103000")}, {"orders-1"}};
    s.aliases = testing::alias_body({cidx("address", "20261014t103000"), "orders-1"});
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(plan.exit_code(), 4);
    EXPECT_NE(plan.reason.find("[orders-1]"), std::string::npos) << plan.reason;
}

TEST(PlannerAliasChangeTest, KeptForeignTargetDoesNotStopAnAlreadyLiveGeneration) {
    testing::Scenario s;
    s.job_file.foreign_alias_targets = ForeignAliasTargets::Keep;
    s.rows = {{cidx("address", "20261015t103000")}};
    s.aliases = testing::alias_body({cidx("address", "20261015t103000"), "orders-1"});
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::AlreadyLive) << plan.reason;
}

TEST(PlannerAliasChangeTest, PlanCarriesTheLiveFilterToTheNewIndex) {
    testing::Scenario s;
    s.rows = {{cidx("address", "20261014t103000")}, {cidx("address", "20261015t103000")}};
    s.aliases = "{\"" + cidx("address", "20261014t103000") +
                R"(":{"aliases":{"customer-prod":{"filter":{"term":{"t":"a"}},"index_routing":"1","search_routing":"1"}}}})";
    Plan plan = s.plan();
    ASSERT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    ASSERT_EQ(plan.alias_change.adds.size(), 1u);
    EXPECT_EQ(plan.alias_change.adds[0].index, cidx("address", "20261015t103000"));
    EXPECT_EQ(plan.alias_change.adds[0].properties.filter, std::optional<std::string>(R"({"term":{"t":"a"}})"));
    EXPECT_EQ(plan.alias_change.adds[0].properties.index_routing, std::optional<std::string>("1"));
}

}  // namespace
}  // namespace aliasing
