// GET|POST /{index}/_count: match_all from docs.count, and the query subset over stored documents.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class CountTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        const std::string state = R"({"cat_indices":[{"index":"people-1","pri":"2"},{"index":"big-1","docs.count":"41000000"}],
          "mappings":{"people-1":{"mappings":{"properties":{"name":{"type":"text"},"tag":{"type":"keyword"},
                       "age":{"type":"long"},"address":{"properties":{"zip":{"type":"keyword"}}}}}}},
          "documents":{"people-1":[
            {"_id":"1","_source":{"name":"Ada Lovelace","tag":"vip","age":36,"address":{"zip":"10115"}}},
            {"_id":"2","_source":{"name":"Alan Turing","tag":["vip","uk"],"age":41}},
            {"_id":"3","_source":{"name":"Grace Hopper","tag":"us","age":85,"address":{"zip":"10001"}}}]}})";
        ASSERT_EQ(put("/_sim/state", state).status, 200);
    }
    std::int64_t count(const std::string& target, const std::string& query)
    {
        const HttpResult result = post(target, R"({"query":)" + query + "}");
        EXPECT_EQ(result.status, 200) << result.body;
        return result.json["count"].is_integer() ? result.json["count"].as_int() : -1;
    }
};

TEST_F(CountTest, CountWithoutBodyAnswersDocsCountAndPrimaryShards)
{
    EXPECT_EQ(get("/big-1/_count").json, J(R"({"count":41000000,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}})"));
    EXPECT_EQ(get("/people-1/_count").json, J(R"({"count":3,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0}})"));
}

TEST_F(CountTest, MatchAllOverSeveralIndicesAddsUp)
{
    EXPECT_EQ(count("/people-1,big-1/_count", R"({"match_all":{}})"), 41000003);
    EXPECT_EQ(post("/people-1,big-1/_count", R"({"query":{"match_all":{}}})").json["_shards"]["total"], Json(3));
}

TEST_F(CountTest, TermOnKeywordIsExactAndMatchesArrays)
{
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"tag":"vip"}})"), 2);
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"tag":{"value":"uk"}}})"), 1);
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"tag":"VIP"}})"), 0);
}

TEST_F(CountTest, TermOnTextMatchesAnalyzedTokens)
{
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"name":"ada"}})"), 1);
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"name":"Ada"}})"), 0);
}

TEST_F(CountTest, MatchAnalyzesTheQueryWithOrByDefault)
{
    EXPECT_EQ(count("/people-1/_count", R"({"match":{"name":"ADA turing"}})"), 2);
    EXPECT_EQ(count("/people-1/_count", R"({"match":{"name":{"query":"ada turing","operator":"and"}}})"), 0);
}

TEST_F(CountTest, NumericTermAndRangeAndObjectPaths)
{
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"age":"41"}})"), 1);
    EXPECT_EQ(count("/people-1/_count", R"({"range":{"age":{"gte":41}}})"), 2);
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"address.zip":"10115"}})"), 1);
    EXPECT_EQ(count("/people-1/_count", R"({"exists":{"field":"address.zip"}})"), 2);
}

TEST_F(CountTest, BoolMustFilterShouldMustNot)
{
    EXPECT_EQ(count("/people-1/_count", R"({"bool":{"must":[{"term":{"tag":"vip"}}],"filter":{"range":{"age":{"gt":40}}}}})"), 1);
    EXPECT_EQ(count("/people-1/_count", R"({"bool":{"must_not":{"term":{"tag":"vip"}}}})"), 1);
    EXPECT_EQ(count("/people-1/_count", R"({"bool":{"should":[{"term":{"tag":"uk"}},{"term":{"tag":"us"}}]}})"), 2);
}

TEST_F(CountTest, UnmappedFieldMatchesNothing)
{
    EXPECT_EQ(count("/people-1/_count", R"({"term":{"nope":"x"}})"), 0);
}

TEST_F(CountTest, QParameter)
{
    EXPECT_EQ(get("/people-1/_count?q=tag:uk").json["count"], Json(1));
}

TEST_F(CountTest, UnknownQueryAnswersParsingException)
{
    const HttpResult result = post("/people-1/_count", R"({"query":{"fuzzy_thing":{}}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("parsing_exception"));
    EXPECT_EQ(result.json["error"]["reason"], Json("unknown query [fuzzy_thing]"));
}

TEST_F(CountTest, UnsupportedBodyKeyAnswersParsingException)
{
    const HttpResult result = post("/people-1/_count", R"({"size":1})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("request does not support [size]"));
}

TEST_F(CountTest, QueryOnCountedOnlyIndexIsRefusedPlainly)
{
    const HttpResult result = post("/big-1/_count", R"({"query":{"term":{"tag":"x"}}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_argument_exception"));
}

TEST_F(CountTest, StoredDocumentsStandForALargerCountedIndex)
{
    const std::string state = R"({"cat_indices":[{"index":"sample-1","docs.count":"5000"}],
      "documents":{"sample-1":{"a":{"country":"NL"},"b":{"country":"DE"}}}})";
    ASSERT_EQ(put("/_sim/state", state).status, 200);
    EXPECT_EQ(get("/sample-1/_count").json["count"], Json(5000));
    EXPECT_EQ(count("/sample-1/_count", R"({"match":{"country":"nl"}})"), 1);
}

TEST_F(CountTest, MissingIndexAnswers404)
{
    EXPECT_EQ(get("/nope/_count").json["error"]["type"], Json("index_not_found_exception"));
    EXPECT_EQ(get("/nope,big-1/_count?ignore_unavailable=true").json["count"], Json(41000000));
}

TEST_F(CountTest, IndexedDocumentsAreDynamicallyMappedAndCounted)
{
    ASSERT_EQ(put("/fresh/_doc/1", R"({"city":"New York","pop":8})").status, 201);
    ASSERT_EQ(put("/fresh/_doc/2", R"({"city":"York","pop":1})").status, 201);
    EXPECT_EQ(count("/fresh/_count", R"({"match":{"city":"york"}})"), 2);
    EXPECT_EQ(count("/fresh/_count", R"({"term":{"city.keyword":"York"}})"), 1);
    EXPECT_EQ(count("/fresh/_count", R"({"term":{"pop":8}})"), 1);
}

}  // namespace
}  // namespace aliasing::sim::test
