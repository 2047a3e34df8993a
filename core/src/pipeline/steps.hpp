#pragma once
// Private to the pipeline: the steps after planning, each returning a Status whose ErrorKind is the exit code.

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/catalog/catalog.hpp"
#include "aliasing/common/join.hpp"
#include "aliasing/pipeline/pipeline.hpp"

#include <string>
#include <vector>

namespace aliasing::detail {

/// What every step that talks to the cluster needs: the client, where it logs and reports, the run's options and
/// lock. `aliasing audit --apply` runs the force-merge step with only this.
struct RunContext {
    cluster::EsClient& client;
    RunLog& log;
    RunReport& report;
    const PipelineOptions& options;
    int cluster_major = 8;
    bool async_forcemerge = true;  ///< _forcemerge?wait_for_completion=false + tasks (Product::has_async_forcemerge)
    cluster::RunLock* lock = nullptr;  ///< the run lock, renewed at safe points; null when the run takes none

    /// Sleeps, returning early once the run is interrupted.
    void sleep(std::chrono::milliseconds duration) const;
    bool interrupted() const { return options.interrupted && options.interrupted(); }
    /// A point where the run may stop: ErrorKind::Interrupted after SIGTERM/SIGINT (`state` says what the cluster
    /// looks like then), or StepFailed when the run lock was lost; renews the lock when a heartbeat is due.
    Status safe_point(const std::string& state);
    /// The longest a single blocking wait may last before the next safe point.
    std::chrono::milliseconds wait_slice(std::chrono::milliseconds whole) const;
};

/// A step of a job's run: the run plus the job it promotes.
struct StepContext : RunContext {
    const Job& job;
    std::string job_file = "JOB";  ///< for messages that say what to run
};

/// The cluster as read at the start: the plan's views point into it (keep it alive, and in place, as long as the plan).
struct Snapshot {
    std::optional<Catalog> catalog;
    AliasTable aliases;
};

/// GET /: product and version (sets cluster_major, async_forcemerge, the report's cluster); an unreachable,
/// unauthorised or unsupported cluster is ErrorKind::Unreachable (exit 5).
Status preflight(RunContext& context);
/// GET _cat/indices/{base}-*, GET _alias/{alias}, GET {base}-*/_alias into `snapshot`.
Status discover(StepContext& context, Snapshot& snapshot);

/// The content gates (SPEC §13), before the first change: refresh (not in a dry run), fresh primary document
/// counts, mapping, smoke query, disk headroom. A refused gate sets the plan Refused with the numbers.
Status run_content_gates(StepContext& context, Plan& plan);
/// Force-merges the rows whose decision is Merge, one index at a time, with progress.
Status merge_new_indices(RunContext& context, const std::vector<MergeRow>& merges);
/// Sets number_of_replicas on the new indices and waits for them (only them) to be green.
Status set_replicas_and_wait(StepContext& context, const Plan& plan);
/// Re-reads the new indices (GET _cat/indices/{new}) right before the swap: one gone, closed or red since
/// planning is ErrorKind::StepFailed (exit 6) and nothing is changed.
Status recheck_new_indices(StepContext& context, const Plan& plan);
/// One atomic POST /_aliases (must_exist on every observed old target), then reads the alias back.
Status swap_alias(StepContext& context, const Plan& plan);
/// Reads the alias and checks it points to exactly the new indices.
Status verify_alias(StepContext& context, const Plan& plan);
/// Deletes the replaced generations after re-reading their aliases right before.
Status delete_replaced(StepContext& context, const Plan& plan);

/// What the rollback hold means for this run.
struct HoldCheck {
    std::optional<cluster::RollbackHold> hold;
    std::optional<Error> refusal;        ///< set: refuse before any change (exit 4)
    bool clear_after_promotion = false;  ///< a generation newer than the one rolled back from ends the hold
    std::string unreadable;              ///< status only: why the hold could not be read
};
/// Reads the alias's hold; a normal run that would promote or clean up while it is in place is refused.
Result<HoldCheck> check_hold(StepContext& context, const Plan& plan, PipelineMode mode);
/// Rollback: writes the hold (before the swap: never a rolled-back alias without its hold).
Status leave_hold(StepContext& context, const Plan& plan);
/// Removes the hold after a promotion past it; a failure is only warned about.
void end_hold(StepContext& context, const Plan& plan);
/// `status`: the run lock (holder, job, since, last heartbeat) and the hold, after the plan on `out` (text and
/// Markdown) or as log lines (JSON, so stdout stays one JSON document).
void show_lock_status(StepContext& context, const HoldCheck& check, std::ostream& out);

inline std::vector<std::string> to_strings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}
/// How many names a log line or report action lists before "and N more".
constexpr std::size_t kNamesShown = 6;

}  // namespace aliasing::detail
