#pragma once
/// The cluster a test runs against (SPEC §14.4): a simulator the test started, or the real cluster named by
/// ALIASING_TEST_ES_URL with the tool's own credential, TLS and SigV4 variables (ALIASING_ES_*, ALIASING_AWS_SIGV4,
/// AWS_*). On a real cluster every name a test uses lives under a prefix unique to that test,
/// `aliasing-test-<random>-`: name() puts it on, the cluster refuses to start when that prefix already has
/// indices, and cleanup() (also run by the destructor, so on failure too) deletes every index under it by its
/// explicit name (a wildcard delete is refused by clusters with action.destructive_requires_name). Aliases and the
/// lock documents live in those indices, so they go with them. Nothing outside the prefix is ever written.
///
/// Against a simulator the prefix is empty unless the test asks for one, so the default path keeps the names it
/// always had.

#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/http_exchange.hpp"

#include <memory>
#include <optional>
#include <string>

namespace aliasing::testing {

/// ALIASING_TEST_ES_URL when set and not empty.
std::optional<std::string> real_cluster_url();

/// `aliasing-test-` and ten random [a-z0-9], then `-`.
std::string random_test_prefix();

class TestCluster {
public:
    /// The real cluster of ALIASING_TEST_ES_URL under a fresh random prefix; `error` says why not (bad
    /// credentials variables, unreachable, the prefix already has indices).
    static std::unique_ptr<TestCluster> real(std::string& error);
    /// A simulator the caller started at `url`; `prefix` "" keeps the plain names.
    static std::unique_ptr<TestCluster> simulator(const std::string& url, std::string prefix = "");

    ~TestCluster();
    TestCluster(const TestCluster&) = delete;
    TestCluster& operator=(const TestCluster&) = delete;

    bool is_real() const { return m_real; }
    const std::string& url() const { return m_options.urls.front(); }
    const std::string& prefix() const { return m_prefix; }
    std::string name(const std::string& unprefixed) const { return m_prefix + unprefixed; }
    /// The run lock's index for this test: under the prefix (the tool's default aliasing-locks when it is empty).
    std::string lock_index() const { return m_prefix + "aliasing-locks"; }
    /// Connection options for the tool: the cluster's URL with the credentials, TLS and SigV4 settings.
    const cluster::ConnectionOptions& connection() const { return m_options; }
    /// The tool's command-line arguments reaching this cluster: --es-url URL --lock-index LOCK_INDEX.
    std::vector<std::string> cli_arguments() const;

    /// One request with the test's connection; status 0 and the error text as body when nothing came back.
    cluster::HttpResponse request(cluster::Method method, const std::string& path, const std::string& body = "");

    /// "" when no index exists under the prefix, else why the test must not start.
    std::string check_prefix_is_free();
    /// Creates `name` (already prefixed) with its shards, replicas and aliases (a JSON object, names prefixed) and
    /// `docs` documents, each refreshed into a segment of its own; closes it when `open` is false. "" or the error.
    std::string create_index(const std::string& name, int shards, int replicas, const std::string& aliases_json,
                             int docs = 1, bool open = true);
    /// Creates the indices and aliases of a simulator state document ({"cat_indices":[...],"aliases":{...}}), every
    /// index and alias name prefixed. Each index gets one primary with two documents in two segments (so a
    /// force-merge has work), the row's replicas, its aliases with their properties; then waits (up to 30 s) for
    /// them to be green.
    /// `max_replicas` >= 0 caps the rows' replicas (a one-node cluster can hold none).
    std::string seed(const std::string& state_document, int max_replicas = -1);
    /// The indices under the prefix and their aliases as a state document ({"cat_indices","aliases"}) with the
    /// prefix taken off every name, so a test's expectations read the same against either cluster. Health is left
    /// out: it moves on its own while replicas start; so is lock_index(), which every run creates by design.
    std::string state_document();
    /// Data nodes the cluster has (GET _cat/nodes), -1 when it cannot tell.
    int data_nodes();
    /// Deletes every index under the prefix (none when the prefix is empty). Safe to call twice.
    void cleanup();

private:
    TestCluster(cluster::ConnectionOptions options, std::string prefix, bool real);
    struct Connection;
    cluster::ConnectionOptions m_options;
    std::string m_prefix;
    bool m_real = false;
    std::unique_ptr<Connection> m_connection;
};

}  // namespace aliasing::testing

/// Ends a test that needs the simulator (fault injection, the request log, a loaded state) when `cluster_is_real`,
/// saying why; GTEST_SKIP only returns from the function it is in, so call it in SetUp or the test body.
#define ALIASING_SIMULATOR_ONLY(cluster_is_real, why)                                                      \
    if (cluster_is_real)                                                                                  \
    GTEST_SKIP() << "needs the simulator (" << (why) << "); ALIASING_TEST_ES_URL names a real cluster"
