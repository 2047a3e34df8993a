// GET /_cat/indices (reference §2).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

const char* const catalog_query = "format=json&bytes=b&h=health,status,index,pri,rep,docs.count,docs.deleted,"
                                  "store.size,pri.store.size,segments.count,pri.segments.count";

TEST_F(SimTest, CatIndicesJsonRendersEveryValueAsString)
{
    create_index("logs-1", 2, 1, 1000, 10, 5);
    const HttpResult result = get(std::string("/_cat/indices?") + catalog_query);
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"([{"health":"green","status":"open","index":"logs-1","pri":"2","rep":"1","docs.count":"10","docs.deleted":"0","store.size":"2000","pri.store.size":"1000","segments.count":"20","pri.segments.count":"10"}])"));
}

TEST_F(SimTest, CatIndicesKeysAreTheNamesAsWrittenInH)
{
    create_index("a", 1, 0, 1000, 10, 3);
    const HttpResult result = get("/_cat/indices?format=json&h=i,sc,dc,p,r");
    EXPECT_EQ(result.json, J(R"([{"i":"a","sc":"3","dc":"10","p":"1","r":"0"}])"));
}

TEST_F(SimTest, CatIndicesDropsUnknownColumnsSilently)
{
    create_index("a");
    EXPECT_EQ(get("/_cat/indices?format=json&h=index,nonsense").json, J(R"([{"index":"a"}])"));
}

TEST_F(SimTest, CatIndicesExpandsWildcardColumnNames)
{
    create_index("a", 1, 0, 1000, 10, 3);
    EXPECT_EQ(get("/_cat/indices?format=json&h=index,segments.*").json,
              J(R"([{"index":"a","segments.count":"3","segments.memory":"0b"}])"));
}

TEST_F(SimTest, CatIndicesDefaultColumnsIncludeDatasetSizeIn8x)
{
    create_index("a", 1, 0, 225, 0, 0);
    const HttpResult result = get("/_cat/indices?format=json");
    ASSERT_EQ(result.json.size(), 1U);
    Json row = result.json.at(0);
    row.erase("uuid");
    EXPECT_EQ(row, J(R"({"health":"green","status":"open","index":"a","pri":"1","rep":"0","docs.count":"0","docs.deleted":"0","store.size":"225b","pri.store.size":"225b","dataset.size":"225b"})"));
}

TEST_F(SimTest, CatIndicesHumanBytesUseOneTruncatedDecimal)
{
    create_index("a", 1, 0, 1288490188, 1, 1);  // 1.1999999 GiB
    EXPECT_EQ(get("/_cat/indices?format=json&h=pri.store.size").json, J(R"([{"pri.store.size":"1.1gb"}])"));
}

TEST_F(SimTest, CatIndicesBytesUnitScalesDown)
{
    create_index("a", 1, 0, 3 * 1048576LL + 5, 1, 1);
    EXPECT_EQ(get("/_cat/indices?format=json&h=pri.store.size&bytes=mb").json, J(R"([{"pri.store.size":"3"}])"));
}

TEST_F(SimTest, CatIndicesClosedIndexHasNullDocAndStoreValues)
{
    create_index("a", 1, 0);
    ASSERT_EQ(post("/a/_close").status, 200);
    const HttpResult result = get("/_cat/indices?format=json&h=health,status,index,docs.count,store.size,sc");
    EXPECT_EQ(result.json, J(R"([{"health":"green","status":"close","index":"a","docs.count":null,"store.size":null,"sc":null}])"));
}

TEST_F(SimTest, CatIndicesSortsByTypedValueDescending)
{
    create_index("small", 1, 0, 10, 1, 1);
    create_index("big", 1, 0, 200, 1, 1);
    create_index("mid", 1, 0, 30, 1, 1);
    EXPECT_EQ(get("/_cat/indices?format=json&h=index&s=pri.store.size:desc").json,
              J(R"([{"index":"big"},{"index":"mid"},{"index":"small"}])"));
}

TEST_F(SimTest, CatIndicesSortsByAliasOfAColumn)
{
    create_index("b", 1, 0, 10, 9, 1);
    create_index("a", 1, 0, 10, 1, 1);
    EXPECT_EQ(get("/_cat/indices?format=json&h=index&s=dc").json, J(R"([{"index":"a"},{"index":"b"}])"));
}

TEST_F(SimTest, CatIndicesUnknownSortKeyAnswers500)
{
    create_index("a");
    const HttpResult result = get("/_cat/indices?format=json&s=nope");
    EXPECT_EQ(result.status, 500);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"unsupported_operation_exception","reason":"Unable to sort by unknown sort key `nope`"}],"type":"unsupported_operation_exception","reason":"Unable to sort by unknown sort key `nope`"},"status":500})"));
}

TEST_F(SimTest, CatIndicesMissingConcreteIndexAnswers404)
{
    const HttpResult result = get("/_cat/indices/nope?format=json");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [nope]","resource.type":"index_or_alias","resource.id":"nope","index_uuid":"_na_","index":"nope"}],"type":"index_not_found_exception","reason":"no such index [nope]","resource.type":"index_or_alias","resource.id":"nope","index_uuid":"_na_","index":"nope"},"status":404})"));
}

TEST_F(SimTest, CatIndicesWildcardMatchingNothingAnswersEmptyArray)
{
    const HttpResult result = get("/_cat/indices/nope-*?format=json");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J("[]"));
}

TEST_F(SimTest, CatIndicesAliasNameListsItsIndices)
{
    create_index("a-1", 1, 0, 10, 1, 1, R"({"live":{}})");
    create_index("a-2", 1, 0, 10, 1, 1, R"({"live":{}})");
    create_index("b-1");
    EXPECT_EQ(get("/_cat/indices/live?format=json&h=index&s=index").json, J(R"([{"index":"a-1"},{"index":"a-2"}])"));
}

TEST_F(SimTest, CatIndicesWildcardPatternAndCommaList)
{
    create_index("a-1");
    create_index("a-2");
    create_index("b-1");
    create_index("c-1");
    EXPECT_EQ(get("/_cat/indices/a-*,c-1?format=json&h=index&s=index").json,
              J(R"([{"index":"a-1"},{"index":"a-2"},{"index":"c-1"}])"));
}

TEST_F(SimTest, CatIndicesHealthFilterKeepsMatchingRows)
{
    create_index("ok", 1, 1);
    create_index("short", 1, 5);  // 5 replicas on 3 nodes: yellow
    EXPECT_EQ(get("/_cat/indices?format=json&h=index,health&health=yellow").json,
              J(R"([{"index":"short","health":"yellow"}])"));
}

TEST_F(SimTest, CatIndicesInvalidHealthFilterAnswers400)
{
    const HttpResult result = get("/_cat/indices?health=blue");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("unknown cluster health status [blue]"));
}

TEST_F(SimTest, CatIndicesHidesHiddenIndicesUnlessExpandWildcardsAll)
{
    create_index("visible");
    ASSERT_EQ(put("/secret", R"({"settings":{"index.hidden":true}})").status, 200);
    EXPECT_EQ(get("/_cat/indices?format=json&h=index").json, J(R"([{"index":"visible"}])"));
    EXPECT_EQ(get("/_cat/indices?format=json&h=index&s=index&expand_wildcards=all").json,
              J(R"([{"index":"secret"},{"index":"visible"}])"));
}

TEST_F(SimTest, CatIndicesTextFormatPrintsOneLinePerIndex)
{
    create_index("a", 1, 0, 10, 1, 1);
    const HttpResult result = get("/_cat/indices?h=index,pri,rep");
    EXPECT_EQ(result.body, "a 1 0\n");
    EXPECT_EQ(result.header("Content-Type"), "text/plain; charset=UTF-8");
}

TEST_F(SimTest, CatIndicesTextFormatWithHeaderLine)
{
    create_index("a", 1, 0, 10, 1, 1);
    EXPECT_EQ(get("/_cat/indices?h=index,pri&v=true").body, "index pri\na       1\n");
}

TEST_F(SimTest, CatIndicesCreationDateIsEpochMillisString)
{
    create_index("a");
    const HttpResult result = get("/_cat/indices?format=json&h=creation.date");
    const std::string value = result.json.at(0)["creation.date"].as_string();
    EXPECT_EQ(value.size(), 13U);
    EXPECT_EQ(value.find_first_not_of("0123456789"), std::string::npos);
}

TEST_F(SimTest, CatSegmentsListsOneRowPerSegmentPerCopy)
{
    create_index("a", 1, 1, 2000, 10, 2);
    const HttpResult result = get("/_cat/segments/a?format=json&bytes=b&h=index,shard,prirep,segment,docs.count,size");
    EXPECT_EQ(result.json, J(R"([
        {"index":"a","shard":"0","prirep":"p","segment":"_0","docs.count":"5","size":"1000"},
        {"index":"a","shard":"0","prirep":"p","segment":"_1","docs.count":"5","size":"1000"},
        {"index":"a","shard":"0","prirep":"r","segment":"_0","docs.count":"5","size":"1000"},
        {"index":"a","shard":"0","prirep":"r","segment":"_1","docs.count":"5","size":"1000"}])"));
}

TEST_F(SimTest, CatSegmentsOnClosedIndexAnswersIndexClosed)
{
    create_index("a");
    ASSERT_EQ(post("/a/_close").status, 200);
    const HttpResult result = get("/_cat/segments/a?format=json");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("index_closed_exception"));
    EXPECT_EQ(result.json["error"]["reason"], Json("closed"));
}

}  // namespace
}  // namespace aliasing::sim::test

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, CatTextRightAlignsNumbersAndHeadersWithoutTrailingPadding)
{
    create_index("long-name", 1, 0, 10, 1, 1);
    create_index("b", 12, 0, 10, 1, 1);
    EXPECT_EQ(get("/_cat/indices?h=pri,index&s=index&v").body, "pri index\n 12 b\n  1 long-name\n");
}

}  // namespace
}  // namespace aliasing::sim::test
