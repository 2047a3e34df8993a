#pragma once
// Private to the several-cluster run: one member per cluster, the swap back, what each cluster serves, the output.

#include "aliasing/multi/multi_cluster.hpp"

#include "../pipeline/steps.hpp"

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace aliasing::multi {

/// One cluster of the run: its client, its step context (the single-cluster steps run on it), lock, snapshot and plan.
struct Member {
    Member(std::string cluster_name, cluster::EsClient& cluster_client, const Job& job, RunLog& log, RunReport& report,
           const PipelineOptions& options)
        : name(std::move(cluster_name)), context{{cluster_client, log, report, options}, job} {}

    std::string name;
    detail::StepContext context;
    std::string product;  ///< "Elasticsearch 8.15.0", after the preflight
    std::optional<cluster::RunLock> lock;
    detail::Snapshot snapshot;  ///< the plan's views point into it: a Member never moves (held by unique_ptr)
    std::optional<Plan> plan;
    detail::HoldCheck hold;
    bool swapped = false;  ///< this run moved the alias here (and has not swapped it back)
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

/// The per-cluster plans (text, Markdown: one section each; JSON: one document) and the table
/// `cluster | product | serves now | promotes | action`, with a SPLIT line when the clusters serve different
/// generations.
void render_clusters(const Members& members, const std::optional<Agreement>& agreed, OutputFormat format,
                     TableWidth width, std::ostream& out);
/// The report's "clusters" member: each cluster's name, product, plan outcome and what it serves.
std::string clusters_json(const Members& members, const std::vector<ClusterServing>& serving);

}  // namespace aliasing::multi
