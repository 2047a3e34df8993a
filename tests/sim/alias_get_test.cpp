// GET|HEAD /_alias and /{index}/_alias (reference §3).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class AliasGetTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        create_index("c-1", 1, 0, 10, 1, 1, R"({"live":{},"old":{}})");
        create_index("c-2", 1, 0, 10, 1, 1, R"({"next":{"is_write_index":true,"routing":"r1"}})");
        create_index("c-3");
    }
};

TEST_F(AliasGetTest, AllAliasesListEveryIndexIncludingThoseWithout)
{
    const HttpResult result = get("/_alias");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"c-1":{"aliases":{"live":{},"old":{}}},"c-2":{"aliases":{"next":{"index_routing":"r1","search_routing":"r1","is_write_index":true}}},"c-3":{"aliases":{}}})"));
}

TEST_F(AliasGetTest, NamedAliasListsOnlyIndicesHavingIt)
{
    EXPECT_EQ(get("/_alias/live").json, J(R"({"c-1":{"aliases":{"live":{}}}})"));
}

TEST_F(AliasGetTest, MissingAliasAnswersSimple404)
{
    const HttpResult result = get("/_alias/nope");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json, J(R"({"error":"alias [nope] missing","status":404})"));
}

TEST_F(AliasGetTest, MissingAliasesAreSortedAndFoundOnesKept)
{
    const HttpResult result = get("/_alias/zz,live,aa");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json, J(R"({"error":"aliases [aa,zz] missing","status":404,"c-1":{"aliases":{"live":{}}}})"));
    EXPECT_EQ(result.body.substr(0, 9), R"({"error":)");
}

TEST_F(AliasGetTest, WildcardAliasMatchingNothingAnswersEmptyObject)
{
    const HttpResult result = get("/_alias/nope*");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J("{}"));
}

TEST_F(AliasGetTest, ExcludedMissingNameIsNotReported)
{
    const HttpResult result = get("/_alias/live,nope,-nope");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"c-1":{"aliases":{"live":{}}}})"));
}

TEST_F(AliasGetTest, IndexScopedAliasesWithoutName)
{
    EXPECT_EQ(get("/c-3,c-1/_alias").json, J(R"({"c-1":{"aliases":{"live":{},"old":{}}},"c-3":{"aliases":{}}})"));
}

TEST_F(AliasGetTest, IndexScopedAliasWithName)
{
    EXPECT_EQ(get("/c-*/_alias/old").json, J(R"({"c-1":{"aliases":{"old":{}}}})"));
}

TEST_F(AliasGetTest, IndexScopedAliasOnMissingIndexAnswersIndexNotFound)
{
    const HttpResult result = get("/nope/_alias/live");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["type"], Json("index_not_found_exception"));
}

TEST_F(AliasGetTest, HeadExistingAliasAnswers200)
{
    EXPECT_EQ(head("/_alias/live").status, 200);
}

TEST_F(AliasGetTest, HeadMissingAliasAnswers404)
{
    const HttpResult result = head("/_alias/nope");
    EXPECT_EQ(result.status, 404);
    EXPECT_TRUE(result.body.empty());
}

TEST_F(AliasGetTest, IndexPatternListsEveryPropertyOfEveryAlias)
{
    ASSERT_EQ(put("/c-3/_alias/tenant", R"({"filter":{"term":{"tenant":"a"}},"index_routing":"1","is_hidden":true})").status, 200);
    EXPECT_EQ(get("/c-2,c-3/_alias").json,
              J(R"({"c-2":{"aliases":{"next":{"index_routing":"r1","search_routing":"r1","is_write_index":true}}},"c-3":{"aliases":{"tenant":{"filter":{"term":{"tenant":"a"}},"index_routing":"1","is_hidden":true}}}})"));
    EXPECT_EQ(get("/_alias/tenant").json,
              J(R"({"c-3":{"aliases":{"tenant":{"filter":{"term":{"tenant":"a"}},"index_routing":"1","is_hidden":true}}}})"));
}

TEST_F(AliasGetTest, HeadIndexScopedAlias)
{
    EXPECT_EQ(head("/c-1/_alias/live").status, 200);
    EXPECT_EQ(head("/c-2/_alias/live").status, 404);
}

TEST_F(AliasGetTest, LocalParameterWarnsIn8x)
{
    const HttpResult result = get("/_alias/live?local=true");
    EXPECT_EQ(result.status, 200);
    EXPECT_NE(result.header("Warning").find("the [?local=true] query parameter to get-aliases requests has no effect"),
              std::string::npos);
}

}  // namespace
}  // namespace aliasing::sim::test
