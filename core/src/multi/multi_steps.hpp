#pragma once
// Private to the several-cluster run: one member per cluster, the swap back, what each cluster serves, the output.

#include "aliasing/multi/multi_cluster.hpp"

#include "../pipeline/steps.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace aliasing::multi {

/// One cluster of the run: its own log and report views (every line and action carries its name), options, step
/// context (the single-cluster steps run on it), lock, snapshot and plan. Its client and context are used by one
/// thread at a time: whichever holds `busy`.
struct Member {
    /// `stopped`: another cluster's preparation failed; this one stops at its next safe point as if interrupted.
    Member(std::string cluster_name, cluster::EsClient& cluster_client, const Job& job, RunLog& run_log,
           RunReport& run_report, const PipelineOptions& run_options, std::function<bool()> stopped)
        : name(std::move(cluster_name)),
          log(run_log, name),
          report(run_report, name),
          options(with_stop(run_options, std::move(stopped))),
          context{{cluster_client, log, report, options}, job} {}

    std::string name;
    RunLog log;
    RunReport report;
    PipelineOptions options;
    detail::StepContext context;
    std::mutex busy;
    std::string product;  ///< "Elasticsearch 8.15.0", after the preflight
    std::optional<cluster::RunLock> lock;
    detail::Snapshot snapshot;  ///< the plan's views point into it: a Member never moves (held by unique_ptr)
    std::optional<Plan> plan;
    detail::HoldCheck hold;
    bool swapped = false;  ///< this run moved the alias here (and has not swapped it back)

private:
    static PipelineOptions with_stop(PipelineOptions options, std::function<bool()> stopped) {
        options.interrupted = [outer = std::move(options.interrupted), stopped = std::move(stopped)] {
            return stopped() || (outer && outer());
        };
        return options;
    }
};
using Members = std::vector<std::unique_ptr<Member>>;

/// The plan that undoes `plan`'s swap: removes (must_exist) exactly what the swap added, adds back every target the
/// swap removed with the properties it had, and expects the targets observed at the start. Views into `plan`'s
/// snapshot: use it while that lives.
Plan swap_back_plan(const Plan& plan);

/// What the alias points to on `member` now, read back (GET _alias), named by generation through its plan.
ClusterServing read_serving(Member& member);
/// What the alias pointed to when `member` was planned.
ClusterServing planned_serving(const Member& member);
/// True when every cluster serves one known generation (by instant, not spelling).
bool same_generation(const std::vector<ClusterServing>& serving);

/// Renews `member`'s run lock (when it holds one), warning in its log about a late heartbeat.
Status renew_lock(Member& member, cluster::Renewal when);

/// Why preparing failed: the first cluster (in name order) that failed on its own, and the others that did too.
struct PrepareFailure {
    Member* member;
    Error error;
    std::vector<std::string> also_failed;  ///< "primary: <message>"
};
/// Prepares every member whose plan promotes (force-merge, replicas, green), `parallelism` clusters at once, each on
/// its own thread; this thread meanwhile renews the locks of the clusters not being prepared. The first failure
/// stops the others at their next safe point (`stop` is set). Returns the failure, if any.
std::optional<PrepareFailure> prepare_all(Members& members, std::size_t parallelism, RunLog& log,
                                          std::atomic<bool>& stop, const std::function<bool()>& interrupted);

/// The per-cluster plans (text, Markdown: one section each; JSON: one document) and the table
/// `cluster | product | serves now | promotes | action`, with a SPLIT line when the clusters serve different
/// generations.
void render_clusters(const Members& members, const std::optional<Agreement>& agreed, OutputFormat format,
                     TableWidth width, std::ostream& out);
/// The report's "clusters" member: each cluster's name, product, plan outcome and what it serves.
std::string clusters_json(const Members& members, const std::vector<ClusterServing>& serving);

}  // namespace aliasing::multi
