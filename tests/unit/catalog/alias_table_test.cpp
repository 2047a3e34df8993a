#include "aliasing/catalog/alias_table.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

TEST(AliasTableTest, ListsIndicesCarryingAnAlias) {
    auto table = AliasTable::parse(R"({"b":{"aliases":{"live":{}}},"a":{"aliases":{"live":{},"other":{}}},
        "c":{"aliases":{}}})", "t");
    ASSERT_TRUE(table.ok());
    EXPECT_EQ(table->indices_with("live"), (std::vector<std::string_view>{"a", "b"}));
    EXPECT_EQ(table->aliases_of("a"), (std::vector<std::string>{"live", "other"}));
    EXPECT_TRUE(table->aliases_of("c").empty());
    EXPECT_TRUE(table->aliases_of("unknown").empty());
}

TEST(AliasTableTest, MissingAlias404BodyMeansNoTargets) {
    auto table = AliasTable::parse(R"({"error":"alias [customer-prod] missing","status":404})", "t");
    ASSERT_TRUE(table.ok());
    EXPECT_TRUE(table->indices_with("customer-prod").empty());
}

TEST(AliasTableTest, Partial404BodyKeepsTheFoundEntries) {
    auto table = AliasTable::parse(
        R"({"error":"alias [non-existent] missing","status":404,"test_index":{"aliases":{"test_alias":{}}}})", "t");
    ASSERT_TRUE(table.ok());
    EXPECT_EQ(table->indices_with("test_alias"), (std::vector<std::string_view>{"test_index"}));
}

TEST(AliasTableTest, MergeUnitesBothBodies) {
    auto one = AliasTable::parse(R"({"a":{"aliases":{"live":{}}}})", "t");
    auto two = AliasTable::parse(R"({"a":{"aliases":{"reporting":{}}},"b":{"aliases":{"live":{}}}})", "t");
    ASSERT_TRUE(one.ok() && two.ok());
    one->merge(*two);
    EXPECT_EQ(one->aliases_of("a"), (std::vector<std::string>{"live", "reporting"}));
    EXPECT_EQ(one->indices_with("live"), (std::vector<std::string_view>{"a", "b"}));
}

TEST(AliasTableTest, NotAnObjectIsAnErrorNamingTheOrigin) {
    auto table = AliasTable::parse("[1]", "aliases.json");
    ASSERT_FALSE(table.ok());
    EXPECT_NE(table.error().message.find("aliases.json"), std::string::npos);
}

TEST(AliasTableTest, ReadsEveryPropertyAsGetAliasReturnsIt) {
    auto table = AliasTable::parse(R"({"a":{"aliases":{"live":{"filter" : { "term" : {"region":"eu"} },
        "index_routing":"1","search_routing":"1,2","is_write_index":true,"is_hidden":false}}}})", "t");
    ASSERT_TRUE(table.ok()) << table.error().message;
    const AliasProperties& properties = table->properties("a", "live");
    EXPECT_EQ(properties.filter, std::optional<std::string>(R"({"term":{"region":"eu"}})"));
    EXPECT_EQ(properties.index_routing, std::optional<std::string>("1"));
    EXPECT_EQ(properties.search_routing, std::optional<std::string>("1,2"));
    EXPECT_EQ(properties.is_write_index, std::optional<bool>(true));
    EXPECT_EQ(properties.is_hidden, std::optional<bool>(false));
    EXPECT_TRUE(properties.unknown.empty());
    EXPECT_EQ(properties_json(properties),
              R"({"filter":{"term":{"region":"eu"}},"index_routing":"1","search_routing":"1,2","is_write_index":true,"is_hidden":false})");
}

TEST(AliasTableTest, APlainAliasHasNoProperties) {
    auto table = AliasTable::parse(R"({"a":{"aliases":{"live":{}}}})", "t");
    ASSERT_TRUE(table.ok());
    EXPECT_TRUE(table->properties("a", "live").empty());
    EXPECT_TRUE(table->properties("a", "other").empty());
    EXPECT_TRUE(table->properties("b", "live").empty());
    EXPECT_EQ(properties_json(table->properties("a", "live")), "{}");
}

TEST(AliasTableTest, UnknownPropertiesAreRecordedSoTheyAreNotSilentlyDropped) {
    auto table = AliasTable::parse(R"({"a":{"aliases":{"live":{"zeta":1,"alpha":{}}}}})", "t");
    ASSERT_TRUE(table.ok());
    EXPECT_EQ(table->properties("a", "live").unknown, (std::vector<std::string>{"alpha", "zeta"}));
}

TEST(AliasTableTest, MalformedPropertyIsAnErrorNamingAliasAndIndex) {
    auto table = AliasTable::parse(R"({"a":{"aliases":{"live":{"filter":"region:eu"}}}})", "aliases.json");
    ASSERT_FALSE(table.ok());
    EXPECT_NE(table.error().message.find("alias [live] of index [a]"), std::string::npos) << table.error().message;
    EXPECT_NE(table.error().message.find("filter"), std::string::npos);
}

TEST(AliasTableTest, MergeKeepsTheProperties) {
    auto one = AliasTable::parse(R"({"a":{"aliases":{"live":{}}}})", "t");
    auto two = AliasTable::parse(R"({"a":{"aliases":{"reporting":{"is_hidden":true}}},
        "b":{"aliases":{"live":{"index_routing":"7","search_routing":"7"}}}})", "t");
    ASSERT_TRUE(one.ok() && two.ok());
    one->merge(*two);
    EXPECT_EQ(one->properties("a", "reporting").is_hidden, std::optional<bool>(true));
    EXPECT_EQ(one->properties("b", "live").index_routing, std::optional<std::string>("7"));
    EXPECT_TRUE(one->properties("a", "live").empty());
}

}  // namespace
}  // namespace aliasing
