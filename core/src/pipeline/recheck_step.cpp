// Right before the swap: the new indices are read again, because planning saw them minutes or hours ago (a
// force-merge and the replica wait lie in between). One that is gone, closed or red refuses the swap.
#include "steps.hpp"

#include <algorithm>

namespace aliasing::detail {

Status recheck_new_indices(StepContext& context, const Plan& plan) {
    const auto start = std::chrono::steady_clock::now();
    const auto names = to_strings(plan.new_indices);
    ActionTimer action(context.report, "recheck", join_first(names, kNamesShown));
    action.set_indices(names);
    auto states = context.client.index_states(names);
    if (!states) {
        action.finish(ActionStatus::Failed, states.error().message);
        return make_error(ErrorKind::StepFailed, "could not re-read the new indices before the swap: " +
                                                     states.error().message + "; the alias was not moved, rerun");
    }
    std::vector<std::string> problems;
    for (const auto& name : names) {
        const auto found = std::find_if(states->begin(), states->end(), [&](const auto& now) { return now.index == name; });
        if (found == states->end())
            problems.push_back("[" + name + "] no longer exists");
        else if (found->status != "open")
            problems.push_back("[" + name + "] is closed");
        else if (found->health == "red")
            problems.push_back("[" + name + "] is red");
    }
    if (!problems.empty()) {
        std::string list;
        for (const auto& problem : problems) list += (list.empty() ? "" : ", ") + problem;
        const std::string message = "refusing the swap: since planning, new index " + list +
                                    "; the alias was not moved and nothing was deleted. Find out who changed it, "
                                    "then rerun (a rerun plans again from what the cluster holds)";
        action.finish(ActionStatus::Failed, message);
        return make_error(ErrorKind::StepFailed, message);
    }
    action.finish(ActionStatus::Ok, std::to_string(names.size()) + " open, not red");
    context.log.step_done("recheck", std::to_string(names.size()) + " new indices still open and not red",
                          std::chrono::steady_clock::now() - start);
    return ok_status();
}

}  // namespace aliasing::detail
