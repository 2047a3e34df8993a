// PUT /{index}, DELETE /{index}, GET|HEAD /{index}, _open/_close, _stats, _cluster/settings (reference §10–§12).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

Json index_names(const HttpResult& cat)
{
    Json names = Json::array();
    for (const auto& row : cat.json.as_array()) {
        names.push_back(row["index"]);
    }
    return names;
}

TEST_F(SimTest, CreateIndexAcknowledgesWithShardsAndName)
{
    const HttpResult result = put("/new-1", R"({"settings":{"number_of_shards":3,"number_of_replicas":2}})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"acknowledged":true,"shards_acknowledged":true,"index":"new-1"})"));
    EXPECT_EQ(get("/_cat/indices/new-1?format=json&h=pri,rep").json, J(R"([{"pri":"3","rep":"2"}])"));
}

TEST_F(SimTest, CreateIndexWithoutBodyUsesOneShardOneReplica)
{
    ASSERT_EQ(put("/plain").status, 200);
    EXPECT_EQ(get("/_cat/indices/plain?format=json&h=pri,rep,docs.count").json,
              J(R"([{"pri":"1","rep":"1","docs.count":"0"}])"));
}

TEST_F(SimTest, CreateIndexWithAliases)
{
    ASSERT_EQ(put("/x-1", R"({"aliases":{"x":{},"w":{"is_write_index":true}}})").status, 200);
    EXPECT_EQ(get("/x-1/_alias").json, J(R"({"x-1":{"aliases":{"w":{"is_write_index":true},"x":{}}}})"));
}

TEST_F(SimTest, CreateExistingIndexAnswersResourceAlreadyExists)
{
    create_index("dup");
    const std::string uuid = get("/_cat/indices/dup?format=json&h=uuid").json.at(0)["uuid"].as_string();
    const HttpResult result = put("/dup");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [dup/)" + uuid + R"(] already exists","index_uuid":")" + uuid + R"(","index":"dup"}],"type":"resource_already_exists_exception","reason":"index [dup/)" + uuid + R"(] already exists","index_uuid":")" + uuid + R"(","index":"dup"},"status":400})"));
}

TEST_F(SimTest, CreateUppercaseIndexIsInvalid)
{
    const HttpResult result = put("/Upper");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("Invalid index name [Upper], must be lowercase"));
}

TEST_F(SimTest, CreateIndexWithHashIsInvalid)
{
    EXPECT_EQ(put("/a%23b").json["error"]["reason"], Json("Invalid index name [a#b], must not contain '#'"));
}

TEST_F(SimTest, CreateIndexWithColonIsInvalid)
{
    EXPECT_EQ(put("/a:b").json["error"]["reason"], Json("Invalid index name [a:b], must not contain ':'"));
}

TEST_F(SimTest, CreateIndexNamedLikeAnAliasIsInvalid)
{
    create_index("a-1", 1, 0, 10, 1, 1, R"({"a":{}})");
    EXPECT_EQ(put("/a").json["error"]["reason"], Json("Invalid index name [a], already exists as alias"));
}

TEST_F(SimTest, CreateIndexTooLongIsInvalid)
{
    const std::string name(300, 'a');
    EXPECT_EQ(put("/" + name).json["error"]["reason"],
              Json("Invalid index name [" + name + "], index name is too long, (300 > 255)"));
}

TEST_F(SimTest, DeleteCommaListDeletesEach)
{
    create_index("d-1");
    create_index("d-2");
    create_index("keep");
    EXPECT_EQ(del("/d-1,d-2").json, J(R"({"acknowledged":true})"));
    EXPECT_EQ(index_names(get("/_cat/indices?format=json&h=index")), J(R"(["keep"])"));
}

TEST_F(SimTest, DeleteMissingIndexAnswers404)
{
    create_index("d-1");
    const HttpResult result = del("/d-1,nope");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["reason"], Json("no such index [nope]"));
    EXPECT_EQ(index_names(get("/_cat/indices?format=json&h=index")), J(R"(["d-1"])"));
}

TEST_F(SimTest, DeleteIgnoreUnavailableSkipsMissing)
{
    create_index("d-1");
    EXPECT_EQ(del("/d-1,nope?ignore_unavailable=true").status, 200);
}

TEST_F(SimTest, DeleteThroughAnAliasIsRefusedAndDeletesNothing)
{
    create_index("d-1", 1, 0, 10, 1, 1, R"({"live":{}})");
    const HttpResult result = del("/live");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("The provided expression [live] matches an alias, specify the corresponding concrete indices instead."));
    EXPECT_EQ(index_names(get("/_cat/indices?format=json&h=index")), J(R"(["d-1"])"));
}

TEST_F(SimTest, DeleteWildcardIsRefusedByDefaultIn8x)
{
    create_index("d-1");
    const HttpResult result = del("/d-*");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Wildcard expressions or all indices are not allowed"}],"type":"illegal_argument_exception","reason":"Wildcard expressions or all indices are not allowed"},"status":400})"));
}

TEST_F(SimTest, DeleteAllIsRefusedByDefaultIn8x)
{
    EXPECT_EQ(del("/_all").status, 400);
}

TEST_F(SimTest, DeleteWildcardAllowedAfterClusterSettingOff)
{
    create_index("d-1");
    create_index("e-1");
    const HttpResult settings =
        put("/_cluster/settings", R"({"persistent":{"action.destructive_requires_name":false}})");
    EXPECT_EQ(settings.json, J(R"({"acknowledged":true,"persistent":{"action":{"destructive_requires_name":"false"}},"transient":{}})"));
    EXPECT_EQ(del("/d-*").status, 200);
    EXPECT_EQ(index_names(get("/_cat/indices?format=json&h=index")), J(R"(["e-1"])"));
}

TEST_F(SimTest, DeleteStarMinusStarIsAllowedEvenWhenNamesAreRequired)
{
    create_index("d-1");
    EXPECT_EQ(del("/*,-*").status, 200);
    EXPECT_EQ(index_names(get("/_cat/indices?format=json&h=index")), J(R"(["d-1"])"));
}

TEST_F(SimTest, DeleteWildcardMatchingNothingWithAllowNoIndicesFalseAnswers404)
{
    ASSERT_EQ(put("/_cluster/settings", R"({"transient":{"action":{"destructive_requires_name":"false"}}})").status, 200);
    EXPECT_EQ(del("/zz-*").status, 200);
    EXPECT_EQ(del("/zz-*?allow_no_indices=false").status, 404);
}

TEST_F(SimTest, DeletingAnIndexRemovesItsAliases)
{
    create_index("d-1", 1, 0, 10, 1, 1, R"({"live":{}})");
    ASSERT_EQ(del("/d-1").status, 200);
    EXPECT_EQ(get("/_alias/live").status, 404);
}

TEST_F(Sim717Test, DeleteWildcardIsAllowedByDefaultIn717)
{
    create_index("d-1");
    EXPECT_EQ(del("/d-*").status, 200);
}

TEST_F(SimTest, GetIndexShowsAliasesMappingsAndSettings)
{
    create_index("g-1", 1, 0, 10, 1, 1, R"({"live":{}})");
    const HttpResult result = get("/g-1");
    EXPECT_EQ(result.json["g-1"]["aliases"], J(R"({"live":{}})"));
    EXPECT_EQ(result.json["g-1"]["mappings"], J("{}"));
    EXPECT_EQ(result.json["g-1"]["settings"]["index"]["number_of_shards"], Json("1"));
}

TEST_F(SimTest, GetMissingIndexAnswersIndexNotFound)
{
    EXPECT_EQ(get("/nope").status, 404);
}

TEST_F(SimTest, HeadIndexAnswersExistence)
{
    create_index("h-1");
    EXPECT_EQ(head("/h-1").status, 200);
    EXPECT_EQ(head("/nope").status, 404);
}

TEST_F(SimTest, CloseAndOpenIndex)
{
    create_index("o-1");
    EXPECT_EQ(post("/o-1/_close").json,
              J(R"({"acknowledged":true,"shards_acknowledged":true,"indices":{"o-1":{"closed":true}}})"));
    EXPECT_EQ(post("/o-1/_open").json, J(R"({"acknowledged":true,"shards_acknowledged":true})"));
    EXPECT_EQ(get("/_cat/indices/o-1?format=json&h=status").json, J(R"([{"status":"open"}])"));
}

TEST_F(SimTest, StatsReportPrimariesAndTotals)
{
    create_index("st", 2, 1, 1000, 40, 3);
    const HttpResult result = get("/st/_stats/docs,store,segments");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json["_shards"], J(R"({"total":4,"successful":4,"failed":0})"));
    const Json& primaries = result.json["indices"]["st"]["primaries"];
    EXPECT_EQ(primaries["docs"], J(R"({"count":40,"deleted":0})"));
    EXPECT_EQ(primaries["store"], J(R"({"size_in_bytes":1000,"total_data_set_size_in_bytes":1000,"reserved_in_bytes":0})"));
    EXPECT_EQ(primaries["segments"]["count"], Json(6));
    EXPECT_EQ(result.json["indices"]["st"]["total"]["segments"]["count"], Json(12));
    EXPECT_EQ(result.json["indices"]["st"]["health"], Json("green"));
}

TEST_F(SimTest, StatsInvalidLevelAnswers400)
{
    const HttpResult result = get("/_stats?level=foo");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("level parameter must be one of [cluster] or [indices] or [shards] but was [foo]"));
}

TEST_F(Sim717Test, StatsIn717HaveNoHealthPerIndex)
{
    create_index("st");
    EXPECT_EQ(get("/st/_stats").json["indices"]["st"].find("health"), nullptr);
}

}  // namespace
}  // namespace aliasing::sim::test
