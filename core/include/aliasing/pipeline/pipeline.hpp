#pragma once
/// The promotion pipeline (SPEC §8): preflight → discover → plan → force-merge new → replicas and wait for the new
/// indices to be green → one atomic POST /_aliases → verify → delete → report.
///
/// Every decision is derived from the cluster itself, read at the start of the run, so a failed run is resumed
/// by running the same job again (I3). Requests whose outcome is unknown are repeated only after re-reading
/// the state they change.

#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/rollback_hold.hpp"
#include "aliasing/cluster/run_lock.hpp"
#include "aliasing/plugins/data_source.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/plan/plan.hpp"
#include "aliasing/render/plan_render.hpp"
#include "aliasing/pipeline/report.hpp"
#include "aliasing/pipeline/run_log.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace aliasing {

enum class PipelineMode {
    Run,       ///< promote
    Rollback,  ///< point the alias back to the newest retained complete generation older than the live one
};

/// DryRun reads and plans, prints, and touches nothing (`run --dry-run`, `status`).
enum class Execution { Apply, DryRun };

struct PipelineOptions {
    PipelineMode mode = PipelineMode::Run;
    Execution execution = Execution::Apply;
    OutputFormat plan_format = OutputFormat::Text;
    TableWidth plan_width = TableWidth::Fit;  ///< --wide: the full plan table
    std::chrono::seconds timeout{3600};             ///< longest wait for one force-merge or for green health
    std::chrono::milliseconds poll_interval{1000};  ///< force-merge task polling
    std::function<void(std::chrono::milliseconds)> sleep;  ///< default: std::this_thread::sleep_for
    std::function<RunInstant()> clock;                      ///< default: now_instant
    /// One run per alias at a time: taken after preflight by runs that change the cluster, released at the end,
    /// renewed at every safe point. Its index also holds the rollback hold; without it no hold is read or written.
    std::optional<cluster::LockRequest> lock;
    /// SIGTERM/SIGINT seen: the run stops at the next safe point (never between the swap and its verification),
    /// releases the lock and ends "interrupted" (exit 6). Empty: never interrupted.
    std::function<bool()> interrupted;
    /// Rollback: how the hold it leaves ends (by `rollback --clear`, or also by a newer generation).
    cluster::HoldRelease hold_release = cluster::HoldRelease::Manual;
    /// Several clusters: how many are prepared (force-merge, replicas, green) at once (`--parallel`).
    std::size_t parallel_prepare = 4;
};

/// How a run ended: the process exit code (SPEC §9) and a one-line summary.
struct PipelineOutcome {
    int exit_code = 0;
    std::string outcome;  ///< promoted, cleaned_up, already_live, refused, dry_run, failed, alias_moved, ...
    std::string message;
};

class Pipeline {
public:
    /// `plan_out` receives the plan (stdout); `log` the progress of the run (stderr).
    Pipeline(cluster::EsClient& client, const Job& job, const DataSource& source, RunLog& log, RunReport& report,
             std::ostream& plan_out, PipelineOptions options);

    PipelineOutcome run();

private:
    cluster::EsClient& m_client;
    const Job& m_job;
    const DataSource& m_source;
    RunLog& m_log;
    RunReport& m_report;
    std::ostream& m_plan_out;
    PipelineOptions m_options;
};

}  // namespace aliasing

namespace aliasing {

/// The outcome a failed step's error maps to (exit code by ErrorKind).
PipelineOutcome outcome_of(const Error& error);

/// `aliasing audit --apply`: runs the recommended force-merges (rows whose decision is Merge), with progress.
PipelineOutcome apply_force_merges(cluster::EsClient& client, const std::vector<MergeRow>& rows, RunLog& log,
                                   RunReport& report, const PipelineOptions& options);

}  // namespace aliasing
