// What the Transport puts on the wire, observed by a recording loopback server (the simulator does not check auth).
#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "recording_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

using testing::CannedReply;
using testing::FakeClock;
using testing::RecordingServer;

TEST(TransportHeaders, BasicAuthHeaderSent) {
    RecordingServer server;
    auto options = testing::test_options({server.url()});
    options.username = "elastic";
    options.password = "pw-Secret-42";
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    ASSERT_TRUE(transport->request(Method::Get, "/", {}, Replay::Safe).ok());
    ASSERT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(server.requests()[0].authorization, "Basic ZWxhc3RpYzpwdy1TZWNyZXQtNDI=");
}

TEST(TransportHeaders, ApiKeyHeaderSent) {
    RecordingServer server;
    auto options = testing::test_options({server.url()});
    options.api_key = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok());
    ASSERT_TRUE(transport->request(Method::Get, "/", {}, Replay::Safe).ok());
    EXPECT_EQ(server.requests().at(0).authorization, "ApiKey " + options.api_key);
}

TEST(TransportHeaders, NoAuthorizationWithoutCredentials) {
    RecordingServer server;
    auto transport = Transport::create(testing::test_options({server.url()}), FakeClock{}.hooks());
    ASSERT_TRUE(transport->request(Method::Get, "/", {}, Replay::Safe).ok());
    EXPECT_EQ(server.requests().at(0).authorization, "");
}

TEST(TransportHeaders, JsonContentTypeAndAcceptForBodies) {
    RecordingServer server;
    auto transport = Transport::create(testing::test_options({server.url()}), FakeClock{}.hooks());
    ASSERT_TRUE(transport->request(Method::Post, "/_aliases", R"({"actions":[]})", Replay::OutcomeUnknownIsError).ok());
    const auto recorded = server.requests().at(0);
    EXPECT_EQ(recorded.content_type, "application/json");
    EXPECT_EQ(recorded.accept, "application/json");
    EXPECT_EQ(recorded.body, R"({"actions":[]})");
}

TEST(TransportHeaders, ProxyPrefixPrependedToPath) {
    RecordingServer server;
    auto transport = Transport::create(testing::test_options({server.url() + "/es/"}), FakeClock{}.hooks());
    ASSERT_TRUE(transport->request(Method::Get, "/_cat/indices", {}, Replay::Safe).ok());
    EXPECT_EQ(server.requests().at(0).uri, "/es/_cat/indices");
}

TEST(TransportHeaders, ResponseFieldsFilled) {
    RecordingServer server;
    auto transport = Transport::create(testing::test_options({server.url()}), FakeClock{}.hooks());
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(response->elastic_product_header);
    EXPECT_EQ(response->content_type, "application/json");
    EXPECT_NE(response->body.find("8.13.4"), std::string::npos);
}

TEST(EsClientInfo, MissingProductHeaderIsNotElasticsearch) {
    RecordingServer server;
    server.set_reply(CannedReply{200, R"({"version":{"number":"8.13.4"}})", false});
    auto transport = Transport::create(testing::test_options({server.url()}), FakeClock{}.hooks());
    EsClient client(std::move(*transport));
    auto info = client.info();
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().kind, ErrorKind::Unreachable);
    EXPECT_NE(info.error().message.find("not Elasticsearch"), std::string::npos) << info.error().message;
}

TEST(EsClientInfo, UnauthorizedIsAuthenticationFailureWithoutSecrets) {
    RecordingServer server;
    server.set_reply(CannedReply{401,
                                 R"({"error":{"type":"security_exception","reason":"unable to authenticate user [elastic]"},"status":401})",
                                 true});
    auto options = testing::test_options({server.url()});
    options.username = "elastic";
    options.password = "pw-Secret-42";
    auto transport = Transport::create(options, FakeClock{}.hooks());
    EsClient client(std::move(*transport));
    auto info = client.info();
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().kind, ErrorKind::Unreachable);
    EXPECT_EQ(exit_code(info.error().kind), 5);
    EXPECT_NE(info.error().message.find("authentication failed"), std::string::npos);
    EXPECT_NE(info.error().message.find("security_exception"), std::string::npos);
    EXPECT_EQ(info.error().message.find("pw-Secret-42"), std::string::npos);
    EXPECT_EQ(info.error().message.find("ZWxhc3RpYzpwdy1TZWNyZXQtNDI="), std::string::npos);
}

TEST(EsClientInfo, ParsesVersionAndClusterName) {
    RecordingServer server;
    server.set_reply(CannedReply{200, R"({"name":"n1","cluster_name":"prod","version":{"number":"7.17.21"}})", true});
    auto transport = Transport::create(testing::test_options({server.url()}), FakeClock{}.hooks());
    EsClient client(std::move(*transport));
    auto info = client.info();
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->version, "7.17.21");
    EXPECT_EQ(info->major_version, 7);
    EXPECT_EQ(info->cluster_name, "prod");
    EXPECT_EQ(info->node_name, "n1");
}

}  // namespace
}  // namespace aliasing::cluster
