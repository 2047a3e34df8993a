#pragma once
/// A fixture running the real promotion Pipeline (with the real `customer` plugin) against an in-process
/// aliasing-sim on 127.0.0.1. Retry sleeps and polling sleeps are no-ops, the read timeout is short, so a whole
/// promotion takes milliseconds. A separate control Transport talks to the sim's /_sim/ endpoints; it holds one
/// kept-alive connection of its own, which /_sim/connections counts.
///
/// With ALIASING_TEST_ES_URL set, a fixture that says real_cluster_capable() runs against that cluster instead
/// (testing::TestCluster): load() creates the state document's indices and aliases under the test's unique prefix
/// (one primary, two documents in two segments), state() reads them back with the prefix taken off, run() prefixes the job's alias and
/// index_base and the lock index, and sleeps for real; on a one-node cluster replicas are capped at 0. Every other
/// fixture is skipped there, saying so: it needs the simulator's fault injection, request log or simulated figures.

#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "aliasing/plugins/data_source.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/pipeline/pipeline.hpp"

#include <aliasing/sim/server.hpp>
#include <gtest/gtest.h>

#include "test_cluster.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aliasing::pipeline_testing {

using namespace std::chrono_literals;

inline constexpr const char* kAlias = "customer-prod";
inline constexpr const char* kOldRun = "20261121t020000123";  ///< the live generation of the example catalog
inline constexpr const char* kNewRun = "20261122t020000";     ///< the generation a run promotes
inline constexpr const char* kOlderRun = "20261120t020000";   ///< a complete generation older than the live one

/// The four index names of one customer generation.
std::set<std::string> generation(const std::string& run_id);

/// One index as the invariants look at it.
struct IndexState {
    bool open = true;
    int replicas = 0;
    long long segments_per_primary = 0;
    std::set<std::string> aliases;
    bool operator==(const IndexState&) const = default;
};

/// The cluster reduced to what a promotion changes: index set, aliases, replicas, segments per primary.
struct NormalState {
    std::map<std::string, IndexState> indices;
    bool operator==(const NormalState&) const = default;
    std::set<std::string> names() const;
    std::set<std::string> alias_targets(const std::string& alias) const;
    std::string describe() const;
};

/// Parses a sim state document (dump_state()).
NormalState normalise(const std::string& state_document);

struct LoggedRequest {
    std::string method, path, query;
    int status = 0;
    std::size_t line_bytes = 0;
};

/// The body of GET /_sim/requests, in arrival order.
std::vector<LoggedRequest> parse_request_log(const std::string& body);

struct RunResult {
    PipelineOutcome outcome;
    std::string log;   ///< the text log
    std::string plan;  ///< the printed plan
    std::string report;  ///< the run report's JSON
    std::uint64_t requests_sent = 0;
};

/// The example customer catalog (examples/catalogs/customer.json + aliases), plus `other-index` carrying its own
/// alias `other-alias`, as a sim state document of the given version ("opensearch-2.19.1" for OpenSearch).
std::string customer_state(const std::string& version = "8.15.0");

/// The real `customer` data source from the build's plugin dir (one registry for the whole process).
const DataSource& customer_source();

/// examples/jobs/customer.json: forcemerge_new, new_replicas 1, delete_old.
Job customer_job();

class PipelineSim : public ::testing::Test {
protected:
    /// The simulator's options (3 data nodes); override for others.
    virtual sim::ServerOptions sim_options() const {
        sim::ServerOptions options;
        options.data_nodes = 3;
        return options;
    }
    /// True for a fixture whose tests need none of the simulator's controls (faults, request log, loaded figures),
    /// so they also run against the real cluster of ALIASING_TEST_ES_URL.
    virtual bool real_cluster_capable() const { return false; }
    void SetUp() override;
    void TearDown() override;
    bool on_real_cluster() const { return m_real != nullptr; }
    /// True on a real cluster with one data node: replicas are capped at 0 there, in the seeded catalog and in
    /// the job's new_replicas, so the replica step has nothing to do.
    bool replicas_capped() const { return m_max_replicas >= 0; }
    /// The name as it is on the cluster: under the real cluster's test prefix, unchanged on the simulator.
    std::string named(const std::string& name) const { return m_real ? m_real->name(name) : name; }
    /// The name as the test knows it: the test prefix taken off.
    std::string unprefixed(const std::string& name) const;
    /// The job file as the cluster needs it: `path` itself on the simulator, on a real cluster a copy with
    /// alias_name and index_base under the test's prefix.
    std::string cluster_job_file(const std::string& path);
    /// The `aliasing` arguments reaching the cluster: --es-url, and on a real cluster the prefixed --lock-index.
    std::vector<std::string> cli_cluster_arguments() const;

    /// Runs the pipeline once with a fresh client (closed when the run ends).
    RunResult run(const Job& job, PipelineOptions options = {}, std::chrono::milliseconds read_timeout = 300ms);

    cluster::HttpResponse control(cluster::Method method, const std::string& path, const std::string& body = {});
    void load(const std::string& state_document);
    void add_fault(const std::string& json);
    void clear_faults();
    void clear_requests();
    std::vector<LoggedRequest> requests();
    /// The logged requests with this method and path, in arrival order.
    std::vector<LoggedRequest> requests_to(const std::string& method, const std::string& path);
    NormalState state();
    std::string raw_state() { return m_real ? m_real->state_document() : m_sim->dump_state(); }
    /// Waits up to 3 s for /_sim/connections "open" to reach `expected`; returns the last value seen.
    long long wait_for_open_connections(long long expected);

    std::unique_ptr<sim::Server> m_sim;              ///< null on a real cluster
    std::unique_ptr<testing::TestCluster> m_real;  ///< the cluster of ALIASING_TEST_ES_URL, else null
    int m_max_replicas = -1;                         ///< >= 0: the real cluster holds no more replicas than this
    std::optional<cluster::SigV4Config> m_sigv4;  ///< run() signs every request when set
    std::optional<cluster::Transport> m_control;
    std::string m_client_url;  ///< when set, run() connects here instead of the sim (e.g. a proxy in front of it)
};

}  // namespace aliasing::pipeline_testing
