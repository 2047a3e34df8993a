// The /_sim/faults control: respond, drop, delay; before and after; nth and count; list and clear.
#include "sim_fixture.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <thread>

namespace aliasing::sim::test {
namespace {

class FaultTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        create_index("f-old", 1, 0, 10, 1, 1, R"({"live":{}})");
        create_index("f-new");
    }
    std::int64_t add_fault(const std::string& rule)
    {
        const HttpResult result = post("/_sim/faults", rule);
        EXPECT_EQ(result.status, 200) << result.body;
        return result.json["id"].is_integer() ? result.json["id"].as_int() : 0;
    }
    /// A fresh session after a dropped connection.
    void reconnect()
    {
        m_session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", m_server->port());
    }
    const char* swap = R"({"actions":[{"remove":{"index":"f-old","alias":"live"}},{"add":{"index":"f-new","alias":"live"}}]})";
};

TEST_F(FaultTest, AddingARuleAnswersItsId)
{
    EXPECT_EQ(add_fault(R"({"path":"/_aliases"})"), 1);
    EXPECT_EQ(add_fault(R"({"path":"/_aliases"})"), 2);
}

TEST_F(FaultTest, RespondAnswersTheDefault503BodyAndSkipsHandling)
{
    add_fault(R"({"method":"POST","path":"/_aliases","action":"respond","status":503})");
    const HttpResult result = post("/_aliases", swap);
    EXPECT_EQ(result.status, 503);
    EXPECT_EQ(result.json["error"]["type"], Json("cluster_block_exception"));
    EXPECT_EQ(result.header("X-Elastic-Product"), "Elasticsearch");
    EXPECT_EQ(get("/_alias/live").json, J(R"({"f-old":{"aliases":{"live":{}}}})"));
}

TEST_F(FaultTest, Respond429DefaultsToRejectedExecution)
{
    add_fault(R"({"path":"/_cat/*","status":429})");
    const HttpResult result = get("/_cat/indices?format=json");
    EXPECT_EQ(result.status, 429);
    EXPECT_EQ(result.json["error"]["type"], Json("es_rejected_execution_exception"));
    EXPECT_EQ(result.json["status"], Json(429));
}

TEST_F(FaultTest, RespondWithGivenJsonBody)
{
    add_fault(R"({"path":"/","status":500,"body":{"custom":true}})");
    const HttpResult result = get("/");
    EXPECT_EQ(result.status, 500);
    EXPECT_EQ(result.json, J(R"({"custom":true})"));
}

TEST_F(FaultTest, RespondWithGivenTextBody)
{
    add_fault(R"({"path":"/","status":502,"body":"bad gateway"})");
    const HttpResult result = get("/");
    EXPECT_EQ(result.status, 502);
    EXPECT_EQ(result.body, "bad gateway");
}

TEST_F(FaultTest, NthFailsOnlyThatMatch)
{
    add_fault(R"({"method":"GET","path":"/","nth":2,"status":503})");
    EXPECT_EQ(get("/").status, 200);
    EXPECT_EQ(get("/").status, 503);
    EXPECT_EQ(get("/").status, 200);
}

TEST_F(FaultTest, CountFailsConsecutiveMatchesFromNth)
{
    add_fault(R"({"path":"/","nth":2,"count":2,"status":503})");
    EXPECT_EQ(get("/").status, 200);
    EXPECT_EQ(get("/").status, 503);
    EXPECT_EQ(get("/").status, 503);
    EXPECT_EQ(get("/").status, 200);
}

TEST_F(FaultTest, WithoutNthEveryMatchFails)
{
    add_fault(R"({"path":"/","status":503})");
    EXPECT_EQ(get("/").status, 503);
    EXPECT_EQ(get("/").status, 503);
}

TEST_F(FaultTest, MethodMustMatchWhenGiven)
{
    add_fault(R"({"method":"POST","path":"/","status":503})");
    EXPECT_EQ(get("/").status, 200);
}

TEST_F(FaultTest, GlobStarMatchesAcrossSlashes)
{
    add_fault(R"({"path":"/_cat/*","status":503})");
    EXPECT_EQ(get("/_cat/indices/f-*?format=json").status, 503);
    EXPECT_EQ(get("/_alias").status, 200);
}

TEST_F(FaultTest, DropClosesTheConnectionWithoutAnswerAndDoesNotApply)
{
    add_fault(R"({"path":"/_aliases","action":"drop"})");
    EXPECT_THROW(post("/_aliases", swap), Poco::Exception);
    reconnect();
    EXPECT_EQ(get("/_alias/live").json, J(R"({"f-old":{"aliases":{"live":{}}}})"));
}

TEST_F(FaultTest, DropAfterAppliesTheRequestThenClosesTheConnection)
{
    add_fault(R"({"path":"/_aliases","action":"drop","when":"after"})");
    EXPECT_THROW(post("/_aliases", swap), Poco::Exception);
    reconnect();
    EXPECT_EQ(get("/_alias/live").json, J(R"({"f-new":{"aliases":{"live":{}}}})"));
}

TEST_F(FaultTest, RespondAfterAppliesTheRequestButAnswersTheFault)
{
    add_fault(R"({"path":"/_aliases","status":504,"when":"after"})");
    EXPECT_EQ(post("/_aliases", swap).status, 504);
    EXPECT_EQ(get("/_alias/live").json, J(R"({"f-new":{"aliases":{"live":{}}}})"));
}

TEST_F(FaultTest, DelaySleepsThenHandlesNormally)
{
    add_fault(R"({"path":"/","action":"delay","delay_ms":150})");
    const auto start = std::chrono::steady_clock::now();
    const HttpResult result = get("/");
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(140));
    EXPECT_EQ(result.status, 200);
}

TEST_F(FaultTest, RespondWithDelayWaitsBeforeAnswering)
{
    add_fault(R"({"path":"/","status":503,"delay_ms":100})");
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(get("/").status, 503);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(90));
}

TEST_F(FaultTest, ListShowsRulesWithHitCounts)
{
    add_fault(R"({"path":"/","nth":2})");
    get("/");
    get("/");
    get("/");
    const HttpResult list = get("/_sim/faults");
    EXPECT_EQ(list.json, J(R"({"faults":[{"id":1,"method":null,"path":"/","nth":2,"count":1,"action":"respond","status":503,"body":null,"delay_ms":0,"when":"before","matches":3,"hits":1}]})"));
}

TEST_F(FaultTest, DeleteClearsAllRules)
{
    add_fault(R"({"path":"/","status":503})");
    EXPECT_EQ(del("/_sim/faults").status, 200);
    EXPECT_EQ(get("/").status, 200);
}

TEST_F(FaultTest, ControlsAreNeverFaulted)
{
    add_fault(R"({"path":"*","status":503})");
    EXPECT_EQ(get("/_sim/faults").status, 200);
}

TEST_F(FaultTest, RuleWithoutPathIsRefused)
{
    const HttpResult result = post("/_sim/faults", R"({"status":503})");
    EXPECT_EQ(result.status, 400);
}

TEST_F(FaultTest, RuleWithUnknownActionIsRefused)
{
    EXPECT_EQ(post("/_sim/faults", R"({"path":"/","action":"explode"})").status, 400);
}

}  // namespace
}  // namespace aliasing::sim::test

namespace aliasing::sim::test {
namespace {

TEST(FaultStopTest, StopCutsALongDelayShort)
{
    Server server(ServerOptions{});
    const std::uint16_t port = server.start();
    {
        Poco::Net::HTTPClientSession session("127.0.0.1", port);
        Poco::Net::HTTPRequest add("POST", "/_sim/faults", Poco::Net::HTTPMessage::HTTP_1_1);
        const std::string rule = R"({"path":"/","action":"delay","delay_ms":60000})";
        add.setContentType("application/json");
        add.setContentLength(static_cast<std::streamsize>(rule.size()));
        session.sendRequest(add) << rule;
        Poco::Net::HTTPResponse response;
        session.receiveResponse(response).ignore(1 << 20);
        ASSERT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
    }
    expect_prompt_stop_with_request_in_flight(server, port, "/");
}

}  // namespace
}  // namespace aliasing::sim::test
