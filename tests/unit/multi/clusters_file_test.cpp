// The clusters file (`--clusters FILE`): one section per cluster, each validated exactly as a connection file,
// every problem naming the file, the cluster and the key.
#include "aliasing/multi/clusters_file.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace aliasing {
namespace {

std::string write_file(const std::string& name, const std::string& content, mode_t mode = 0600) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("aliasing-clusters-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << content;
    ::chmod(path.c_str(), mode);
    return path.string();
}

/// The error of loading `content`, which must be refused as a usage error.
std::string refusal(const std::string& name, const std::string& content) {
    auto clusters = load_clusters_file(write_file(name, content));
    if (clusters.ok()) return "(accepted)";
    EXPECT_EQ(clusters.error().kind, ErrorKind::Usage) << clusters.error().message;
    return clusters.error().message;
}

TEST(ClustersFile, IniSectionsGiveEachClusterItsOwnConnectionSortedByName) {
    const std::string ca = write_file("primary-ca.pem", "-----BEGIN CERTIFICATE-----\n");
    const std::string password = write_file("primary-pw", "pw\n");
    const std::string aws = write_file("aws", "[dr]\naws_access_key_id = AKID\naws_secret_access_key = s\n");
    const std::string path = write_file("two.ini", "[primary]\nnodes = https://es-primary-1:9200, https://es-primary-2:9200\n"
                                                   "ca_file = " + ca + "\nusername = etl\npassword_file = " + password +
                                                   "\n\n[dr]\nnodes = https://search-dr.eu-west-1.es.amazonaws.com\n"
                                                   "sigv4_region = eu-west-1\nsigv4_profile = dr\n"
                                                   "sigv4_credentials_file = " + aws + "\nread_timeout = 90\n");
    auto clusters = load_clusters_file(path);
    ASSERT_TRUE(clusters.ok()) << clusters.error().message;
    ASSERT_EQ(clusters->size(), 2u);
    const auto& dr = (*clusters)[0];
    const auto& primary = (*clusters)[1];
    EXPECT_EQ(dr.name, "dr") << "sorted by name: the order of locking and swapping";
    EXPECT_EQ(dr.settings.nodes, (std::vector<std::string>{"https://search-dr.eu-west-1.es.amazonaws.com"}));
    EXPECT_EQ(dr.settings.sigv4_region, "eu-west-1");
    EXPECT_EQ(dr.settings.sigv4_profile, "dr");
    EXPECT_EQ(dr.settings.sigv4_credentials_file, aws);
    EXPECT_EQ(dr.settings.read_timeout, std::chrono::milliseconds(90000));
    EXPECT_TRUE(dr.settings.ca_file.empty());
    EXPECT_EQ(dr.settings.path, path);
    EXPECT_EQ(primary.name, "primary");
    EXPECT_EQ(primary.settings.nodes.size(), 2u);
    EXPECT_EQ(primary.settings.ca_file, ca);
    EXPECT_EQ(primary.settings.username, "etl");
    EXPECT_EQ(primary.settings.password_file, password);
    EXPECT_FALSE(primary.settings.signs());
}

TEST(ClustersFile, JsonHasOneObjectPerCluster) {
    const std::string key = write_file("dr-key", "key\n");
    auto clusters = load_clusters_file(write_file("two.json", R"({"primary": {"nodes": ["http://127.0.0.1:9200"]},
        "dr-eu": {"nodes": "http://127.0.0.1:9201, http://127.0.0.1:9202", "api_key_file": ")" + key + R"("}})"));
    ASSERT_TRUE(clusters.ok()) << clusters.error().message;
    ASSERT_EQ(clusters->size(), 2u);
    EXPECT_EQ((*clusters)[0].name, "dr-eu");
    EXPECT_EQ((*clusters)[0].settings.nodes.size(), 2u);
    EXPECT_EQ((*clusters)[0].settings.api_key_file, key);
    EXPECT_EQ((*clusters)[1].name, "primary");
    EXPECT_EQ((*clusters)[1].settings.nodes, (std::vector<std::string>{"http://127.0.0.1:9200"}));
}

TEST(ClustersFile, ReadableByGroupOrOthersIsRefused) {
    for (mode_t mode : {0640, 0604}) {
        const std::string path = write_file("open.ini", "[a]\nnodes = http://127.0.0.1:9200\n", mode);
        auto clusters = load_clusters_file(path);
        ASSERT_FALSE(clusters.ok());
        EXPECT_EQ(clusters.error().kind, ErrorKind::Usage);
        EXPECT_EQ(clusters.error().message.rfind("clusters file " + path + ": group or others may read it", 0), 0u)
            << clusters.error().message;
        EXPECT_NE(clusters.error().message.find("chmod 600 " + path), std::string::npos);
    }
}

TEST(ClustersFile, ProblemsInASectionNameTheFileTheClusterAndTheKey) {
    const std::string path = write_file("typo.ini", "[primary]\nnodes = http://127.0.0.1:9200\n[dr]\nnode = http://x\n");
    auto clusters = load_clusters_file(path);
    ASSERT_FALSE(clusters.ok());
    EXPECT_EQ(clusters.error().message,
              "clusters file " + path + ": cluster [dr]: node is not a known key; did you mean nodes?");

    EXPECT_NE(refusal("timeout.ini", "[primary]\nnodes = http://127.0.0.1:9200\nread_timeout = soon\n")
                  .find(": cluster [primary]: read_timeout: value \"soon\" is not valid"),
              std::string::npos);
    EXPECT_NE(refusal("service.json", R"({"dr": {"nodes": ["https://x"], "sigv4_region": "x", "sigv4_service": "s3"}})")
                  .find(": cluster [dr]: sigv4_service: value \"s3\" is not valid"),
              std::string::npos);
    EXPECT_NE(refusal("url.ini", "[dr]\nnodes = ftp://x\n").find(": cluster [dr]: nodes: "), std::string::npos);
    EXPECT_NE(refusal("nonodes.ini", "[dr]\nread_timeout = 5\n").find(": cluster [dr]: nodes: missing"), std::string::npos);
    EXPECT_NE(refusal("empty-section.ini", "[primary]\nnodes = http://127.0.0.1:9200\n[dr]\n")
                  .find(": cluster [dr]: nodes: missing"),
              std::string::npos)
        << "a section without keys is a cluster without nodes, not nothing";
}

TEST(ClustersFile, InlineSecretsAreRefusedWithoutEchoingThem) {
    for (const char* key : {"password", "api_key", "aws_secret_access_key"}) {
        const std::string message =
            refusal("inline.ini", std::string("[dr]\nnodes = http://127.0.0.1:9200\n") + key + " = hunter2\n");
        EXPECT_NE(message.find(": cluster [dr]: " + std::string(key) + ": secrets are never written inline"),
                  std::string::npos)
            << message;
        EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
    }
}

TEST(ClustersFile, CredentialFilesMustBeThereAndCredentialsMustNotClash) {
    const std::string password = write_file("pw", "pw\n");
    const std::string key = write_file("key", "key\n");
    const std::string missing = "/nonexistent/aliasing-pw";
    const std::string head = "[dr]\nnodes = http://127.0.0.1:9200\n";
    EXPECT_NE(refusal("nofile.ini", head + "username = etl\npassword_file = " + missing + "\n")
                  .find(": cluster [dr]: password_file: cannot read '" + missing + "'"),
              std::string::npos);
    EXPECT_NE(refusal("emptyfile.ini", head + "api_key_file = " + write_file("empty", "") + "\n")
                  .find(": cluster [dr]: api_key_file: '"),
              std::string::npos);
    EXPECT_NE(refusal("noca.ini", head + "ca_file = " + missing + "\n").find(": cluster [dr]: ca_file: cannot read"),
              std::string::npos);
    EXPECT_NE(refusal("nopw.ini", head + "username = etl\n").find(": cluster [dr]: username needs password_file"),
              std::string::npos);
    EXPECT_NE(refusal("nouser.ini", head + "password_file = " + password + "\n")
                  .find(": cluster [dr]: password_file needs username or username_file"),
              std::string::npos);
    EXPECT_NE(refusal("both.ini", head + "username = etl\npassword_file = " + password + "\napi_key_file = " + key + "\n")
                  .find(": cluster [dr]: api_key_file and username: choose basic auth or an API key"),
              std::string::npos);
    EXPECT_NE(refusal("signed.ini", head + "sigv4_region = eu-west-1\napi_key_file = " + key + "\n")
                  .find(": cluster [dr]: sigv4_region and api_key_file cannot be combined"),
              std::string::npos);
}

TEST(ClustersFile, NamesFollowTheRulesOfCluster) {
    const std::string nodes = "nodes = http://127.0.0.1:9200\n";
    EXPECT_NE(refusal("upper.ini", "[Primary]\n" + nodes).find(": name \"Primary\" is not valid: expected 1 to 32 of a-z"),
              std::string::npos);
    EXPECT_NE(refusal("dup.ini", "[dr]\n" + nodes + "[primary]\n" + nodes + "[dr]\n" + nodes)
                  .find(": cluster [dr] is given twice"),
              std::string::npos)
        << "INI would merge the two sections silently";
    EXPECT_NE(refusal("dup.json", R"({"dr": {"nodes": ["http://a:9200"]}, "dr": {"nodes": ["http://b:9200"]}})")
                  .find(": cluster [dr] is given twice"),
              std::string::npos)
        << "a JSON object would keep the last one silently";
    EXPECT_NE(refusal("prefix.ini", "[a-b]\n" + nodes + "[a_b]\n" + nodes).find("would both read ALIASING_A_B_"),
              std::string::npos);
}

TEST(ClustersFile, KeysOutsideASectionAndEmptyFilesAreRefused) {
    const std::string path = write_file("outside.ini", "nodes = http://127.0.0.1:9200\n[dr]\nnodes = http://x:9200\n");
    auto clusters = load_clusters_file(path);
    ASSERT_FALSE(clusters.ok());
    EXPECT_EQ(clusters.error().message, "clusters file " + path +
                                            ": nodes is outside any [cluster] section; start each cluster with [NAME]");
    EXPECT_NE(refusal("flat.json", R"({"dr": "http://127.0.0.1:9200"})")
                  .find(": cluster [dr]: expected an object of connection keys, e.g. {\"nodes\": [\"https://host:9200\"]}"),
              std::string::npos);
    EXPECT_NE(refusal("none.ini", "; nothing yet\n").find(": names no cluster"), std::string::npos);
    EXPECT_NE(refusal("broken.json", "{\"dr\": {").find(": not valid INI or JSON"), std::string::npos);
}

}  // namespace
}  // namespace aliasing
