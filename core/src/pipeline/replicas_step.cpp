// The replicas step: number_of_replicas on the new indices, then a wait (in slices, with safe points) for green.
#include "steps.hpp"

#include <algorithm>

namespace aliasing::detail {

Status set_replicas_and_wait(StepContext& context, const Plan& plan) {
    if (!plan.new_replicas) return ok_status();
    const auto start = std::chrono::steady_clock::now();
    const auto indices = to_strings(plan.new_indices);
    const int replicas = *plan.new_replicas;
    {
        ActionTimer action(context.report, "replicas", join_first(indices, kNamesShown));
        if (auto status = context.client.set_replicas(indices, replicas); !status) {
            action.finish(ActionStatus::Failed, status.error().message);
            return make_error(ErrorKind::StepFailed, status.error().message + "; the alias was not moved, rerun to resume");
        }
        action.finish(ActionStatus::Ok, "number_of_replicas=" + std::to_string(replicas));
    }
    context.log.info("replicas", "number_of_replicas=" + std::to_string(replicas) + " on " +
                                     std::to_string(indices.size()) + " new indices; waiting for them to be green");
    ActionTimer action(context.report, "wait_green", join_first(indices, kNamesShown));
    // Waited for in slices, so the run lock is renewed and a SIGTERM is seen while the replicas initialize.
    const auto deadline = std::chrono::steady_clock::now() + context.options.timeout;
    auto health = context.client.wait_for_health(
        indices, "green",
        std::chrono::duration_cast<std::chrono::seconds>(context.wait_slice(context.options.timeout)));
    while (health && (health->timed_out || health->status != "green") && std::chrono::steady_clock::now() < deadline) {
        if (auto status = context.safe_point("the alias was not moved"); !status) {
            action.finish(ActionStatus::Failed, status.error().message);
            return status;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        const auto slice = std::max(std::chrono::seconds(1),
                                    std::chrono::duration_cast<std::chrono::seconds>(context.wait_slice(left)));
        health = context.client.wait_for_health(indices, "green", slice);
    }
    if (!health) {
        action.finish(ActionStatus::Failed, health.error().message);
        return make_error(ErrorKind::StepFailed, health.error().message + "; the alias was not moved, rerun to resume");
    }
    if (health->timed_out || health->status != "green") {
        const std::string message = "the new indices are " + health->status + ", not green, after " +
                                    std::to_string(context.options.timeout.count()) +
                                    "s; the alias was not moved. Check that the cluster has more than " +
                                    std::to_string(replicas) + " data nodes for " + std::to_string(replicas) +
                                    " replicas, then rerun";
        action.finish(ActionStatus::Failed, message);
        return make_error(ErrorKind::StepFailed, message);
    }
    action.finish(ActionStatus::Ok, "green");
    context.log.step_done("replicas", "new indices are green", std::chrono::steady_clock::now() - start);
    return ok_status();
}

}  // namespace aliasing::detail
