#include "aliasing/alias_table.hpp"

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

}  // namespace
}  // namespace aliasing
