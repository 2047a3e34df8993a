// One cluster's connection in a several-cluster run (docs/multi-cluster.md N2, N4): its own settings, then its
// ALIASING_<NAME>_… variables, then the command line, then the process-wide environment; credentials never mixed.
#include "aliasing/multi/cluster_connection.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace aliasing {
namespace {

std::string write_file(const std::string& name, const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("aliasing-cluster-connection-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << content;
    ::chmod(path.c_str(), 0600);
    return path.string();
}

cluster::GetEnv environment(std::map<std::string, std::string> values) {
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        auto found = values.find(std::string(name));
        if (found == values.end()) return std::nullopt;
        return found->second;
    };
}

/// `--cluster NAME=URL`: only the URL is the cluster's own.
ClusterSettings url_cluster(const std::string& name, const std::string& url) {
    ClusterSettings cluster{name, {}};
    cluster.settings.nodes = {url};
    return cluster;
}

/// A clusters-file section with the given nodes.
ClusterSettings section(const std::string& name, const std::string& url) {
    ClusterSettings cluster = url_cluster(name, url);
    cluster.settings.path = "/etc/aliasing/clusters.ini";
    return cluster;
}

const std::string kCa = write_file("shared-ca.pem", "shared\n");
const std::string kOwnCa = write_file("own-ca.pem", "own\n");

TEST(ClusterConnection, AUrlClusterReadsItsVariablesAndTheCommandLineAsBefore) {
    CommonConnectionFlags flags;
    flags.ca_file = kCa;
    flags.insecure = true;
    auto options = cluster_connection_options(url_cluster("dr-eu", "https://a:9200,https://b:9200"), flags,
                                              environment({{"ALIASING_DR_EU_API_KEY", "dr-key"},
                                                           {"ALIASING_ES_API_KEY", "single-cluster-key"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->urls, (std::vector<std::string>{"https://a:9200", "https://b:9200"}));
    EXPECT_EQ(options->api_key, "dr-key");
    EXPECT_EQ(options->ca_file, kCa);
    EXPECT_EQ(options->tls, cluster::TlsVerification::Insecure);
    EXPECT_FALSE(options->sigv4);
}

TEST(ClusterConnection, ASectionsCredentialsHideTheClustersVariables) {
    auto cluster = section("primary", "http://127.0.0.1:9200");
    cluster.settings.username = "etl";
    cluster.settings.password_file = write_file("primary-pw", "file-pw\n");
    auto options = cluster_connection_options(cluster, {},
                                              environment({{"ALIASING_PRIMARY_USERNAME", "env-user"},
                                                           {"ALIASING_PRIMARY_PASSWORD", "env-pw"},
                                                           {"ALIASING_PRIMARY_API_KEY", "env-key"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->username, "etl");
    EXPECT_EQ(options->password, "file-pw");
    EXPECT_EQ(options->api_key, "") << "never a mix of the file's credentials and the environment's";
}

TEST(ClusterConnection, ASectionWithoutCredentialsReadsTheClustersVariables) {
    auto options = cluster_connection_options(section("dr", "http://127.0.0.1:9200"), {},
                                              environment({{"ALIASING_DR_API_KEY", "env-key"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->api_key, "env-key");
}

TEST(ClusterConnection, TheClustersOwnCaWinsAndKeepsItVerifiedUnderInsecure) {
    CommonConnectionFlags flags;
    flags.ca_file = kCa;
    flags.insecure = true;
    auto own = section("primary", "https://127.0.0.1:9200");
    own.settings.ca_file = kOwnCa;
    const auto env = environment({{"ALIASING_PRIMARY_CA_FILE", kCa}, {"ALIASING_DR_CA_FILE", kOwnCa}});
    auto from_section = cluster_connection_options(own, flags, env);
    ASSERT_TRUE(from_section.ok()) << from_section.error().message;
    EXPECT_EQ(from_section->ca_file, kOwnCa) << "the section wins over ALIASING_PRIMARY_CA_FILE and --ca-file";
    EXPECT_EQ(from_section->tls, cluster::TlsVerification::Verify) << "--insecure is for clusters without their own CA";

    auto from_variable = cluster_connection_options(url_cluster("dr", "https://127.0.0.1:9201"), flags, env);
    ASSERT_TRUE(from_variable.ok()) << from_variable.error().message;
    EXPECT_EQ(from_variable->ca_file, kOwnCa) << "ALIASING_DR_CA_FILE wins over --ca-file";
    EXPECT_EQ(from_variable->tls, cluster::TlsVerification::Verify);

    auto shared = cluster_connection_options(section("other", "https://127.0.0.1:9202"), flags, env);
    ASSERT_TRUE(shared.ok()) << shared.error().message;
    EXPECT_EQ(shared->ca_file, kCa);
    EXPECT_EQ(shared->tls, cluster::TlsVerification::Insecure);
}

TEST(ClusterConnection, AnUnreadableCaVariableIsNamed) {
    auto options = cluster_connection_options(url_cluster("dr", "https://127.0.0.1:9200"), {},
                                              environment({{"ALIASING_DR_CA_FILE", "/nonexistent/ca.pem"}}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().kind, ErrorKind::Usage);
    EXPECT_EQ(options.error().message, "--cluster dr: ALIASING_DR_CA_FILE: cannot read '/nonexistent/ca.pem'; check "
                                       "that it exists and is readable by this user");
}

TEST(ClusterConnection, ASectionsSigV4WinsOverTheCommandLineAndTheEnvironment) {
    const std::string credentials = write_file("aws", "[dr]\naws_access_key_id = AKIDDR\naws_secret_access_key = dr-secret\n");
    auto dr = section("dr", "https://search-dr.example:443");
    dr.settings.sigv4_region = "us-east-1";
    dr.settings.sigv4_service = "aoss";
    dr.settings.sigv4_profile = "dr";
    dr.settings.sigv4_credentials_file = credentials;
    CommonConnectionFlags flags;
    flags.aws.sigv4 = true;
    flags.aws.region = "eu-west-1";
    flags.aws.service = "es";
    auto options = cluster_connection_options(dr, flags,
                                              environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                           {"AWS_SECRET_ACCESS_KEY", "env-secret"},
                                                           {"ALIASING_DR_AWS_REGION", "ap-south-1"}}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    ASSERT_TRUE(options->sigv4);
    EXPECT_EQ(options->sigv4->region, "us-east-1");
    EXPECT_EQ(options->sigv4->service, "aoss");
    EXPECT_EQ(options->sigv4->credentials.access_key_id, "AKIDDR");
}

TEST(ClusterConnection, WithoutSectionKeysTheClustersRegionThenTheCommandLineApply) {
    CommonConnectionFlags flags;
    flags.aws.sigv4 = true;
    flags.aws.region = "eu-west-1";
    const auto env = environment({{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", "env-secret"},
                                  {"ALIASING_DR_AWS_REGION", "us-east-1"}});
    auto dr = cluster_connection_options(section("dr", "https://a:443"), flags, env);
    ASSERT_TRUE(dr.ok()) << dr.error().message;
    ASSERT_TRUE(dr->sigv4);
    EXPECT_EQ(dr->sigv4->region, "us-east-1");
    EXPECT_EQ(dr->sigv4->credentials.access_key_id, "AKIDENV");
    auto primary = cluster_connection_options(url_cluster("primary", "https://b:443"), flags, env);
    ASSERT_TRUE(primary.ok()) << primary.error().message;
    ASSERT_TRUE(primary->sigv4);
    EXPECT_EQ(primary->sigv4->region, "eu-west-1");
}

TEST(ClusterConnection, ASectionNamingItsCredentialsIsNotSignedByAwsSigV4) {
    // The on-prem primary has a user; the AWS twin is signed by --aws-sigv4 (or ALIASING_AWS_SIGV4=1).
    auto primary = section("primary", "https://es-primary:9200");
    primary.settings.api_key_file = write_file("primary-key", "primary-key\n");
    const auto env = environment({{"AWS_REGION", "eu-west-1"}, {"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                  {"AWS_SECRET_ACCESS_KEY", "env-secret"}, {"ALIASING_AWS_SIGV4", "1"}});
    CommonConnectionFlags flags;
    flags.aws.sigv4 = true;
    auto options = cluster_connection_options(primary, flags, env);
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_FALSE(options->sigv4);
    EXPECT_EQ(options->api_key, "primary-key");
    auto twin = cluster_connection_options(section("dr", "https://search-dr:443"), flags, env);
    ASSERT_TRUE(twin.ok()) << twin.error().message;
    EXPECT_TRUE(twin->sigv4);
}

TEST(ClusterConnection, SigningAClusterWhoseVariablesNameCredentialsIsRefused) {
    CommonConnectionFlags flags;
    flags.aws.sigv4 = true;
    auto options = cluster_connection_options(url_cluster("dr", "https://a:443"), flags,
                                              environment({{"AWS_REGION", "eu-west-1"}, {"AWS_ACCESS_KEY_ID", "AKID"},
                                                           {"AWS_SECRET_ACCESS_KEY", "s"},
                                                           {"ALIASING_DR_API_KEY", "dr-key"}}));
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().message, "--cluster dr: --aws-sigv4 replaces ALIASING_DR_USERNAME/ALIASING_DR_API_KEY: "
                                       "unset them");
}

TEST(ClusterConnection, ErrorsNameTheClusterAndWhereItWasGiven) {
    auto from_section = cluster_connection_options(
        section("dr", "http://127.0.0.1:9200"), {}, environment({{"ALIASING_DR_USERNAME", "svc"}}));
    ASSERT_FALSE(from_section.ok());
    EXPECT_EQ(from_section.error().message, "clusters file /etc/aliasing/clusters.ini: cluster [dr]: "
                                            "ALIASING_DR_USERNAME is set but ALIASING_DR_PASSWORD is not; set both for "
                                            "basic auth");
    auto signing = section("dr", "https://a:443");
    signing.settings.sigv4_profile = "dr";
    auto no_region = cluster_connection_options(signing, {}, environment({{"HOME", "/nonexistent"}}));
    ASSERT_FALSE(no_region.ok());
    EXPECT_EQ(no_region.error().message.rfind("clusters file /etc/aliasing/clusters.ini: cluster [dr]: --aws-sigv4: no "
                                              "region", 0), 0u)
        << no_region.error().message;
}

TEST(ClusterConnection, ASectionsTimeoutsApply) {
    auto cluster = section("dr", "http://127.0.0.1:9200");
    cluster.settings.read_timeout = std::chrono::milliseconds(90000);
    auto options = cluster_connection_options(cluster, {}, environment({}));
    ASSERT_TRUE(options.ok()) << options.error().message;
    EXPECT_EQ(options->read_timeout, std::chrono::milliseconds(90000));
}

}  // namespace
}  // namespace aliasing
