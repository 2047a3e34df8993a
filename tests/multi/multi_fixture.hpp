#pragma once
/// Several in-process aliasing-sim servers on 127.0.0.1, one per named cluster, each loaded with the example customer
/// catalog of its own version, and MultiPipeline run against all of them. A request logger shared by every server
/// records the order of requests across clusters.

#include "pipeline_fixture.hpp"

#include "aliasing/multi/multi_cluster.hpp"

#include <functional>
#include <mutex>

namespace aliasing::pipeline_testing {

struct ClusterSpec {
    std::string name;
    std::string version;  ///< "8.15.0", "7.17.21", "opensearch-2.19.1", ...
};

struct MultiRunResult {
    PipelineOutcome outcome;
    std::string log, plan, report;
    std::vector<ClusterServing> serving;
};

/// One request as every cluster's server logged it, in completion order across clusters.
struct GlobalRequest {
    std::string cluster;
    std::string line;  ///< "POST /_aliases -> 200 (1 ms)"
};

class MultiSim : public ::testing::Test {
protected:
    struct Cluster {
        ClusterSpec spec;
        std::unique_ptr<sim::Server> server;
        std::optional<cluster::Transport> control;
        std::string document;  ///< the state it was loaded with
    };

    void start(const std::vector<ClusterSpec>& specs);
    void TearDown() override;

    /// Runs MultiPipeline once over every cluster with fresh clients; with the run lock (TTL 1 s) unless told not to.
    MultiRunResult run(const Job& job, PipelineOptions options = {}, bool lock = true);
    /// The same single-cluster Pipeline a plain `aliasing run` uses, on one cluster.
    PipelineOutcome run_single(std::size_t cluster, const Job& job);

    std::size_t index_of(const std::string& name) const;
    cluster::HttpResponse control(std::size_t cluster, cluster::Method method, const std::string& path,
                                  const std::string& body = {});
    void add_fault(std::size_t cluster, const std::string& json);
    void clear_faults(std::size_t cluster);
    /// Reloads every cluster's initial state, clears faults, request logs and the global log.
    void reset();
    std::vector<LoggedRequest> requests(std::size_t cluster);
    /// The cluster's state without the lock index (its documents come and go with every run).
    NormalState state(std::size_t cluster);
    std::vector<GlobalRequest> global_log();
    void clear_global_log();
    /// Called with every request a cluster answers, in the simulator's thread before the answer is sent: blocking
    /// in it holds that answer back (raise m_read_timeout to match).
    void on_request(std::function<void(const GlobalRequest&)> hook);

    std::vector<Cluster> m_clusters;
    std::chrono::milliseconds m_read_timeout{300};  ///< the run's clients'

private:
    std::mutex m_global_mutex;
    std::vector<GlobalRequest> m_global;
    std::function<void(const GlobalRequest&)> m_on_request;
};

}  // namespace aliasing::pipeline_testing
