// POST /_bulk and /{index}/_bulk: NDJSON actions applied one by one, item failures reported per item.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class BulkTest : public SimTest {
protected:
    HttpResult bulk(const std::string& target, const std::string& body)
    {
        return request("POST", target, body, "application/x-ndjson");
    }
};

TEST_F(BulkTest, IndexCreateDeleteAndUpdateItems)
{
    const HttpResult result = bulk("/_bulk", "{\"index\":{\"_index\":\"b-1\",\"_id\":\"1\"}}\n{\"name\":\"a\"}\n"
                                             "{\"create\":{\"_index\":\"b-1\",\"_id\":\"2\"}}\n{\"name\":\"b\"}\n"
                                             "{\"update\":{\"_index\":\"b-1\",\"_id\":\"1\"}}\n{\"doc\":{\"tag\":\"x\"}}\n"
                                             "{\"delete\":{\"_index\":\"b-1\",\"_id\":\"2\"}}\n");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json["errors"], Json(false));
    const Json& items = result.json["items"];
    ASSERT_EQ(items.size(), 4U);
    EXPECT_EQ(items.at(0)["index"]["result"], Json("created"));
    EXPECT_EQ(items.at(0)["index"]["status"], Json(201));
    EXPECT_EQ(items.at(1)["create"]["_id"], Json("2"));
    EXPECT_EQ(items.at(2)["update"]["result"], Json("updated"));
    EXPECT_EQ(items.at(3)["delete"]["result"], Json("deleted"));
    EXPECT_EQ(get("/b-1/_doc/1").json["_source"], J(R"({"name":"a","tag":"x"})"));
    EXPECT_EQ(get("/b-1/_count").json["count"], Json(1));
    const HttpResult again = bulk("/_bulk", "{\"update\":{\"_index\":\"b-1\",\"_id\":\"1\"}}\n{\"doc\":{\"tag\":\"x\"}}\n");
    EXPECT_EQ(again.json["items"].at(0)["update"]["result"], Json("noop"));
    EXPECT_EQ(again.json["items"].at(0)["update"]["_version"], Json(2));
}

TEST_F(BulkTest, DefaultIndexAndGeneratedIds)
{
    const HttpResult result = bulk("/b-2/_bulk", "{\"index\":{}}\n{\"n\":1}\n{\"index\":{}}\n{\"n\":2}\n");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json["items"].at(0)["index"]["_index"], Json("b-2"));
    EXPECT_EQ(result.json["items"].at(0)["index"]["_id"].as_string().size(), 20U);
    EXPECT_EQ(post("/b-2/_count", R"({"query":{"term":{"n":2}}})").json["count"], Json(1));
}

TEST_F(BulkTest, ItemFailureLeavesTheOthersApplied)
{
    ASSERT_EQ(put("/b-1/_doc/1", R"({"n":1})").status, 201);
    const HttpResult result = bulk("/b-1/_bulk", "{\"create\":{\"_id\":\"1\"}}\n{\"n\":2}\n{\"create\":{\"_id\":\"2\"}}\n{\"n\":3}\n");
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["errors"], Json(true));
    EXPECT_EQ(result.json["items"].at(0)["create"]["status"], Json(409));
    EXPECT_EQ(result.json["items"].at(0)["create"]["error"]["type"], Json("version_conflict_engine_exception"));
    EXPECT_EQ(result.json["items"].at(1)["create"]["status"], Json(201));
}

TEST_F(BulkTest, BulkIntoRefreshDisabledIndexWaitsForRefresh)
{
    ASSERT_EQ(put("/b-1", R"({"settings":{"index.refresh_interval":"-1"}})").status, 200);
    ASSERT_EQ(bulk("/b-1/_bulk", "{\"index\":{}}\n{\"n\":1}\n{\"index\":{}}\n{\"n\":2}\n").status, 200);
    EXPECT_EQ(get("/b-1/_count").json["count"], Json(0));
    ASSERT_EQ(post("/b-1/_refresh").status, 200);
    EXPECT_EQ(get("/b-1/_count").json["count"], Json(2));
    ASSERT_EQ(bulk("/b-1/_bulk?refresh=true", "{\"index\":{}}\n{\"n\":3}\n").status, 200);
    EXPECT_EQ(get("/b-1/_count").json["count"], Json(3));
}

TEST_F(BulkTest, MalformedBulkBodiesAnswer400)
{
    EXPECT_EQ(bulk("/_bulk", "{\"index\":{\"_index\":\"b\"}}\n{\"n\":1}").json["error"]["reason"],
              Json("The bulk request must be terminated by a newline [\\n]"));
    EXPECT_EQ(bulk("/_bulk", "{\"frob\":{}}\n").json["error"]["reason"],
              Json("Malformed action/metadata line [1], expected one of [create, delete, index, update] but found [frob]"));
    EXPECT_EQ(bulk("/_bulk", "{\"index\":{}}\n{\"n\":1}\n").json["error"]["type"], Json("action_request_validation_exception"));
}

}  // namespace
}  // namespace aliasing::sim::test
