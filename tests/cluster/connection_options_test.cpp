#include "aliasing/cluster/connection_options.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace aliasing::cluster {
namespace {

GetEnv env(std::map<std::string, std::string> values) {
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        const auto it = values.find(std::string(name));
        if (it == values.end()) return std::nullopt;
        return it->second;
    };
}

std::string write_temp(const std::string& name, const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() / ("aliasing_cluster_" + name);
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

TEST(ConnectionOptions, CliUrlsWinOverEnvironment) {
    auto options = connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_URL", "http://127.0.0.1:9300"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->urls, std::vector<std::string>{"http://127.0.0.1:9200"});
}

TEST(ConnectionOptions, CommaSeparatedValuesGiveSeveralNodes) {
    auto options = connection_options_from({"http://127.0.0.1:1, http://127.0.0.1:2", "https://127.0.0.1:3"}, "",
                                           TlsVerification::Verify, env({}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->urls.size(), 3u);
}

TEST(ConnectionOptions, EnvironmentUrlUsedWithoutCli) {
    auto options = connection_options_from({}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_URL", "http://127.0.0.1:1,http://127.0.0.1:2"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->urls.size(), 2u);
}

TEST(ConnectionOptions, NoUrlIsUsageError) {
    auto options = connection_options_from({}, "", TlsVerification::Verify, env({}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
    EXPECT_EQ(options.error().message, "no cluster URL: pass --es-url or set ALIASING_ES_URL");
}

TEST(ConnectionOptions, CredentialsInUrlRefusedWithoutEchoingPassword) {
    auto options = connection_options_from({"https://elastic:hunter2@127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
    EXPECT_EQ(options.error().message.find("hunter2"), std::string::npos) << options.error().message;
    EXPECT_NE(options.error().message.find("ALIASING_ES_USERNAME"), std::string::npos);
}

TEST(ConnectionOptions, BasicAuthFromEnvironment) {
    auto options = connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_USERNAME", "elastic"}, {"ALIASING_ES_PASSWORD", "pw"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->username, "elastic");
    EXPECT_EQ(options->password, "pw");
}

TEST(ConnectionOptions, SecretFileContentTrimmedOfTrailingNewline) {
    const auto file = write_temp("api_key", "c2VjcmV0LWtleQ==\n");
    auto options = connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_API_KEY_FILE", file}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->api_key, "c2VjcmV0LWtleQ==");
}

TEST(ConnectionOptions, UnreadableSecretFileNamesVariableAndPath) {
    auto options = connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_USERNAME", "u"},
                                                {"ALIASING_ES_PASSWORD_FILE", "/nonexistent/aliasing/pw"}}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
    EXPECT_NE(options.error().message.find("ALIASING_ES_PASSWORD_FILE"), std::string::npos);
    EXPECT_NE(options.error().message.find("/nonexistent/aliasing/pw"), std::string::npos);
}

TEST(ConnectionOptions, BasicAuthAndApiKeyTogetherRefused) {
    auto options = connection_options_from(
        {"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
        env({{"ALIASING_ES_USERNAME", "u"}, {"ALIASING_ES_PASSWORD", "sekrit-pw"}, {"ALIASING_ES_API_KEY", "sekrit-key"}}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
    EXPECT_EQ(options.error().message.find("sekrit"), std::string::npos);
}

TEST(ConnectionOptions, UserWithoutPasswordRefused) {
    auto options = connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_USERNAME", "u"}}));
    ASSERT_FALSE(options.ok());
    EXPECT_NE(options.error().message.find("ALIASING_ES_PASSWORD"), std::string::npos);
}

TEST(ConnectionOptions, VariableAndFileVariantTogetherRefused) {
    const auto file = write_temp("key2", "k\n");
    auto options = connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_ES_API_KEY", "k"}, {"ALIASING_ES_API_KEY_FILE", file}}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
}

TEST(ConnectionOptions, BadSchemeIsUsageErrorNamingSource) {
    auto options = connection_options_from({}, "", TlsVerification::Verify, env({{"ALIASING_ES_URL", "ftp://h:1"}}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
    EXPECT_NE(options.error().message.find("ALIASING_ES_URL"), std::string::npos);
}

TEST(ConnectionOptions, CaFileAndTlsModeKept) {
    const auto ca = std::filesystem::temp_directory_path() / ("aliasing-ca-" + std::to_string(::getpid()) + ".pem");
    std::ofstream(ca) << "-----BEGIN CERTIFICATE-----\n";
    auto options = connection_options_from({"https://127.0.0.1:9200"}, ca.string(), TlsVerification::Insecure, env({}));
    std::filesystem::remove(ca);
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->ca_file, ca.string());
    EXPECT_EQ(options->tls, TlsVerification::Insecure);
}

TEST(ConnectionOptions, MissingCaFileIsAUsageErrorWhateverTheScheme) {
    for (const char* url : {"https://127.0.0.1:9200", "http://127.0.0.1:9200"}) {
        auto options = connection_options_from({url}, "/nonexistent/aliasing/ca.pem", TlsVerification::Verify, env({}));
        ASSERT_FALSE(options.ok()) << url;
        EXPECT_EQ(options.error().kind, ErrorKind::Usage);
        EXPECT_NE(options.error().message.find("--ca-file: cannot read '/nonexistent/aliasing/ca.pem'"),
                  std::string::npos)
            << options.error().message;
    }
}

}  // namespace
}  // namespace aliasing::cluster

namespace aliasing::cluster {
namespace {

// Several clusters (docs/multi-cluster.md N2): each cluster reads ALIASING_<NAME>_… and never another's.
TEST(ConnectionOptions, APrefixReadsThatClustersCredentialsOnly) {
    const std::string key_file = write_temp("dr_key", "dr-secret\n");
    const auto environment = env({{"ALIASING_ES_API_KEY", "es-secret"},
                                  {"ALIASING_PRIMARY_USERNAME", "svc"},
                                  {"ALIASING_PRIMARY_PASSWORD", "primary-secret"},
                                  {"ALIASING_DR_API_KEY_FILE", key_file}});
    auto dr = connection_options_from({"http://127.0.0.1:1"}, "", TlsVerification::Verify, environment, "ALIASING_DR");
    ASSERT_TRUE(dr.ok()) << dr.error().message;
    EXPECT_EQ(dr->api_key, "dr-secret");
    EXPECT_EQ(dr->username, "");
    auto primary =
        connection_options_from({"http://127.0.0.1:2"}, "", TlsVerification::Verify, environment, "ALIASING_PRIMARY");
    ASSERT_TRUE(primary.ok()) << primary.error().message;
    EXPECT_EQ(primary->username, "svc");
    EXPECT_EQ(primary->password, "primary-secret");
    EXPECT_EQ(primary->api_key, "") << "ALIASING_ES_API_KEY is not a cluster's";
    std::filesystem::remove(key_file);
}

TEST(ConnectionOptions, APrefixNamesItsOwnVariablesInErrors) {
    auto options = connection_options_from({"http://127.0.0.1:1"}, "", TlsVerification::Verify,
                                           env({{"ALIASING_DR_EU_PASSWORD", "x"}}), "ALIASING_DR_EU");
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().message,
              "ALIASING_DR_EU_PASSWORD is set but ALIASING_DR_EU_USERNAME is not; set both for basic auth");
    auto both = connection_options_from({"http://127.0.0.1:1"}, "", TlsVerification::Verify,
                                        env({{"ALIASING_DR_API_KEY", "k"}, {"ALIASING_DR_API_KEY_FILE", "/nope"}}),
                                        "ALIASING_DR");
    ASSERT_FALSE(both.ok());
    EXPECT_NE(both.error().message.find("both ALIASING_DR_API_KEY and ALIASING_DR_API_KEY_FILE"), std::string::npos);
}

}  // namespace
}  // namespace aliasing::cluster
