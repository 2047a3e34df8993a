// The /_sim/ controls: request log, connections, state, config; and the in-process Server API.
#include "sim_fixture.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <thread>

namespace aliasing::sim::test {
namespace {

const char* const demo_state = R"({"version":"8.15.0","data_nodes":3,
  "cat_indices":[
    {"health":"red","status":"open","index":"c-1","uuid":"u1","pri":"2","rep":"1","docs.count":"100","docs.deleted":"3","store.size":"4000","pri.store.size":"2000","segments.count":"40","pri.segments.count":"20","creation.date":"1700000000000"},
    {"index":"c-2"}],
  "aliases":{"c-1":{"aliases":{"live":{}}},"c-2":{"aliases":{}}}})";

TEST_F(SimTest, RequestLogRecordsApiRequestsButNotControls)
{
    get("/");
    get("/_cat/indices?format=json&h=index");
    const HttpResult log = get("/_sim/requests");
    EXPECT_EQ(log.json, J(R"({"count":2,"requests":[{"seq":1,"method":"GET","path":"/","query":"","status":200,"line_bytes":14},{"seq":2,"method":"GET","path":"/_cat/indices","query":"format=json&h=index","status":200,"line_bytes":46}]})"));
}

TEST_F(SimTest, RequestLogKeepsTheBodyOfWrites)
{
    post("/_aliases", R"({"actions":[]})");
    EXPECT_EQ(get("/_sim/requests").json["requests"].at(0)["body"], Json(R"({"actions":[]})"));
}

TEST_F(SimTest, RequestLogClears)
{
    get("/");
    EXPECT_EQ(del("/_sim/requests").status, 200);
    EXPECT_EQ(get("/_sim/requests").json["count"], Json(0));
}

TEST_F(SimTest, RequestLogRecordsTooLongLines)
{
    get("/_cat/indices/" + std::string(5000, 'x'));
    const HttpResult log = get("/_sim/requests");
    EXPECT_EQ(log.json["requests"].at(0)["status"], Json(400));
    EXPECT_EQ(log.json["requests"].at(0)["line_bytes"], Json(5000 + 14 + 4 + 9));
}

TEST_F(SimTest, ConnectionsCountOpenAndTotal)
{
    get("/");
    {
        Poco::Net::HTTPClientSession other("127.0.0.1", m_server->port());
        other.setKeepAlive(true);
        Poco::Net::HTTPRequest request("GET", "/", Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        other.sendRequest(request);
        Poco::Net::HTTPResponse response;
        other.receiveResponse(response).ignore(1 << 20);
        EXPECT_EQ(get("/_sim/connections").json, J(R"({"open":2,"total":2})"));
    }
    Json counts;
    for (int i = 0; i < 100; ++i) {
        counts = get("/_sim/connections").json;
        if (counts["open"] == Json(1)) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(counts, J(R"({"open":1,"total":2})"));
}

TEST_F(SimTest, StateLoadsCatalogAndAliases)
{
    ASSERT_EQ(put("/_sim/state", demo_state).status, 200);
    EXPECT_EQ(get("/_cat/indices?format=json&bytes=b&s=index&h=health,index,uuid,pri,rep,docs.count,docs.deleted,store.size,pri.store.size,sc,pri.segments.count,cd").json,
              J(R"([{"health":"green","index":"c-1","uuid":"u1","pri":"2","rep":"1","docs.count":"100","docs.deleted":"3","store.size":"4000","pri.store.size":"2000","sc":"40","pri.segments.count":"20","cd":"1700000000000"},
                    {"health":"green","index":"c-2","uuid":")" + get("/_cat/indices/c-2?format=json&h=uuid").json.at(0)["uuid"].as_string() + R"(","pri":"1","rep":"0","docs.count":"0","docs.deleted":"0","store.size":"0","pri.store.size":"0","sc":"1","pri.segments.count":"1","cd":")" + get("/_cat/indices/c-2?format=json&h=cd").json.at(0)["cd"].as_string() + R"("}])"));
    EXPECT_EQ(get("/_alias/live").json, J(R"({"c-1":{"aliases":{"live":{}}}})"));
}

TEST_F(SimTest, StateDumpRoundTrips)
{
    ASSERT_EQ(put("/_sim/state", demo_state).status, 200);
    const Json dumped = get("/_sim/state").json;
    EXPECT_EQ(dumped["cat_indices"].at(0), J(R"({"health":"green","status":"open","index":"c-1","uuid":"u1","pri":"2","rep":"1","docs.count":"100","docs.deleted":"3","store.size":"4000","pri.store.size":"2000","segments.count":"40","pri.segments.count":"20","creation.date":"1700000000000"})"));
    EXPECT_EQ(dumped["aliases"], J(R"({"c-1":{"aliases":{"live":{}}},"c-2":{"aliases":{}}})"));
    ASSERT_EQ(put("/_sim/state", dumped.dump()).status, 200);
    EXPECT_EQ(get("/_sim/state").json, dumped);
}

TEST_F(SimTest, StateRowWithoutIndexIsRefusedAndNothingChanges)
{
    create_index("keep");
    const HttpResult result = put("/_sim/state", R"({"cat_indices":[{"pri":"1"}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_NE(result.json["error"].as_string().find("[index]"), std::string::npos);
    EXPECT_EQ(get("/_cat/indices?format=json&h=index").json, J(R"([{"index":"keep"}])"));
}

TEST_F(SimTest, StateAliasesForUnknownIndexAreRefused)
{
    EXPECT_EQ(put("/_sim/state", R"({"cat_indices":[],"aliases":{"x":{"aliases":{"a":{}}}}})").status, 400);
}

TEST_F(SimTest, StateVersionSwitchesBehaviour)
{
    ASSERT_EQ(put("/_sim/state", R"({"version":"7.17.3","cat_indices":[]})").status, 200);
    EXPECT_EQ(get("/").json["version"]["number"], Json("7.17.3"));
}

TEST_F(SimTest, ConfigSwitchesToOpenSearchAndStateKeepsIt)
{
    ASSERT_EQ(put("/_sim/config", R"({"distribution":"opensearch","version":"2.19.1"})").status, 200);
    EXPECT_EQ(get("/").json["version"]["distribution"], Json("opensearch"));
    const HttpResult state = get("/_sim/state");
    EXPECT_EQ(state.json["distribution"], Json("opensearch"));
    EXPECT_EQ(state.json["version"], Json("2.19.1"));
    EXPECT_EQ(put("/_sim/config", R"({"version":"8.15.0"})").status, 400) << "8.15.0 is no OpenSearch version";
}

TEST_F(SimTest, ConfigChangesLive)
{
    const HttpResult result = put("/_sim/config", R"({"data_nodes":1,"replica_delay_millis":5})");
    EXPECT_EQ(result.json, J(R"({"distribution":"elasticsearch","version":"8.15.0",)"
                             R"("override_main_response_version":false,"data_nodes":1,)"
                             R"("forcemerge_millis_per_gib":0,"replica_delay_millis":5})"));
    create_index("a", 1, 1);
    EXPECT_EQ(get("/_cluster/health").json["status"], Json("yellow"));
}

TEST_F(SimTest, ConfigVersionSwitchesTo717)
{
    ASSERT_EQ(put("/_sim/config", R"({"version":"7.17.x"})").status, 200);
    EXPECT_EQ(get("/").json["version"]["number"], Json("7.17.0"));
}

TEST_F(SimTest, ConfigRejectsUnknownField)
{
    EXPECT_EQ(put("/_sim/config", R"({"bogus":1})").status, 400);
}

TEST_F(SimTest, UnknownControlAnswers404)
{
    EXPECT_EQ(get("/_sim/nope").status, 404);
}

TEST(ServerApiTest, LoadStateAndDumpStateInProcess)
{
    Server server(ServerOptions{});
    EXPECT_EQ(server.load_state(demo_state), "");
    const auto dumped = Json::parse(server.dump_state());
    ASSERT_TRUE(dumped.has_value());
    EXPECT_EQ((*dumped)["cat_indices"].size(), 2U);
}

TEST(ServerApiTest, LoadStateReportsInvalidJson)
{
    Server server(ServerOptions{});
    EXPECT_NE(server.load_state("{"), "");
}

TEST(ServerApiTest, LoadCatalogAcceptsTheAliasMissingBody)
{
    Server server(ServerOptions{});
    EXPECT_EQ(server.load_catalog(R"([{"index":"a"}])", R"({"error":"alias [x] missing","status":404})"), "");
}

TEST(ServerApiTest, InvalidVersionIsRejected)
{
    ServerOptions options;
    options.version = "6.8.0";
    EXPECT_THROW(Server{options}, std::invalid_argument);
}

TEST(ServerApiTest, UrlNamesTheBoundPort)
{
    Server server(ServerOptions{});
    const std::uint16_t port = server.start();
    EXPECT_NE(port, 0);
    EXPECT_EQ(server.url(), "http://127.0.0.1:" + std::to_string(port));
    server.stop();
}

TEST(ServerApiTest, StopCutsAWaitingHealthRequestShort)
{
    Server server(ServerOptions{});
    const std::uint16_t port = server.start();
    expect_prompt_stop_with_request_in_flight(server, port, "/_cluster/health/missing?timeout=30s");
}

}  // namespace
}  // namespace aliasing::sim::test
