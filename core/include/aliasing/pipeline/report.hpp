#pragma once
/// The JSON report of a run (`--report FILE`, SPEC §9): job, plugin and version, plan, every action with status
/// and timing, outcome and exit code. Never contains credentials (none are ever given to it).

#include "aliasing/plugins/data_source.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/common/result.hpp"

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace aliasing {

enum class ActionStatus { Ok, Failed, Skipped };

struct ActionRecord {
    std::string step;    ///< preflight, discover, plan, forcemerge, replicas, swap, verify, delete, ...
    std::string target;  ///< index, alias or cluster the action applies to
    ActionStatus status = ActionStatus::Ok;
    std::string detail;
    double seconds = 0;
};

class RunReport {
public:
    RunReport() = default;
    /// One cluster's view of a several-cluster run's report: the actions it records land in `parent`'s, in the
    /// order they happen, each marked with the cluster (its "cluster"), and may be recorded from another thread
    /// than the parent's. What the steps set on it (the cluster's product) stays in the view. `parent` must
    /// outlive it.
    RunReport(RunReport& parent, std::string cluster) : m_parent(&parent), m_action_cluster(std::move(cluster)) {}
    RunReport(const RunReport&) = delete;
    RunReport& operator=(const RunReport&) = delete;

    void set_command(std::string command) { m_command = std::move(command); }
    /// The process run's id, the same as in every JSON log line.
    void set_run_id(std::string run_id) { m_run_id = std::move(run_id); }
    void set_job(std::string path, Job job);
    void set_plugin(const DataSourceInfo& info) { m_plugin = info; }
    /// `product` names product and version, e.g. "OpenSearch 2.19.1" (report field cluster.product).
    void set_cluster(std::string version, std::string name, std::string product = {});
    /// The plan, already serialised by plan_json().
    void set_plan_json(std::string json) { m_plan_json = std::move(json); }
    void record(ActionRecord action) { record(std::move(action), {}); }
    /// An action with every index it applied to (listed in full as "indices"; the target is a short summary).
    void record(ActionRecord action, std::vector<std::string> indices);
    void finish(int exit_code, std::string outcome, std::string message);
    /// Several clusters: the per-cluster plans and what each cluster serves at the end, already serialised
    /// (report field "clusters").
    void set_clusters_json(std::string json) { m_clusters_json = std::move(json); }

    const std::vector<ActionRecord>& actions() const { return m_actions; }
    /// Per action, every index it applied to (parallel to actions()).
    const std::vector<std::vector<std::string>>& action_indices() const { return m_action_indices; }
    const std::string& plan_json() const { return m_plan_json; }
    const std::string& cluster_product() const { return m_cluster_product; }
    int exit_code() const { return m_exit_code; }
    double seconds() const { return m_seconds; }
    std::string to_json() const;
    /// Writes the report next to `path` and renames it into place, so a reader never sees half a report.
    Status write(const std::filesystem::path& path) const;

private:
    std::string m_command;
    std::string m_run_id;
    std::string m_job_path;
    std::optional<Job> m_job;
    std::optional<DataSourceInfo> m_plugin;
    std::string m_cluster_version, m_cluster_name, m_cluster_product;
    std::string m_plan_json;
    RunReport* m_parent = nullptr;  ///< a cluster's view records into it
    std::string m_action_cluster;   ///< a cluster's view: its name
    std::string m_clusters_json;
    std::mutex m_actions_mutex;     ///< record() may be called from the threads preparing clusters
    std::vector<std::string> m_action_clusters;  ///< per action, parallel to m_actions: "" or the cluster's name
    std::vector<ActionRecord> m_actions;
    std::vector<std::vector<std::string>> m_action_indices;  ///< per action, parallel to m_actions
    std::string m_started_at;
    int m_exit_code = -1;
    std::string m_outcome, m_message;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    double m_seconds = 0;
};

const char* to_string(ActionStatus status);

/// Times an action and records it in a report when it goes out of scope (or when finished explicitly).
class ActionTimer {
public:
    ActionTimer(RunReport& report, std::string step, std::string target);
    ~ActionTimer();
    void finish(ActionStatus status, std::string detail = {});
    /// Every index the action applies to; the report lists them all (the target is a short summary).
    void set_indices(std::vector<std::string> indices) { m_indices = std::move(indices); }
    std::chrono::steady_clock::duration elapsed() const { return std::chrono::steady_clock::now() - m_start; }

private:
    RunReport& m_report;
    ActionRecord m_record;
    std::vector<std::string> m_indices;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    bool m_done = false;
};

}  // namespace aliasing
