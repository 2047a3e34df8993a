// GET / and HEAD / (reference §1) and the common envelope (§0).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, InfoReportsVersionTaglineAndDefaultFlavor)
{
    const HttpResult result = get("/");
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["version"]["number"], Json("8.15.0"));
    EXPECT_EQ(result.json["version"]["build_flavor"], Json("default"));
    EXPECT_EQ(result.json["tagline"], Json("You Know, for Search"));
    EXPECT_EQ(result.json["cluster_uuid"].as_string().size(), 22U);
}

TEST_F(SimTest, EveryResponseCarriesTheProductHeader)
{
    EXPECT_EQ(get("/").header("X-Elastic-Product"), "Elasticsearch");
    EXPECT_EQ(get("/missing-index").header("X-Elastic-Product"), "Elasticsearch");
    EXPECT_EQ(get("/a/b/c/d/e").header("X-Elastic-Product"), "Elasticsearch");
}

TEST_F(SimTest, HeadRootAnswers200WithNoBody)
{
    const HttpResult result = head("/");
    EXPECT_EQ(result.status, 200);
    EXPECT_TRUE(result.body.empty());
}

TEST_F(SimTest, EightXAnswersPlainJsonContentType)
{
    EXPECT_EQ(get("/").header("Content-Type"), "application/json");
}

TEST_F(SimTest, EightXEchoesTheCompatibleWithMediaType)
{
    const HttpResult result =
        request("GET", "/", "", "", {{"Accept", "application/vnd.elasticsearch+json; compatible-with=8"}});
    EXPECT_EQ(result.header("Content-Type"), "application/vnd.elasticsearch+json;compatible-with=8");
}

TEST_F(Sim717Test, SevenSeventeenReportsItsVersionAndLucene)
{
    const HttpResult result = get("/");
    EXPECT_EQ(result.json["version"]["number"], Json("7.17.9"));
    EXPECT_EQ(result.json["version"]["lucene_version"], Json("8.11.1"));
    EXPECT_EQ(result.json["version"]["minimum_wire_compatibility_version"], Json("6.8.0"));
}

TEST_F(Sim717Test, SevenSeventeenAnswersJsonWithCharset)
{
    EXPECT_EQ(get("/").header("Content-Type"), "application/json; charset=UTF-8");
}

}  // namespace
}  // namespace aliasing::sim::test
