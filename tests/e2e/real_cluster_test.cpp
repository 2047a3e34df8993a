// The end-to-end promotion against a real cluster when ALIASING_TEST_ES_URL is set (SPEC §14), with the tool's own
// credential variables (ALIASING_ES_*, --aws-sigv4 via ALIASING_AWS_SIGV4 and AWS_*). Safety first: everything is
// under a unique per-run prefix `aliasing-test-<random>-`: the test refuses to start if that prefix already has
// indices, creates and deletes only indices, aliases and the lock document under it, and cleans up on success and
// on failure. Fault injection needs the simulator, so the failure matrix is not run here. Without the variable,
// the same test runs against a freshly started aliasing-sim, so the real-cluster path itself stays tested.

#include "aliasing/cluster/aws_signing.hpp"
#include "aliasing/cluster/transport.hpp"
#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::HttpReply;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

std::string random_prefix() {
    std::random_device device;
    std::mt19937_64 rng(device());
    const char* digits = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string suffix;
    for (int i = 0; i < 10; ++i) suffix.push_back(digits[rng() % 36]);
    return "aliasing-test-" + suffix + "-";
}

/// The generation's indices, created with one shard and no replicas so a one-node cluster can be green.
const std::vector<std::string> kEntities = {"account", "address", "contact", "customer"};

class RealCluster : public ::testing::Test {
protected:
    void SetUp() override {
        const char* given = std::getenv("ALIASING_TEST_ES_URL");
        if (given != nullptr && *given != '\0') {
            m_url = given;
        } else {
            m_sim = std::make_unique<SimProcess>(ALIASING_SIM_BIN, std::vector<std::string>{});
            m_url = m_sim->url();
        }
        // The tool's own transport for setup and checks: the same TLS, credential and SigV4 variables as the tool.
        auto options = cluster::connection_options_from({m_url}, "", cluster::TlsVerification::Verify,
                                                        cluster::process_environment());
        ASSERT_TRUE(options.ok()) << options.error().message;
        auto signing = cluster::aws_signing_from({}, cluster::process_environment());
        ASSERT_TRUE(signing.ok()) << signing.error().message;
        options->sigv4 = *signing;
        auto transport = cluster::Transport::create(*options);
        ASSERT_TRUE(transport.ok()) << transport.error().message;
        m_transport.emplace(std::move(*transport));
        m_prefix = random_prefix();
        m_base = m_prefix + "customer-2_0_0";
        m_alias = m_prefix + "customer-prod";
        const auto existing = http(m_url, "GET", "/_cat/indices/" + m_prefix + "*?format=json&expand_wildcards=all");
        ASSERT_TRUE(existing.body == "[]" || existing.status == 404)
            << "refusing to start: indices already exist under " << m_prefix << ": " << existing.body;
    }
    void TearDown() override {
        if (!m_transport) return;
        // Cleanup on success and on failure: only explicit names under the prefix, and the alias's lock document.
        for (const auto& name : m_created) http(m_url, "DELETE", "/" + name);
        http(m_url, "DELETE", "/aliasing-locks/_doc/" + m_alias);
    }
    void create(const std::string& name, const std::string& aliases = "{}") {
        const auto reply = http(m_url, "PUT", "/" + name,
                                R"({"settings":{"number_of_shards":1,"number_of_replicas":0},"aliases":)" + aliases + "}");
        ASSERT_EQ(reply.status, 200) << name << ": " << reply.body;
        m_created.push_back(name);
        // One document, so the content gates (min_docs defaults to 1) see a generation worth promoting.
        const auto doc = http(m_url, "PUT", "/" + name + "/_doc/1?refresh=true", R"({"entity_id":1})");
        ASSERT_TRUE(doc.status == 200 || doc.status == 201) << name << ": " << doc.body;
    }
    std::string job_file() {
        const std::string path = ::testing::TempDir() + "/" + m_prefix + "job.json";
        std::ofstream(path) << R"({"alias_name":")" << m_alias << R"(","data_source":"customer","index_base":")"
                            << m_base << R"(","delete_old":"True","forcemerge_new":"True","new_replicas":"0"})";
        return path;
    }
    HttpReply http(const std::string&, const std::string& method, const std::string& path,
                   const std::string& body = "") {
        const cluster::Method verb = method == "PUT" ? cluster::Method::Put
                                     : method == "DELETE" ? cluster::Method::Delete
                                                          : cluster::Method::Get;
        auto sent = m_transport->request(verb, path, body, cluster::Replay::Safe);
        if (!sent.ok()) return {0, sent.error().message};
        return {sent->status, sent->body};
    }
    std::unique_ptr<SimProcess> m_sim;
    std::optional<cluster::Transport> m_transport;
    std::string m_url, m_prefix, m_base, m_alias;
    std::vector<std::string> m_created;
};

TEST_F(RealCluster, PromotesAGenerationUnderAUniquePrefixAndDeletesTheOldOne) {
    const std::string old_run = "20261121t020000", new_run = "20261122t020000";
    for (const auto& entity : kEntities) create(m_base + "-" + entity + "-" + old_run, R"({")" + m_alias + R"(":{}})");
    for (const auto& entity : kEntities) create(m_base + "-" + entity + "-" + new_run);
    const ProcessResult run = run_process(ALIASING_BIN, {"run", job_file(), "--es-url", m_url});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto alias = http(m_url, "GET", "/_alias/" + m_alias);
    for (const auto& entity : kEntities) {
        EXPECT_NE(alias.body.find(m_base + "-" + entity + "-" + new_run), std::string::npos) << alias.body;
        EXPECT_EQ(alias.body.find(old_run), std::string::npos) << alias.body;
        EXPECT_EQ(http(m_url, "GET", "/" + m_base + "-" + entity + "-" + old_run).status, 404) << "old deleted";
    }
    const ProcessResult again = run_process(ALIASING_BIN, {"run", job_file(), "--es-url", m_url});
    EXPECT_EQ(again.exit_code, 3) << again.err;
}

}  // namespace
}  // namespace aliasing

#endif
