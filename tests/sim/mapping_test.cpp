// GET /{index}/_mapping, PUT /{index} with mappings, PUT /{index}/_mapping, mappings in the state document.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, CreateIndexStoresMappingsAndGetMappingShowsThem)
{
    ASSERT_EQ(put("/m-1", R"({"mappings":{"properties":{"zip":{"type":"keyword"}}}})").status, 200);
    const HttpResult result = get("/m-1/_mapping");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"m-1":{"mappings":{"properties":{"zip":{"type":"keyword"}}}}})"));
    EXPECT_EQ(get("/m-1").json["m-1"]["mappings"], J(R"({"properties":{"zip":{"type":"keyword"}}})"));
}

TEST_F(SimTest, IndexWithoutMappingsAnswersEmptyMappings)
{
    create_index("m-1");
    EXPECT_EQ(get("/m-1/_mapping").json, J(R"({"m-1":{"mappings":{}}})"));
}

TEST_F(SimTest, GetMappingOfSeveralIndicesAndOfAnAlias)
{
    create_index("m-1", 1, 0, 10, 1, 1, R"({"live":{}})");
    create_index("m-2");
    EXPECT_EQ(get("/m-*/_mapping").json, J(R"({"m-1":{"mappings":{}},"m-2":{"mappings":{}}})"));
    EXPECT_EQ(get("/live/_mapping").json, J(R"({"m-1":{"mappings":{}}})"));
}

TEST_F(SimTest, GetMappingOfMissingIndexAnswers404)
{
    const HttpResult result = get("/nope/_mapping");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["type"], Json("index_not_found_exception"));
}

TEST_F(SimTest, PutMappingAddsFieldsAndRefusesATypeChange)
{
    ASSERT_EQ(put("/m-1", R"({"mappings":{"properties":{"zip":{"type":"keyword"}}}})").status, 200);
    EXPECT_EQ(put("/m-1/_mapping", R"({"properties":{"city":{"type":"text"}}})").json, J(R"({"acknowledged":true})"));
    const HttpResult changed = put("/m-1/_mapping", R"({"properties":{"zip":{"type":"text"}}})");
    EXPECT_EQ(changed.status, 400);
    EXPECT_EQ(changed.json["error"]["reason"], Json("mapper [zip] cannot be changed from type [keyword] to [text]"));
    EXPECT_EQ(get("/m-1/_mapping").json["m-1"]["mappings"]["properties"],
              J(R"({"zip":{"type":"keyword"},"city":{"type":"text"}})"));
}

TEST_F(SimTest, MalformedMappingsAnswerMapperParsingException)
{
    const HttpResult result = put("/m-1", R"({"mappings":{"properties":{"zip":"keyword"}}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("mapper_parsing_exception"));
}

TEST_F(SimTest, IndexingADocumentMapsNewFieldsDynamically)
{
    ASSERT_EQ(put("/m-1/_doc/1", R"({"name":"x","n":1,"f":1.5,"ok":true,"when":"2026-11-22T02:00:00Z","o":{"k":"v"}})").status, 201);
    EXPECT_EQ(get("/m-1/_mapping").json["m-1"]["mappings"], J(R"({"properties":{
        "name":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}},
        "n":{"type":"long"},"f":{"type":"float"},"ok":{"type":"boolean"},"when":{"type":"date"},
        "o":{"properties":{"k":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}}}}}})"));
}

TEST_F(SimTest, StrictMappingRefusesANewField)
{
    ASSERT_EQ(put("/m-1", R"({"mappings":{"dynamic":"strict","properties":{"a":{"type":"keyword"}}}})").status, 200);
    const HttpResult result = put("/m-1/_doc/1", R"({"b":"x"})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("strict_dynamic_mapping_exception"));
}

TEST_F(SimTest, StateDocumentCarriesMappingsAndDumpsThemBack)
{
    const std::string state = R"({"cat_indices":[{"index":"s-1"},{"index":"s-2"}],
        "mappings":{"s-1":{"mappings":{"properties":{"customer":{"properties":{"address":{"properties":{"zip":{"type":"keyword"}}}}}}}}}})";
    ASSERT_EQ(put("/_sim/state", state).status, 200);
    EXPECT_EQ(get("/s-1/_mapping").json["s-1"]["mappings"]["properties"]["customer"]["properties"]["address"],
              J(R"({"properties":{"zip":{"type":"keyword"}}})"));
    EXPECT_EQ(get("/s-2/_mapping").json, J(R"({"s-2":{"mappings":{}}})"));
    const Json dumped = get("/_sim/state").json;
    EXPECT_EQ(dumped["mappings"], J(R"({"s-1":{"mappings":{"properties":{"customer":{"properties":{"address":{"properties":{"zip":{"type":"keyword"}}}}}}}}})"));
    ASSERT_EQ(put("/_sim/state", dumped.dump()).status, 200);
    EXPECT_EQ(get("/_sim/state").json, dumped);
}

TEST_F(SimTest, StateMappingsForAnUnknownIndexAreRefused)
{
    const HttpResult result = put("/_sim/state", R"({"cat_indices":[],"mappings":{"x":{"mappings":{}}}})");
    EXPECT_EQ(result.status, 400);
}

}  // namespace
}  // namespace aliasing::sim::test
