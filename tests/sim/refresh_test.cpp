// POST /{index}/_refresh and refreshed vs unrefreshed documents (refresh_interval -1 keeps writes unsearchable).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class RefreshTest : public SimTest {
protected:
    std::string cat_docs(const std::string& index)
    {
        return get("/_cat/indices/" + index + "?format=json&h=docs.count").json.at(0)["docs.count"].as_string();
    }
    std::int64_t count(const std::string& index) { return get("/" + index + "/_count").json["count"].as_int(); }
};

TEST_F(RefreshTest, RefreshAnswersShardsOfEveryCopy)
{
    create_index("r-1", 2, 1);
    create_index("r-2", 1, 5);  // 5 replicas on 3 nodes: 3 copies unassigned
    const HttpResult result = post("/r-1,r-2/_refresh");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"_shards":{"total":10,"successful":7,"failed":0}})"));
}

TEST_F(RefreshTest, RefreshExpandsWildcardsAndAcceptsGet)
{
    create_index("r-1", 1, 0);
    create_index("r-2", 1, 0);
    EXPECT_EQ(get("/r-*/_refresh").json, J(R"({"_shards":{"total":2,"successful":2,"failed":0}})"));
}

TEST_F(RefreshTest, RefreshOfMissingIndexAnswers404UnlessIgnoreUnavailable)
{
    create_index("r-1", 1, 0);
    const HttpResult missing = post("/r-1,nope/_refresh");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.json["error"]["type"], Json("index_not_found_exception"));
    EXPECT_EQ(missing.json["error"]["index"], Json("nope"));
    EXPECT_EQ(post("/r-1,nope/_refresh?ignore_unavailable=true").json,
              J(R"({"_shards":{"total":1,"successful":1,"failed":0}})"));
}

TEST_F(RefreshTest, RefreshOfClosedIndexAnswers400)
{
    create_index("r-1", 1, 0);
    ASSERT_EQ(post("/r-1/_close").status, 200);
    EXPECT_EQ(post("/r-1/_refresh").json["error"]["type"], Json("index_closed_exception"));
}

TEST_F(RefreshTest, DocumentsWrittenWithRefreshDisabledAreCountedOnlyAfterRefresh)
{
    ASSERT_EQ(put("/b-1", R"({"settings":{"index":{"refresh_interval":"-1","number_of_replicas":0}}})").status, 200);
    ASSERT_EQ(put("/b-1/_doc/1", R"({"name":"a"})").status, 201);
    ASSERT_EQ(put("/b-1/_doc/2", R"({"name":"b"})").status, 201);
    EXPECT_EQ(count("b-1"), 0);
    EXPECT_EQ(cat_docs("b-1"), "0");
    EXPECT_EQ(get("/b-1/_doc/1").json["found"], Json(true));  // GET is realtime
    ASSERT_EQ(post("/b-1/_refresh").status, 200);
    EXPECT_EQ(count("b-1"), 2);
    EXPECT_EQ(cat_docs("b-1"), "2");
}

TEST_F(RefreshTest, DocumentsAreSearchableWithoutRefreshWhenRefreshIsPeriodic)
{
    ASSERT_EQ(put("/b-1/_doc/1", R"({"name":"a"})").status, 201);
    EXPECT_EQ(count("b-1"), 1);
}

TEST_F(RefreshTest, RefreshParameterOnWriteMakesTheDocumentSearchable)
{
    ASSERT_EQ(put("/b-1", R"({"settings":{"index.refresh_interval":"-1"}})").status, 200);
    ASSERT_EQ(put("/b-1/_doc/1?refresh=true", R"({"name":"a"})").status, 201);
    EXPECT_EQ(count("b-1"), 1);
}

TEST_F(RefreshTest, SimUnrefreshedDocsSettingWaitsForRefresh)
{
    ASSERT_EQ(put("/b-1", R"({"settings":{"index.refresh_interval":"-1","index.sim.docs":100,"index.sim.unrefreshed_docs":40}})").status, 200);
    EXPECT_EQ(cat_docs("b-1"), "100");
    EXPECT_EQ(count("b-1"), 100);
    ASSERT_EQ(post("/b-1/_refresh").status, 200);
    EXPECT_EQ(cat_docs("b-1"), "140");
}

TEST_F(RefreshTest, StateUnrefreshedDocsWaitForRefreshAndDumpBack)
{
    const std::string state = R"({"cat_indices":[{"index":"t-1","docs.count":"1000","unrefreshed_docs":"250"}],
        "settings":{"t-1":{"settings":{"index":{"refresh_interval":"-1"}}}}})";
    ASSERT_EQ(put("/_sim/state", state).status, 200);
    EXPECT_EQ(count("t-1"), 1000);
    const Json dumped = get("/_sim/state").json;
    EXPECT_EQ(dumped["cat_indices"].at(0)["unrefreshed_docs"], Json("250"));
    EXPECT_EQ(dumped["settings"]["t-1"]["settings"]["index"]["refresh_interval"], Json("-1"));
    ASSERT_EQ(post("/t-1/_refresh").status, 200);
    EXPECT_EQ(count("t-1"), 1250);
    EXPECT_EQ(cat_docs("t-1"), "1250");
}

TEST_F(RefreshTest, ResettingRefreshIntervalMakesPendingDocumentsSearchable)
{
    ASSERT_EQ(put("/b-1", R"({"settings":{"index.refresh_interval":"-1","index.sim.unrefreshed_docs":7}})").status, 200);
    EXPECT_EQ(count("b-1"), 0);
    ASSERT_EQ(put("/b-1/_settings", R"({"index":{"refresh_interval":"1s"}})").status, 200);
    EXPECT_EQ(count("b-1"), 7);
}

}  // namespace
}  // namespace aliasing::sim::test
