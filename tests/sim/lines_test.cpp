// Every line the simulator speaks (opensearch-and-es9.md): GET /, product header, media types, must_exist,
// async force-merge, health timeouts, 9.x's 429 timeouts and `local`, OpenSearch's security-plugin 401s.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

/// A simulator started as `distribution` `version`, with the given fixture's helpers.
class LineTest : public SimTest {
protected:
    ServerOptions options() const override { return m_options; }
    void start(const std::string& distribution, const std::string& version, bool compat = false)
    {
        TearDown();
        m_options.distribution = distribution;
        m_options.version = version;
        m_options.override_main_response_version = compat;
        SetUp();
    }
    HttpResult swap_with_must_exist()
    {
        return post("/_aliases", R"({"actions":[{"remove":{"index":"a","alias":"al","must_exist":true}},)"
                                 R"({"add":{"index":"b","alias":"al"}}]})");
    }
    ServerOptions m_options;
};

TEST_F(LineTest, ElasticsearchNineAnswersLikeNine)
{
    start("elasticsearch", "9.1.5");
    const HttpResult result = get("/");
    EXPECT_EQ(result.json["version"]["number"], Json("9.1.5"));
    EXPECT_EQ(result.json["version"]["build_flavor"], Json("default"));
    EXPECT_EQ(result.json["tagline"], Json("You Know, for Search"));
    EXPECT_EQ(result.header("X-Elastic-Product"), "Elasticsearch");
}

TEST_F(LineTest, OpenSearchHasADistributionNoFlavorAndNoProductHeader)
{
    start("opensearch", "2.19.1");
    const HttpResult result = get("/");
    EXPECT_EQ(result.json["version"]["distribution"], Json("opensearch"));
    EXPECT_EQ(result.json["version"]["number"], Json("2.19.1"));
    EXPECT_EQ(result.json["version"].find("build_flavor"), nullptr);
    EXPECT_EQ(result.json["tagline"], Json("The OpenSearch Project: https://opensearch.org/"));
    EXPECT_EQ(result.header("X-Elastic-Product"), "");
    EXPECT_EQ(get("/_cat/indices?format=json").header("X-Elastic-Product"), "");
}

TEST_F(LineTest, OpenSearchCompatibilityModeReads7102WithoutDistributionButNodesTellTheTruth)
{
    start("opensearch", "2.19.1", true);
    const HttpResult result = get("/");
    EXPECT_EQ(result.json["version"]["number"], Json("7.10.2"));
    EXPECT_EQ(result.json["version"].find("distribution"), nullptr);
    EXPECT_EQ(result.json["tagline"], Json("The OpenSearch Project: https://opensearch.org/"));
    const HttpResult nodes = get("/_nodes/_local");
    ASSERT_EQ(nodes.status, 200) << nodes.body;
    ASSERT_TRUE(nodes.json["nodes"].is_object());
    EXPECT_EQ(nodes.json["nodes"].as_object().begin()->second["version"], Json("2.19.1"));
}

TEST_F(LineTest, CompatibilityModeExistsOnlyWhereOpenSearchHasTheSetting)
{
    for (const auto& [distribution, version] : std::vector<std::pair<std::string, std::string>>{
             {"opensearch", "3.1.0"}, {"opensearch", "2.0.1"}, {"elasticsearch", "8.15.0"}}) {
        ServerOptions given;
        given.distribution = distribution;
        given.version = version;
        given.override_main_response_version = true;
        EXPECT_THROW(Server server(given), std::invalid_argument) << distribution << " " << version;
    }
}

TEST_F(LineTest, ProductHeaderOnlyFromElasticsearch714)
{
    start("elasticsearch", "7.10.2");
    EXPECT_EQ(get("/").header("X-Elastic-Product"), "");
    start("elasticsearch", "7.17.21");
    EXPECT_EQ(get("/").header("X-Elastic-Product"), "Elasticsearch");
}

TEST_F(LineTest, UnsupportedVersionsAreRefusedAtStart)
{
    for (const auto& [distribution, version] : std::vector<std::pair<std::string, std::string>>{
             {"elasticsearch", "6.8.0"}, {"elasticsearch", "7.9.3"}, {"opensearch", "4.0.0"}, {"other", "8.15.0"}}) {
        ServerOptions given;
        given.distribution = distribution;
        given.version = version;
        EXPECT_THROW(Server server(given), std::invalid_argument) << distribution << " " << version;
    }
}

TEST_F(LineTest, EightAcceptsCompatSevenAndEightButNotNine)
{
    start("elasticsearch", "8.15.0");
    const auto compat = [](int v) {
        return "application/vnd.elasticsearch+json; compatible-with=" + std::to_string(v);
    };
    EXPECT_EQ(request("GET", "/", "", "", {{"Accept", compat(7)}}).status, 200);
    EXPECT_EQ(request("GET", "/", "", "", {{"Accept", compat(8)}}).status, 200);
    const HttpResult nine = request("GET", "/", "", "", {{"Accept", compat(9)}});
    EXPECT_EQ(nine.status, 400);
    EXPECT_EQ(nine.json["error"]["type"], Json("media_type_header_exception"));
    EXPECT_EQ(nine.json["error"]["reason"], Json("Invalid media-type value on headers [Content-Type, Accept]"));
    EXPECT_EQ(nine.json["error"]["caused_by"]["type"], Json("status_exception"));
    EXPECT_EQ(nine.json["error"]["caused_by"]["reason"],
              Json("Accept version must be either version 8 or 7, but found 9. Accept=" + compat(9)));
}

TEST_F(LineTest, NineAcceptsCompatEightAndNineButNotSeven)
{
    start("elasticsearch", "9.1.5");
    const auto compat = [](int v) {
        return "application/vnd.elasticsearch+json; compatible-with=" + std::to_string(v);
    };
    const HttpResult nine = request("GET", "/", "", "", {{"Accept", compat(9)}});
    EXPECT_EQ(nine.status, 200);
    EXPECT_EQ(nine.header("Content-Type"), "application/vnd.elasticsearch+json;compatible-with=9");
    EXPECT_EQ(request("GET", "/", "", "", {{"Accept", compat(8)}}).status, 200);
    const HttpResult seven = request("GET", "/", "", "", {{"Accept", compat(7)}});
    EXPECT_EQ(seven.status, 400);
    EXPECT_EQ(seven.json["error"]["caused_by"]["reason"],
              Json("Accept version must be either version 9 or 8, but found 7. Accept=" + compat(7)));
    // Both headers must carry the same version when there is a body.
    const HttpResult mixed = request("POST", "/_aliases", R"({"actions":[]})", compat(8), {{"Accept", compat(9)}});
    EXPECT_EQ(mixed.status, 400);
    EXPECT_NE(mixed.json["error"]["caused_by"]["reason"].as_string().find(
                  "A compatible version is required on both Content-Type and Accept headers"),
              std::string::npos);
    const HttpResult one_sided =
        request("POST", "/_aliases", R"({"actions":[]})", "application/json", {{"Accept", compat(9)}});
    EXPECT_EQ(one_sided.status, 400);
    EXPECT_EQ(one_sided.json["error"]["type"], Json("media_type_header_exception"));
}

TEST_F(LineTest, OpenSearchAnswers406ToCompatContentTypes)
{
    start("opensearch", "2.19.1");
    const std::string type = "application/vnd.elasticsearch+json; compatible-with=8";
    const HttpResult result = request("POST", "/_aliases", R"({"actions":[]})", type);
    EXPECT_EQ(result.status, 406);
    EXPECT_EQ(result.json["error"], Json("Content-Type header [" + type + "] is not supported"));
    EXPECT_EQ(result.json["status"], Json(406));
}

TEST_F(LineTest, MustExistIsUnknownBeforeElasticsearch711AndOpenSearch212)
{
    for (const auto& [distribution, version] :
         std::vector<std::pair<std::string, std::string>>{{"elasticsearch", "7.10.2"}, {"opensearch", "2.11.1"},
                                                          {"opensearch", "1.3.20"}}) {
        start(distribution, version);
        create_index("a", 1, 0, 1000, 10, 5, R"({"al":{}})");
        create_index("b", 1, 0);
        const HttpResult result = swap_with_must_exist();
        EXPECT_EQ(result.status, 400) << version;
        EXPECT_EQ(result.json["error"]["type"], Json("x_content_parse_exception")) << version;
        EXPECT_EQ(result.json["error"]["reason"], Json("[remove] unknown field [must_exist]")) << version;
    }
}

TEST_F(LineTest, MissingAliasWithMustExistIsNamedPerLine)
{
    start("opensearch", "2.19.1");
    create_index("a", 1, 0);
    create_index("b", 1, 0);
    const HttpResult os = swap_with_must_exist();
    EXPECT_EQ(os.status, 404);
    EXPECT_EQ(os.json["error"]["type"], Json("aliases_not_found_exception"));
    EXPECT_EQ(os.json["error"]["reason"], Json("aliases [al] missing"));
    start("elasticsearch", "8.13.4");
    create_index("a", 1, 0);
    create_index("b", 1, 0);
    const HttpResult es = swap_with_must_exist();
    EXPECT_EQ(es.status, 404);
    EXPECT_EQ(es.json["error"]["type"], Json("resource_not_found_exception"));
    EXPECT_EQ(es.json["error"]["reason"], Json("required alias [al] does not exist"));
}

TEST_F(LineTest, AsyncForceMergeFromElasticsearch81AndOpenSearch27)
{
    for (const auto& [distribution, version, async] : std::vector<std::tuple<std::string, std::string, bool>>{
             {"elasticsearch", "8.0.1", false}, {"elasticsearch", "8.1.0", true}, {"opensearch", "2.6.0", false},
             {"opensearch", "2.7.0", true}, {"elasticsearch", "9.1.5", true}, {"elasticsearch", "7.17.21", false}}) {
        start(distribution, version);
        create_index("a");
        const HttpResult result = post("/a/_forcemerge?max_num_segments=1&wait_for_completion=false");
        if (async) {
            EXPECT_EQ(result.status, 200) << version << result.body;
            EXPECT_TRUE(result.json["task"].is_string()) << version;
        } else {
            EXPECT_EQ(result.status, 400) << version;
            EXPECT_NE(result.body.find("contains unrecognized parameter: [wait_for_completion]"), std::string::npos)
                << version << result.body;
        }
    }
}

TEST_F(LineTest, HealthTimeoutIs408WithTheBodyOnEveryLine)
{
    for (const auto& [distribution, version] : std::vector<std::pair<std::string, std::string>>{
             {"elasticsearch", "7.17.21"}, {"elasticsearch", "8.15.0"}, {"elasticsearch", "9.1.5"},
             {"opensearch", "2.19.1"}, {"opensearch", "3.1.0"}}) {
        start(distribution, version);
        create_index("a", 1, 5);
        const HttpResult result = get("/_cluster/health/a?wait_for_status=green&timeout=20ms");
        EXPECT_EQ(result.status, 408) << version;
        EXPECT_EQ(result.json["timed_out"], Json(true)) << version;
        EXPECT_EQ(result.json["status"], Json("yellow")) << version;
    }
}

TEST_F(LineTest, NineAnswersAMasterTimeoutWith429AndTimedOut)
{
    start("elasticsearch", "9.1.5");
    ASSERT_EQ(post("/_sim/faults", R"({"path":"/_aliases","action":"master_timeout"})").status, 200);
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"a","alias":"x"}}]})");
    EXPECT_EQ(result.status, 429);
    EXPECT_EQ(result.json["timed_out"], Json(true));
    EXPECT_EQ(result.header("X-Timed-Out"), "true");
    start("elasticsearch", "8.15.0");
    ASSERT_EQ(post("/_sim/faults", R"({"path":"/_aliases","action":"master_timeout"})").status, 200);
    const HttpResult eight = post("/_aliases", R"({"actions":[{"add":{"index":"a","alias":"x"}}]})");
    EXPECT_EQ(eight.status, 503);
    EXPECT_EQ(eight.header("X-Timed-Out"), "");
}

TEST_F(LineTest, NineDroppedLocalFromTheAliasApis)
{
    start("elasticsearch", "9.1.5");
    const HttpResult result = get("/_alias/x?local=true");
    EXPECT_EQ(result.status, 400);
    EXPECT_NE(result.body.find("unrecognized parameter: [local]"), std::string::npos) << result.body;
    start("elasticsearch", "8.15.0");
    EXPECT_NE(get("/_alias/x?local=true").status, 400);
}

TEST_F(LineTest, OpenSearchSecurityPlugin401IsNotJson)
{
    start("opensearch", "2.19.1");
    ASSERT_EQ(post("/_sim/faults", R"({"path":"/","status":401})").status, 200);
    const HttpResult empty = get("/");
    EXPECT_EQ(empty.status, 401);
    EXPECT_EQ(empty.body, "");
    start("opensearch", "2.10.0");
    ASSERT_EQ(post("/_sim/faults", R"({"path":"/","status":401})").status, 200);
    EXPECT_EQ(get("/").body, "Unauthorized");
}

TEST_F(LineTest, OpenSearchCatIndicesHasNoDatasetSize)
{
    start("opensearch", "2.19.1");
    create_index("a");
    EXPECT_EQ(get("/_cat/indices?v").body.find("dataset.size"), std::string::npos);
}

}  // namespace
}  // namespace aliasing::sim::test
