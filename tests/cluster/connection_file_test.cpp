// The connection file: INI or JSON, secrets only by path, refused when group/others may read it.
#include "aliasing/cluster/connection_file.hpp"

#include "aliasing/cluster/aws_signing.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace aliasing::cluster {
namespace {

std::string write_file(const std::string& name, const std::string& content, mode_t mode = 0600) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("aliasing-connection-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << content;
    ::chmod(path.c_str(), mode);
    return path.string();
}

GetEnv environment(std::map<std::string, std::string> values) {
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        auto found = values.find(std::string(name));
        if (found == values.end()) return std::nullopt;
        return found->second;
    };
}

TEST(ConnectionFile, IniGivesNodesCredentialFilesAndTimeouts) {
    const std::string key = write_file("key", "secret-api-key\n");
    const std::string path = write_file("a.ini", "nodes = http://127.0.0.1:9200, http://127.0.0.1:9201\n"
                                                 "api_key_file = " + key + "\nconnect_timeout = 2\n"
                                                 "tls_handshake_timeout = 3.5\nread_timeout = 30\n");
    auto file = load_connection_file(path);
    ASSERT_TRUE(file.ok()) << file.error().message;
    EXPECT_EQ(file->nodes, (std::vector<std::string>{"http://127.0.0.1:9200", "http://127.0.0.1:9201"}));
    auto options = connection_options_from({}, "", TlsVerification::Verify,
                                           with_connection_file(*file, environment({{"ALIASING_ES_API_KEY", "env-key"}})));
    ASSERT_TRUE(options.ok()) << options.error().message;
    apply_connection_file(*file, *options);
    EXPECT_EQ(options->api_key, "secret-api-key") << "the file's credentials replace the environment's";
    EXPECT_EQ(options->urls.size(), 2u);
    EXPECT_EQ(options->connect_timeout, std::chrono::milliseconds(2000));
    EXPECT_EQ(options->tls_handshake_timeout, std::chrono::milliseconds(3500));
    EXPECT_EQ(options->read_timeout, std::chrono::milliseconds(30000));
}

TEST(ConnectionFile, JsonWithANodeArray) {
    const std::string password = write_file("pw", "pw\n");
    const std::string path = write_file("a.json", R"({"nodes": ["http://127.0.0.1:9200"], "username": "etl",
        "password_file": ")" + password + R"("})");
    auto file = load_connection_file(path);
    ASSERT_TRUE(file.ok()) << file.error().message;
    auto options = connection_options_from({}, "", TlsVerification::Verify, with_connection_file(*file, environment({})));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->urls, (std::vector<std::string>{"http://127.0.0.1:9200"}));
    EXPECT_EQ(options->username, "etl");
    EXPECT_EQ(options->password, "pw");
}

TEST(ConnectionFile, JsonNodesMayBeACommaSeparatedString) {
    // Poco reads "nodes[i]" of a string as the string itself for every i: this once looped forever.
    auto file = load_connection_file(write_file("string.json", R"({"nodes": "http://127.0.0.1:9200, http://127.0.0.1:9201"})"));
    ASSERT_TRUE(file.ok()) << file.error().message;
    EXPECT_EQ(file->nodes, (std::vector<std::string>{"http://127.0.0.1:9200", "http://127.0.0.1:9201"}));
}

TEST(ConnectionFile, ReadableByGroupOrOthersIsRefused) {
    for (mode_t mode : {0640, 0604}) {
        auto file = load_connection_file(write_file("open.ini", "nodes = http://127.0.0.1:9200\n", mode));
        ASSERT_FALSE(file.ok());
        EXPECT_EQ(file.error().kind, ErrorKind::Usage);
        EXPECT_NE(file.error().message.find("chmod 600"), std::string::npos) << file.error().message;
    }
}

TEST(ConnectionFile, InlineSecretIsRefusedWithoutEchoingIt) {
    auto file = load_connection_file(write_file("inline.ini", "nodes = http://127.0.0.1:9200\npassword = hunter2\n"));
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.error().message.find("password_file"), std::string::npos) << file.error().message;
    EXPECT_EQ(file.error().message.find("hunter2"), std::string::npos) << file.error().message;
}

TEST(ConnectionFile, UnknownKeySuggestsTheCloseOne) {
    auto file = load_connection_file(write_file("typo.ini", "node = http://127.0.0.1:9200\n"));
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.error().message.find("node is not a known key; did you mean nodes?"), std::string::npos)
        << file.error().message;
}

TEST(ConnectionFile, SigV4KeysSignWithTheFilesRegionServiceAndProfileInsteadOfTheEnvironments) {
    const std::string credentials = write_file("aws-credentials", "[default]\naws_access_key_id = AKIDDEFAULT\n"
                                                                  "aws_secret_access_key = default-secret\n"
                                                                  "[batch]\naws_access_key_id = AKIDBATCH\n"
                                                                  "aws_secret_access_key = batch-secret\n"
                                                                  "aws_session_token = batch-token\n");
    auto file = load_connection_file(write_file("sigv4.ini", "nodes = https://search.example:443\nsigv4_region = eu-west-1\n"
                                                             "sigv4_service = aoss\nsigv4_profile = batch\n"
                                                             "sigv4_credentials_file = " + credentials + "\n"));
    ASSERT_TRUE(file.ok()) << file.error().message;
    // The environment's keys, profile, region and ES credentials are the file's to replace, never to mix with.
    const auto env = with_connection_file(*file, environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                              {"AWS_SECRET_ACCESS_KEY", "env-secret"},
                                                              {"AWS_PROFILE", "default"},
                                                              {"AWS_REGION", "us-east-1"},
                                                              {"ALIASING_ES_API_KEY", "env-key"}}));
    EXPECT_EQ(env("ALIASING_ES_API_KEY"), std::nullopt);
    auto signing = aws_signing_from(signing_flags_with(*file, {}), env);
    ASSERT_TRUE(signing.ok()) << signing.error().message;
    ASSERT_TRUE(signing->has_value()) << "the sigv4_* keys turn signing on";
    EXPECT_EQ((*signing)->region, "eu-west-1");
    EXPECT_EQ((*signing)->service, "aoss");
    EXPECT_EQ((*signing)->credentials.access_key_id, "AKIDBATCH");
    EXPECT_EQ((*signing)->credentials.secret_access_key, "batch-secret");
    EXPECT_EQ((*signing)->credentials.session_token, "batch-token");

    AwsSigningFlags command_line;
    command_line.region = "ap-south-1";
    command_line.service = "es";
    auto flags = signing_flags_with(*file, command_line);
    EXPECT_EQ(flags.region, "ap-south-1") << "the command line wins over the file";
    EXPECT_EQ(flags.service, "es");
}

TEST(ConnectionFile, RegionAloneSignsWithTheEnvironmentsKeys) {
    auto file = load_connection_file(write_file("region.ini", "nodes = https://search.example:443\nsigv4_region = eu-west-1\n"));
    ASSERT_TRUE(file.ok()) << file.error().message;
    auto signing = aws_signing_from(signing_flags_with(*file, {}),
                                    with_connection_file(*file, environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                                             {"AWS_SECRET_ACCESS_KEY", "env-secret"}})));
    ASSERT_TRUE(signing.ok()) << signing.error().message;
    ASSERT_TRUE(signing->has_value());
    EXPECT_EQ((*signing)->credentials.access_key_id, "AKIDENV");
    EXPECT_EQ((*signing)->service, "es");
}

TEST(ConnectionFile, NoSigV4KeyLeavesSigningToTheEnvironment) {
    auto file = load_connection_file(write_file("plain.ini", "nodes = http://127.0.0.1:9200\n"));
    ASSERT_TRUE(file.ok()) << file.error().message;
    EXPECT_FALSE(signing_flags_with(*file, {}).sigv4);
    EXPECT_EQ(with_connection_file(*file, environment({{"AWS_PROFILE", "x"}}))("AWS_PROFILE"), "x");
}

TEST(ConnectionFile, AwsSecretsInlineAndAnUnknownServiceAreRefusedNamingTheKey) {
    for (const char* key : {"aws_secret_access_key", "aws_session_token"}) {
        auto file = load_connection_file(write_file("inline-aws.ini", std::string("sigv4_region = x\n") + key + " = s3cr3t\n"));
        ASSERT_FALSE(file.ok()) << key;
        EXPECT_NE(file.error().message.find(std::string(key) + ": secrets are never written inline"), std::string::npos)
            << file.error().message;
        EXPECT_NE(file.error().message.find("sigv4_credentials_file"), std::string::npos) << file.error().message;
        EXPECT_EQ(file.error().message.find("s3cr3t"), std::string::npos);
    }
    auto file = load_connection_file(write_file("service.ini", "sigv4_region = x\nsigv4_service = s3\n"));
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.error().message.find("sigv4_service: value \"s3\" is not valid: expected es (OpenSearch Service domains) or aoss"),
              std::string::npos)
        << file.error().message;
}

TEST(ConnectionFile, BadTimeoutNamesTheKey) {
    auto file = load_connection_file(write_file("timeout.ini", "read_timeout = soon\n"));
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.error().message.find("read_timeout: value \"soon\""), std::string::npos) << file.error().message;
}

TEST(ConnectionFile, NodesCredentialFilesAndClashesAreCheckedByKey) {
    // Read later, these would be named by the ALIASING_ES_* variable the key stands in for; the file's user never
    // set that variable.
    const std::string password = write_file("clash-pw", "pw\n");
    struct Case {
        std::string content, expected;
    };
    const std::vector<Case> cases = {
        {"nodes = ftp://x\n", "nodes: invalid cluster URL 'ftp://x'"},
        {"password_file = /nonexistent/pw\nusername = etl\n", "password_file: cannot read '/nonexistent/pw'"},
        {"ca_file = /nonexistent/ca.pem\n", "ca_file: cannot read '/nonexistent/ca.pem'"},
        {"username = etl\n", "username needs password_file"},
        {"username = etl\nusername_file = " + password + "\npassword_file = " + password + "\n",
         "username and username_file: give only one of them"},
        {"sigv4_profile = batch\nusername = etl\npassword_file = " + password + "\n",
         "sigv4_profile and username cannot be combined"},
    };
    for (const auto& item : cases) {
        const std::string path = write_file("checked.ini", item.content);
        auto file = load_connection_file(path);
        ASSERT_FALSE(file.ok()) << item.content;
        EXPECT_EQ(file.error().message.rfind("connection file " + path + ": " + item.expected, 0), 0u)
            << file.error().message;
    }
}

TEST(ConnectionFile, WithAPrefixTheFileStandsInForThatPrefixsVariables) {
    const std::string key = write_file("prefixed-key", "k\n");
    auto file = load_connection_file(write_file("prefixed.ini", "api_key_file = " + key + "\n"));
    ASSERT_TRUE(file.ok()) << file.error().message;
    const auto env = with_connection_file(*file, environment({{"ALIASING_DR_USERNAME", "u"}, {"ALIASING_DR_CA_FILE", "c"},
                                                              {"ALIASING_ES_API_KEY", "es-key"}}),
                                          "ALIASING_DR");
    EXPECT_EQ(env("ALIASING_DR_API_KEY_FILE"), key);
    EXPECT_EQ(env("ALIASING_DR_USERNAME"), std::nullopt) << "credential variables of the prefix are hidden";
    EXPECT_EQ(env("ALIASING_DR_CA_FILE"), "c") << "a CA is no credential";
    EXPECT_EQ(env("ALIASING_ES_API_KEY"), "es-key") << "another prefix is not the file's";
}

}  // namespace
}  // namespace aliasing::cluster
