// The rollback target (PlanMode::Rollback): the newest generation older than the live one that was complete
// in its time, when the alias points to exactly the indices of one generation of this job.
#include "plan_context.hpp"

#include <algorithm>

namespace aliasing::detail {

std::optional<std::size_t> rollback_rank(const PlanContext& context, Plan& plan) {
    std::optional<std::size_t> live;
    for (std::size_t rank = 0; rank < plan.generations.size(); ++rank) {
        if (!plan.generations[rank].live) continue;
        if (live) {
            refuse(plan, "alias [" + plan.alias + "] points to indices of several generations (" +
                             std::string(plan.generations[*live].run_id) + ", " +
                             std::string(plan.generations[rank].run_id) +
                             "); fix it by hand before a rollback");
            return std::nullopt;
        }
        live = rank;
    }
    if (!live) {
        refuse(plan, "alias [" + plan.alias + "] does not point to a generation of data source [" +
                         plan.data_source + "] under index_base [" + plan.index_base +
                         "]: nothing to roll back from");
        return std::nullopt;
    }
    // The very same set of indices, not only as many (plan.old_indices is sorted).
    const Generation& generation = context.at_rank(*live);
    std::vector<std::string_view> members;
    members.reserve(generation.members.size());
    for (std::uint32_t member : generation.members) members.push_back(context.record_of(member).name);
    std::sort(members.begin(), members.end());
    if (members != plan.old_indices) {
        refuse(plan, "alias [" + plan.alias + "] does not point to exactly the indices of generation " +
                         std::string(generation.run_id) + "; fix it by hand before a rollback");
        return std::nullopt;
    }
    for (std::size_t rank = *live + 1; rank < plan.generations.size(); ++rank) {
        if (context.complete_in_its_time[rank] && !plan.generations[rank].future) return rank;
    }
    refuse(plan,
           "no complete generation older than the live " + std::string(generation.run_id) +
               " is left to roll back to; keep_generations in the job file keeps them after a promotion");
    return std::nullopt;
}

}  // namespace aliasing::detail
