// Routing and the HTTP envelope: no handler, 405, unrecognized parameters, Content-Type, the 4096-byte line.
#include "sim_fixture.hpp"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, PathWithoutRouteAnswersNoHandlerWithoutStatusKey)
{
    const HttpResult result = get("/a/b/c/d/e?x=1");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":"no handler found for uri [/a/b/c/d/e?x=1] and method [GET]"})"));
}

TEST_F(SimTest, WrongMethodAnswers405WithAllowHeader)
{
    const HttpResult result = request("DELETE", "/_cat/indices");
    EXPECT_EQ(result.status, 405);
    EXPECT_EQ(result.json,
              J(R"({"error":"Incorrect HTTP method for uri [/_cat/indices] and method [DELETE], allowed: [GET]","status":405})"));
    EXPECT_EQ(result.header("Allow"), "GET");
}

TEST_F(SimTest, WrongMethodListsEveryAllowedMethodInOrder)
{
    const HttpResult result = request("DELETE", "/_alias/x");
    EXPECT_EQ(result.status, 405);
    EXPECT_EQ(result.json["error"],
              Json("Incorrect HTTP method for uri [/_alias/x] and method [DELETE], allowed: [GET, HEAD]"));
    EXPECT_EQ(result.header("Allow"), "GET,HEAD");
}

TEST_F(SimTest, UnknownParameterAnswersUnrecognizedParameter)
{
    const HttpResult result = get("/_cat/indices?foo=1");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"request [/_cat/indices] contains unrecognized parameter: [foo]"}],"type":"illegal_argument_exception","reason":"request [/_cat/indices] contains unrecognized parameter: [foo]"},"status":400})"));
}

TEST_F(SimTest, SeveralUnknownParametersAreListedTogether)
{
    const HttpResult result = get("/_cat/indices?foo=1&bar=2");
    EXPECT_EQ(result.json["error"]["reason"],
              Json("request [/_cat/indices] contains unrecognized parameters: [foo], [bar]"));
}

TEST_F(SimTest, BadBooleanParameterIsRejected)
{
    create_index("a");
    const HttpResult result = get("/_settings?flat_settings=yes");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("Failed to parse value [yes] as only [true] or [false] are allowed."));
}

TEST_F(SimTest, SingleSegmentStartingWithUnderscoreIsAnInvalidIndexName)
{
    const HttpResult result = get("/_foo");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"invalid_index_name_exception","reason":"Invalid index name [_foo], must not start with '_', '-', or '+'","index_uuid":"_na_","index":"_foo"}],"type":"invalid_index_name_exception","reason":"Invalid index name [_foo], must not start with '_', '-', or '+'","index_uuid":"_na_","index":"_foo"},"status":400})"));
}

TEST_F(SimTest, BodyWithUnsupportedContentTypeAnswers406)
{
    const HttpResult result = request("POST", "/_aliases", "{}", "text/plain");
    EXPECT_EQ(result.status, 406);
    EXPECT_EQ(result.json, J(R"({"error":"Content-Type header [text/plain] is not supported","status":406})"));
}

TEST_F(SimTest, RequestLineOver4096BytesAnswersTooLongHttpLine)
{
    const std::string target = "/_cat/indices/" + std::string(4096, 'a');
    const HttpResult result = get(target);
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"too_long_http_line_exception","reason":"An HTTP line is larger than 4096 bytes."}],"type":"too_long_http_line_exception","reason":"An HTTP line is larger than 4096 bytes."},"status":400})"));
}

TEST_F(SimTest, RequestLineOf20000BytesStillAnswersTooLongHttpLine)
{
    const HttpResult result = get("/_cat/indices/" + std::string(20000, 'a'));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("too_long_http_line_exception"));
}

TEST_F(SimTest, RequestLineOfExactly4096BytesIsServed)
{
    // "GET " + target + " HTTP/1.1" == 4096 bytes
    const std::string prefix = "/_cat/indices/";
    const std::string target = prefix + std::string(4096 - 4 - 9 - prefix.size() - 1, 'a') + "*";
    const HttpResult result = get(target);
    EXPECT_EQ(result.status, 200) << result.body;
}

TEST_F(SimTest, RequestLineOf4097BytesIsTooLong)
{
    const std::string prefix = "/_cat/indices/";
    const std::string target = prefix + std::string(4097 - 4 - 9 - prefix.size() - 1, 'a') + "*";
    EXPECT_EQ(get(target).status, 400);
}

TEST_F(SimTest, ConnectionStaysUsableAfterANonLineError)
{
    EXPECT_EQ(get("/a/b/c/d/e").status, 400);
    EXPECT_EQ(get("/").status, 200);
    EXPECT_EQ(get("/_sim/connections").json["total"], Json(1));
}

TEST_F(SimTest, KeepAliveServesManyRequestsOnOneConnection)
{
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(get("/").status, 200);
    }
    const HttpResult connections = get("/_sim/connections");
    EXPECT_EQ(connections.json["total"], Json(1));
    EXPECT_EQ(connections.json["open"], Json(1));
}

TEST_F(SimTest, OptionsAnswersAllowedMethods)
{
    const HttpResult result = request("OPTIONS", "/_cat/indices");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.header("Allow"), "GET");
}

}  // namespace
}  // namespace aliasing::sim::test

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, FilterPathKeepsOnlyNamedFields)
{
    EXPECT_EQ(get("/_cluster/health?filter_path=status,timed_out").json, J(R"({"status":"green","timed_out":false})"));
}

TEST_F(SimTest, FilterPathWildcardsAndArrays)
{
    create_index("a", 1, 0, 10, 1, 1, R"({"live":{}})");
    create_index("b");
    EXPECT_EQ(get("/_alias?filter_path=*.aliases.live").json, J(R"({"a":{"aliases":{"live":{}}}})"));
    EXPECT_EQ(get("/_cat/indices?format=json&h=index,pri&s=index&filter_path=index").json,
              J(R"([{"index":"a"},{"index":"b"}])"));
}

TEST_F(SimTest, FilterPathDoubleStarMatchesAnyDepth)
{
    create_index("a", 2, 1);
    EXPECT_EQ(get("/_cluster/health?level=indices&filter_path=**.number_of_shards").json,
              J(R"({"indices":{"a":{"number_of_shards":2}}})"));
}

TEST_F(SimTest, FormatIsACommonParameter)
{
    EXPECT_EQ(get("/_cluster/health?format=json").status, 200);
}

}  // namespace
}  // namespace aliasing::sim::test

namespace aliasing::sim::test {
namespace {

/// Sends `raw` bytes on a fresh connection and returns everything the server answers until it closes.
std::string exchange_raw(std::uint16_t port, const std::string& raw)
{
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(5, 0));
    socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
    socket.shutdownSend();
    std::string answer;
    char chunk[4096];
    for (int n = 0; (n = socket.receiveBytes(chunk, static_cast<int>(sizeof chunk))) > 0;) {
        answer.append(chunk, static_cast<std::size_t>(n));
    }
    return answer;
}

// Found by fuzz_sim_http: a request line with an empty method (" / HTTP/1.1") was routed as a request; it is
// a malformed request line, answered 400 like Elasticsearch and the connection closed.
TEST_F(SimTest, RequestLineWithoutMethodIsMalformed)
{
    for (const std::string line : {" / HTTP/1.1", "GET  HTTP/1.1", "  HTTP/1.1"}) {
        const std::string answer = exchange_raw(m_server->port(), line + "\r\nHost: x\r\n\r\n");
        EXPECT_EQ(answer.substr(0, 12), "HTTP/1.1 400") << line << " answered " << answer.substr(0, 80);
    }
}

}  // namespace
}  // namespace aliasing::sim::test
