// GET and PUT /{index}/_settings (reference §5, §6).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class SettingsTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        create_index("s-1", 2, 1);
    }
    Json replicas() { return get("/s-1/_settings/index.number_of_replicas?flat_settings=true").json; }
};

TEST_F(SettingsTest, GetSettingsRendersEveryLeafAsString)
{
    const HttpResult result = get("/s-1/_settings");
    ASSERT_EQ(result.status, 200);
    const Json& index = result.json["s-1"]["settings"]["index"];
    EXPECT_EQ(index["number_of_shards"], Json("2"));
    EXPECT_EQ(index["number_of_replicas"], Json("1"));
    EXPECT_EQ(index["provided_name"], Json("s-1"));
    EXPECT_EQ(index["version"], J(R"({"created":"8150099"})"));
    EXPECT_TRUE(index["uuid"].is_string());
    EXPECT_TRUE(index["creation_date"].is_string());
}

TEST_F(SettingsTest, FlatSettingsUseDottedKeys)
{
    EXPECT_EQ(replicas(), J(R"({"s-1":{"settings":{"index.number_of_replicas":"1"}}})"));
}

TEST_F(SettingsTest, NamedSettingFiltersNestedOutput)
{
    EXPECT_EQ(get("/s-1/_settings/index.number_of_shards").json,
              J(R"({"s-1":{"settings":{"index":{"number_of_shards":"2"}}}})"));
}

TEST_F(SettingsTest, GetSettingsOfMissingIndexAnswers404)
{
    const HttpResult result = get("/nope/_settings");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["type"], Json("index_not_found_exception"));
}

TEST_F(SettingsTest, PutIndexObjectForm)
{
    const HttpResult result = put("/s-1/_settings", R"({"index":{"number_of_replicas":2}})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"acknowledged":true})"));
    EXPECT_EQ(replicas()["s-1"]["settings"]["index.number_of_replicas"], Json("2"));
}

TEST_F(SettingsTest, PutBareKeyForm)
{
    ASSERT_EQ(put("/s-1/_settings", R"({"number_of_replicas":0})").status, 200);
    EXPECT_EQ(replicas()["s-1"]["settings"]["index.number_of_replicas"], Json("0"));
}

TEST_F(SettingsTest, PutDottedStringForm)
{
    ASSERT_EQ(put("/s-1/_settings", R"({"index.number_of_replicas":"2"})").status, 200);
    EXPECT_EQ(replicas()["s-1"]["settings"]["index.number_of_replicas"], Json("2"));
}

TEST_F(SettingsTest, PutSettingsWrapperForm)
{
    ASSERT_EQ(put("/s-1/_settings", R"({"settings":{"index":{"number_of_replicas":"0"}}})").status, 200);
    EXPECT_EQ(replicas()["s-1"]["settings"]["index.number_of_replicas"], Json("0"));
}

TEST_F(SettingsTest, PutUnknownSettingIsRefused)
{
    const HttpResult result = put("/s-1/_settings", R"({"index":{"garbage":1}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("unknown setting [index.garbage] please check that any required plugins are installed, or check "
                   "the breaking changes documentation for removed settings"));
}

TEST_F(SettingsTest, PutStaticSettingOnOpenIndexIsRefused)
{
    const std::string uuid = get("/s-1/_settings").json["s-1"]["settings"]["index"]["uuid"].as_string();
    const HttpResult result = put("/s-1/_settings", R"({"index.codec":"best_compression"})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("Can't update non dynamic settings [[index.codec]] for open indices [[s-1/" + uuid + "]]"));
}

TEST_F(SettingsTest, PutNegativeReplicasIsRefused)
{
    const HttpResult result = put("/s-1/_settings", R"({"number_of_replicas":-1})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Failed to parse value [-1] for setting [index.number_of_replicas] must be >= 0"}],"type":"illegal_argument_exception","reason":"Failed to parse value [-1] for setting [index.number_of_replicas] must be >= 0"},"status":400})"));
}

TEST_F(SettingsTest, PutOnMissingIndexAnswers404)
{
    EXPECT_EQ(put("/nope/_settings", R"({"number_of_replicas":1})").status, 404);
}

TEST_F(SettingsTest, PutWithIgnoreUnavailableSkipsMissingIndices)
{
    EXPECT_EQ(put("/s-1,nope/_settings?ignore_unavailable=true", R"({"number_of_replicas":0})").status, 200);
    EXPECT_EQ(replicas()["s-1"]["settings"]["index.number_of_replicas"], Json("0"));
}

TEST_F(SettingsTest, ReplicasBeyondNodesMakeTheIndexYellow)
{
    ASSERT_EQ(put("/s-1/_settings", R"({"number_of_replicas":3})").status, 200);
    EXPECT_EQ(get("/_cat/indices/s-1?format=json&h=health").json, J(R"([{"health":"yellow"}])"));
}

TEST_F(SettingsTest, SimSettingsChangeSizesForTests)
{
    ASSERT_EQ(put("/s-1/_settings", R"({"index.sim.segments_per_shard":7,"index.sim.store_bytes":99})").status, 200);
    EXPECT_EQ(get("/_cat/indices/s-1?format=json&bytes=b&h=pri.segments.count,pri.store.size").json,
              J(R"([{"pri.segments.count":"14","pri.store.size":"99"}])"));
}

}  // namespace
}  // namespace aliasing::sim::test
