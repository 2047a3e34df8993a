// Several clusters, after agreement (docs/multi-cluster.md M5–M8): prepare every cluster, swap cluster by cluster,
// swap the earlier ones back when a later swap fails, and delete only once every swap is verified.
#include "multi_impl.hpp"

namespace aliasing {

using multi::Member;

PipelineOutcome MultiPipeline::Impl::act(const Agreement& agreed) {
    const std::string unmoved = "no alias was moved on any cluster";
    // Prepare everywhere before swapping anywhere: --parallel clusters at once (prepare.cpp).
    if (auto failure = multi::prepare_all(m_members, m_options.parallel_prepare, m_log, m_stop, m_options.interrupted)) {
        PipelineOutcome outcome = unmoved_failure(*failure->member, failure->error);
        if (!failure->also_failed.empty()) outcome.message += "; also failed: " + join(failure->also_failed, "; ");
        return outcome;
    }
    // Right before the first swap: every new index still there and green, every lock still ours.
    for (auto& member : m_members) {
        if (member->plan->outcome != PlanOutcome::Promote) continue;
        if (auto status = member->context.safe_point(unmoved); !status) return unmoved_failure(*member, status.error());
        if (auto status = detail::recheck_new_indices(member->context, *member->plan); !status)
            return unmoved_failure(*member, status.error());
    }
    if (auto status = renew_all(); !status) return outcome_of(status.error());

    // No safe point from the first swap until every swap is verified (or undone).
    for (std::size_t i = 0; i < m_members.size(); ++i) {
        Member& member = *m_members[i];
        const bool promote = member.plan->outcome == PlanOutcome::Promote;
        // A cluster already on the candidate (an earlier split) is a no-op swap: only its alias is verified.
        auto status = promote ? detail::swap_alias(member.context, *member.plan)
                              : detail::verify_alias(member.context, *member.plan);
        if (!status && promote && swapped_after_all(member, agreed)) status = ok_status();
        if (!status) return undo_after(i, named(member, status.error()), agreed);
        member.swapped = promote;
    }
    for (auto& member : m_members) {
        if (!member->hold.clear_after_promotion) continue;
        detail::end_hold(member->context, *member->plan);
    }
    m_serving.clear();
    for (auto& member : m_members) m_serving.push_back({member->name, agreed.run_id, ""});

    // Delete only now that every swap is verified; per cluster, the usual rules. One cluster's failed cleanup
    // does not stop the others'.
    std::optional<Error> cleanup;
    for (auto& member : m_members) {
        auto status = member->context.safe_point("every cluster serves generation " + agreed.run_id +
                                                 ", verified; nothing was deleted on [" + member->name + "] yet");
        if (status) status = detail::delete_replaced(member->context, *member->plan);
        if (!status) {
            if (!cleanup) cleanup = named(*member, status.error());
            if (status.error().kind == ErrorKind::Interrupted) break;
        }
    }
    if (cleanup) return outcome_of(*cleanup);
    const std::string summary = "promoted alias [" + m_job.alias_name + "] to generation " + agreed.run_id +
                                " on " + std::to_string(m_members.size()) + " clusters";
    m_log.info("done", summary);
    return {0, "promoted", summary};
}

// A swap whose answer or verification failed may still have been applied: read back exactly the new targets,
// it is swapped (and so verified), and undoing the others for it would only make a split.
bool MultiPipeline::Impl::swapped_after_all(Member& member, const Agreement& agreed) {
    const ClusterServing now = multi::read_serving(member);
    if (!multi::same_generation({now, {member.name, agreed.run_id, ""}})) return false;
    member.log.warn("swap", "the swap reported a failure, but alias [" + m_job.alias_name +
                             "] reads back on exactly generation " + agreed.run_id + ": swapped");
    return true;
}

// The swap on cluster `failed_at` failed: swap the clusters before it back (newest first, must_exist on what we
// set), then read back what every cluster serves. One generation everywhere: the step's exit (6, or 7 when
// someone else moved an alias). Different generations: exit 8, naming each cluster's.
PipelineOutcome MultiPipeline::Impl::undo_after(std::size_t failed_at, const Error& error, const Agreement& agreed) {
    std::vector<std::string> not_undone;
    for (std::size_t j = failed_at; j-- > 0;) {
        Member& member = *m_members[j];
        if (!member.swapped) continue;
        member.log.warn("swap-back", "swapping alias [" + m_job.alias_name + "] back: cluster [" +
                                      m_members[failed_at]->name + "] could not be swapped");
        const Plan back = multi::swap_back_plan(*member.plan);
        if (auto status = detail::swap_alias(member.context, back); status) member.swapped = false;
        else not_undone.push_back(member.name + " (" + status.error().message + ")");
    }
    m_serving.clear();
    for (auto& member : m_members) m_serving.push_back(multi::read_serving(*member));
    if (multi::same_generation(m_serving)) {
        Error result = error;
        result.kind = error.kind == ErrorKind::AliasMoved ? ErrorKind::AliasMoved : ErrorKind::StepFailed;
        result.message += failed_at == 0 ? "" : "; the clusters swapped before it were swapped back";
        result.message += ": every cluster serves the generation it served before (" +
                          describe_split(m_serving) + "); nothing was deleted; rerun the job to promote " +
                          agreed.run_id;
        return outcome_of(result);
    }
    std::string message = "the clusters are left serving different generations: " + describe_split(m_serving) +
                          ". Cause: " + error.message;
    if (!not_undone.empty()) {
        message += "; the swap back failed on " + join(not_undone, "; ");
    }
    message += ". Nothing was deleted; rerun the job to converge every cluster on generation " + agreed.run_id +
               " (`aliasing status` shows the split)";
    m_log.error("split", message);
    return {exit_code(ErrorKind::Split), "split", message};
}

}  // namespace aliasing
