#include "aliasing/cluster/node_url.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

TEST(NodeUrl, ParsesSchemeHostPort) {
    auto url = parse_node_url("https://es.example.com:9243");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->scheme, Scheme::Https);
    EXPECT_EQ(url->host, "es.example.com");
    EXPECT_EQ(url->port, 9243);
    EXPECT_EQ(url->base_path, "");
}

TEST(NodeUrl, DefaultPortFromScheme) {
    EXPECT_EQ(parse_node_url("https://h")->port, 443);
    EXPECT_EQ(parse_node_url("http://h/")->port, 80);
}

TEST(NodeUrl, KeepsProxyPrefixWithoutTrailingSlash) {
    auto url = parse_node_url("http://127.0.0.1:8080/es/");
    ASSERT_TRUE(url.ok());
    EXPECT_EQ(url->base_path, "/es");
    EXPECT_EQ(url->to_string(), "http://127.0.0.1:8080/es");
}

TEST(NodeUrl, Ipv6InBrackets) {
    auto url = parse_node_url("http://[::1]:9200");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->host, "::1");
    EXPECT_EQ(url->to_string(), "http://[::1]:9200");
}

TEST(NodeUrl, RejectsBadPort) {
    EXPECT_FALSE(parse_node_url("http://h:0").ok());
    EXPECT_FALSE(parse_node_url("http://h:65536").ok());
    EXPECT_FALSE(parse_node_url("http://h:9x").ok());
    EXPECT_FALSE(parse_node_url("http://h:").ok());
}

TEST(NodeUrl, RejectsMissingSchemeOrHost) {
    EXPECT_FALSE(parse_node_url("127.0.0.1:9200").ok());
    EXPECT_FALSE(parse_node_url("http://:9200").ok());
    EXPECT_FALSE(parse_node_url("gopher://h:1").ok());
}

TEST(NodeUrl, RejectsQuery) { EXPECT_FALSE(parse_node_url("http://h:1/?pretty").ok()); }

TEST(NodeUrl, CredentialsRefusedAndRedacted) {
    auto url = parse_node_url("http://user:s3cr3t@h:9200");
    ASSERT_FALSE(url.ok());
    EXPECT_EQ(url.error().kind, ErrorKind::Usage);
    EXPECT_EQ(url.error().message.find("s3cr3t"), std::string::npos) << url.error().message;
    EXPECT_NE(url.error().message.find("***@h:9200"), std::string::npos) << url.error().message;
}

TEST(NodeUrl, RedactUrlHidesUserinfoOnly) {
    EXPECT_EQ(redact_url("https://a:b@h:1/p"), "https://***@h:1/p");
    EXPECT_EQ(redact_url("https://h:1/p@x"), "https://h:1/p@x");
}

}  // namespace
}  // namespace aliasing::cluster
