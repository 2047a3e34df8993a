// The force-merge step: one index at a time, async with task polling (or synchronous below ES 8.1), with
// progress; an unknown outcome is resolved by re-reading the segments.
#include "steps.hpp"

namespace aliasing::detail {

namespace {

// The merge is done once every primary shard has at most `target` segments.
Result<bool> merged(RunContext& context, const MergeRow& row) {
    auto segments = context.client.primary_segments({std::string(row.index)});
    if (!segments) return segments.error();
    for (const auto& index : *segments) {
        if (index.index == row.index)
            return static_cast<double>(index.segment_count) / row.shards <= static_cast<double>(row.target_segments);
    }
    return make_error(ErrorKind::StepFailed, "index [" + std::string(row.index) + "] vanished during its force-merge");
}

Error not_merged(const MergeRow& row, const Error& error) {
    return make_error(error.kind, "force-merge of [" + std::string(row.index) + "] is not merged: " + error.message +
                                      "; the alias was not moved, rerun to resume");
}

Status wait_for_task(RunContext& context, const MergeRow& row, const std::string& task, std::size_t position,
                     std::size_t total) {
    const auto deadline = std::chrono::steady_clock::now() + context.options.timeout;
    const std::string what = std::string(row.index) + " -> " + std::to_string(row.target_segments) +
                             " segments/shard (task " + task + ")";
    while (true) {
        auto state = context.client.get_task(task);
        if (!state) return state.error();
        if (state->completed) {
            if (state->error) {
                return make_error(ErrorKind::StepFailed, "force-merge of [" + std::string(row.index) +
                                                             "] failed: " + *state->error +
                                                             "; the alias was not moved, rerun to resume");
            }
            if (state->shard_failures) {
                return make_error(ErrorKind::StepFailed, "force-merge of [" + std::string(row.index) +
                                                             "] is not merged: " + *state->shard_failures +
                                                             "; the alias was not moved, rerun to resume");
            }
            return ok_status();
        }
        context.log.progress("forcemerge", what, position, total);
        if (auto status = context.safe_point("the force-merge of [" + std::string(row.index) + "] goes on in the "
                                             "cluster (task " + task + "), the alias was not moved");
            !status)
            return status;
        if (std::chrono::steady_clock::now() >= deadline) {
            return make_error(ErrorKind::StepFailed,
                              "force-merge of [" + std::string(row.index) + "] still running after " +
                                  std::to_string(context.options.timeout.count()) + "s (task " + task +
                                  "); the alias was not moved. Raise --timeout, or rerun later: the merge goes on "
                                  "in the cluster and a rerun skips what is already merged");
        }
        context.sleep(context.options.poll_interval);
    }
}

Status merge_one(RunContext& context, const MergeRow& row, std::size_t position, std::size_t total) {
    const int target = static_cast<int>(row.target_segments);
    if (context.async_forcemerge) {
        auto task = context.client.start_forcemerge(row.index, target);
        if (task) return wait_for_task(context, row, *task, position, total);
        if (!task.outcome_unknown()) return task.error();
        // The request may have started a merge: look before asking again (merging twice is harmless, but
        // re-reading is what tells us whether it is needed at all).
        context.log.warn("forcemerge", "outcome of the force-merge request for [" + std::string(row.index) +
                                           "] is unknown; re-reading its segments");
        auto done = merged(context, row);
        if (!done) return done.error();
        if (*done) return ok_status();
        auto again = context.client.start_forcemerge(row.index, target);
        if (!again) return again.error();
        return wait_for_task(context, row, *again, position, total);
    }
    // 7.17 has no task mode: the request blocks until the merge is done.
    auto status = context.client.forcemerge_sync(row.index, target, context.options.timeout);
    if (status) return ok_status();
    if (!status.outcome_unknown()) return not_merged(row, status.error());
    // The connection failed: the merge may have run, may still run, or may never have reached the cluster (a drop
    // before it started). Re-read first; if it is not merged, ask again once (merging twice is harmless) rather
    // than polling for the whole timeout for a merge that may never have started.
    context.log.warn("forcemerge", "outcome of the force-merge request for [" + std::string(row.index) +
                                       "] is unknown; re-reading its segments");
    auto done_now = merged(context, row);
    if (!done_now) return done_now.error();
    if (*done_now) return ok_status();
    status = context.client.forcemerge_sync(row.index, target, context.options.timeout);
    if (status) return ok_status();
    if (!status.outcome_unknown()) return not_merged(row, status.error());
    const auto deadline = std::chrono::steady_clock::now() + context.options.timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto done = merged(context, row);
        if (!done) return done.error();
        if (*done) return ok_status();
        context.log.progress("forcemerge", std::string(row.index) + " (polling segments)", position, total);
        if (auto status = context.safe_point("the alias was not moved"); !status) return status;
        context.sleep(context.options.poll_interval);
    }
    return make_error(ErrorKind::StepFailed, "force-merge of [" + std::string(row.index) + "] did not finish within " +
                                                 std::to_string(context.options.timeout.count()) + "s");
}

}  // namespace

Status merge_new_indices(RunContext& context, const std::vector<MergeRow>& merges) {
    std::vector<const MergeRow*> rows;
    for (const auto& row : merges)
        if (row.decision == MergeDecision::Merge) rows.push_back(&row);
    if (rows.empty()) {
        context.log.info("forcemerge", merges.empty() ? "no new index to merge"
                                                      : "nothing to merge: " + merges.front().command);
        return ok_status();
    }
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const MergeRow& row = *rows[i];
        if (auto status = context.safe_point("the alias was not moved"); !status) return status;
        ActionTimer action(context.report, "forcemerge", std::string(row.index));
        context.log.info("forcemerge", row.command);
        if (auto status = merge_one(context, row, i, rows.size()); !status) {
            action.finish(ActionStatus::Failed, status.error().message);
            return status;
        }
        action.finish(ActionStatus::Ok, "max_num_segments=" + std::to_string(row.target_segments));
        context.log.progress("forcemerge", "merged " + std::string(row.index), i + 1, rows.size());
    }
    context.log.step_done("forcemerge", "merged " + std::to_string(rows.size()) + " new indices",
                          std::chrono::steady_clock::now() - start);
    return ok_status();
}

}  // namespace aliasing::detail
