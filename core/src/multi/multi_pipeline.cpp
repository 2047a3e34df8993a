// Several clusters (docs/multi-cluster.md): the single-cluster steps run on one member per cluster, in phases —
// preflight and lock everywhere (name order), plan and agree, gates, prepare everywhere, swap cluster by cluster
// (swapping the earlier ones back when a later one fails), delete only once every swap is verified.
#include "multi_steps.hpp"

#include <algorithm>

namespace aliasing {

using multi::Member;

class MultiPipeline::Impl {
public:
    explicit Impl(MultiPipeline& owner) : m(owner) {
        for (const auto& cluster : m.m_clusters)
            m_members.push_back(std::make_unique<Member>(cluster.name, *cluster.client, m.m_job, m.m_log, m.m_report,
                                                         m.m_options));
        for (auto& member : m_members)
            if (m.m_options.lock) member->context.job_file = m.m_options.lock->job;
    }

    PipelineOutcome run() {
        if (m.m_job.abort_run) return {exit_code(ErrorKind::Aborted), "aborted", "abort_run is set"};
        for (auto& member : m_members) {
            on(*member);
            if (auto status = detail::preflight(member->context); !status) return failed(*member, status.error());
            member->product = m.m_report.cluster_product();
        }
        m.m_report.set_cluster("", "");  // no one cluster: each cluster's product is in the report's "clusters"
        PipelineOutcome outcome;
        if (!m.m_options.lock || m.m_options.execution == Execution::DryRun) {
            outcome = plan_and_act();
        } else if (auto status = lock_all(); !status) {
            outcome = outcome_of(status.error());
        } else {
            outcome = plan_and_act();
        }
        release_all();
        on_none();
        m.m_report.set_clusters_json(multi::clusters_json(m_members, m.m_serving));
        return outcome;
    }

private:
    void on(Member& member) {
        m.m_log.set_cluster(member.name);
        m.m_report.set_action_cluster(member.name);
    }
    void on_none() {
        m.m_log.set_cluster("");
        m.m_report.set_action_cluster("");
    }
    static Error named(const Member& member, const Error& error) {
        return make_error(error.kind, "cluster [" + member.name + "]: " + error.message);
    }
    PipelineOutcome failed(const Member& member, const Error& error) { return outcome_of(named(member, error)); }
    // Before the first swap: whatever the step says of its own cluster holds for all of them.
    PipelineOutcome unmoved_failure(const Member& member, const Error& error) {
        Error named_error = named(member, error);
        named_error.message += "; no alias was moved on any cluster";
        return outcome_of(named_error);
    }

    // In name order, so two runs over the same clusters never each hold a lock the other waits for.
    Status lock_all() {
        for (auto& member : m_members) {
            on(*member);
            cluster::LockRequest request = *m.m_options.lock;
            request.interrupted = m.m_options.interrupted;
            request.on_wait = [this](const std::string& message) { m.m_log.info("lock", message); };
            auto lock = cluster::RunLock::acquire(member->context.client, request);
            if (!lock) {
                m.m_report.record({"lock", request.id, ActionStatus::Failed, lock.error().message, 0});
                return named(*member, lock.error());
            }
            m.m_report.record({"lock", request.id, ActionStatus::Ok, "acquired", 0});
            member->lock.emplace(std::move(lock).value());
            member->context.lock = &*member->lock;
        }
        return ok_status();
    }

    void release_all() {
        for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
            Member& member = **it;
            if (!member.lock) continue;
            on(member);
            member.context.lock = nullptr;
            if (auto released = member.lock->release(member.context.client); !released)
                m.m_log.warn("lock", "could not release the run lock (another run takes it over once its heartbeat "
                                     "has stopped for --lock-ttl): " + released.error().message);
            member.lock.reset();
        }
    }

    // The other clusters' locks between one cluster's steps: a long prepare elsewhere must not let them expire.
    Status renew_all(cluster::Renewal when) {
        for (auto& member : m_members) {
            if (!member->lock) continue;
            on(*member);
            std::string warning;
            if (auto status = member->lock->heartbeat(member->context.client, when, &warning); !status)
                return named(*member, status.error());
            if (!warning.empty()) m.m_log.warn("lock", warning);
        }
        return ok_status();
    }

    Status plan_all() {
        const RunInstant now = m.m_options.clock ? m.m_options.clock() : now_instant();
        for (auto& member : m_members) {
            on(*member);
            if (auto status = detail::discover(member->context, member->snapshot); !status)
                return named(*member, status.error());
            auto planned = make_plan(PlanRequest{m.m_job, m.m_source, *member->snapshot.catalog,
                                                 member->snapshot.aliases, now, PlanMode::Promote});
            if (!planned) return named(*member, make_error(ErrorKind::Validation, planned.error().message));
            member->plan.emplace(std::move(planned).value());
        }
        return ok_status();
    }

    Result<Agreement> agree() const {
        std::vector<ClusterPlan> plans;
        for (const auto& member : m_members) plans.push_back({member->name, &*member->plan});
        return agree_on_candidate(plans);
    }

    PipelineOutcome plan_and_act() {
        if (auto status = plan_all(); !status) return outcome_of(status.error());
        // Agree before the gates: their refresh is a write, sent only for a generation every cluster has.
        auto agreed = agree();
        std::optional<Error> refusal;
        if (agreed) {
            for (auto& member : m_members) {
                on(*member);
                auto hold = detail::check_hold(member->context, *member->plan, PipelineMode::Run);
                if (!hold) return failed(*member, hold.error());
                member->hold = std::move(hold).value();
                if (member->hold.refusal && !refusal) refusal = named(*member, *member->hold.refusal);
            }
            for (auto& member : m_members) {
                if (refusal || member->plan->outcome != PlanOutcome::Promote) continue;
                on(*member);
                if (auto status = detail::run_content_gates(member->context, *member->plan); !status)
                    return failed(*member, status.error());
            }
            if (!refusal) agreed = agree();  // a refused gate refuses its cluster's plan
        }
        on_none();
        if (!agreed && !refusal) refusal = agreed.error();
        m.m_plan_out.flush();
        multi::render_clusters(m_members, agreed ? std::optional<Agreement>(*agreed) : std::nullopt,
                               m.m_options.plan_format, m.m_options.plan_width, m.m_plan_out);
        for (auto& member : m_members) m.m_serving.push_back(multi::planned_serving(*member));
        m.m_report.record({"plan", m.m_job.alias_name, refusal ? ActionStatus::Failed : ActionStatus::Ok,
                           agreed ? "generation " + agreed->run_id : "no agreement", 0});
        if (m.m_options.execution == Execution::DryRun) {
            for (auto& member : m_members) {
                on(*member);
                // JSON: the lock lines go to the log, and stdout stays one document.
                if (m.m_options.plan_format != OutputFormat::Json) m.m_plan_out << "Cluster [" << member->name << "]: ";
                detail::show_lock_status(member->context, member->hold, m.m_plan_out);
            }
            on_none();
        }
        if (refusal) {
            m.m_log.error("plan", refusal->message);
            return {exit_code(ErrorKind::Validation), "refused", refusal->message};
        }
        if (agreed->already_live_everywhere) {
            const std::string message = "alias [" + m.m_job.alias_name + "] already points to generation " +
                                        agreed->run_id + " on every cluster: nothing to do";
            m.m_log.info("plan", message);
            return {exit_code(ErrorKind::AlreadyLive), "already_live", message};
        }
        if (m.m_options.execution == Execution::DryRun) {
            m.m_log.info("plan", "dry run: nothing was changed");
            return {0, "dry_run", "dry run: every cluster promotes generation " + agreed->run_id};
        }
        return act(*agreed);
    }

    PipelineOutcome act(const Agreement& agreed) {
        const std::string unmoved = "no alias was moved on any cluster";
        // Prepare everywhere before swapping anywhere (sequentially, cluster by cluster, in name order).
        for (auto& member : m_members) {
            if (member->plan->outcome != PlanOutcome::Promote) continue;
            on(*member);
            detail::StepContext& context = member->context;
            const Plan& plan = *member->plan;
            if (auto status = context.safe_point(unmoved); !status) return unmoved_failure(*member, status.error());
            if (auto status = detail::merge_new_indices(context, plan); !status) return unmoved_failure(*member, status.error());
            if (auto status = renew_all(cluster::Renewal::IfDue); !status) return outcome_of(status.error());
            on(*member);
            if (auto status = context.safe_point(unmoved); !status) return unmoved_failure(*member, status.error());
            if (auto status = detail::set_replicas_and_wait(context, plan); !status)
                return unmoved_failure(*member, status.error());
            if (auto status = renew_all(cluster::Renewal::IfDue); !status) return outcome_of(status.error());
        }
        // Right before the first swap: every new index still there and green, every lock still ours.
        for (auto& member : m_members) {
            if (member->plan->outcome != PlanOutcome::Promote) continue;
            on(*member);
            if (auto status = member->context.safe_point(unmoved); !status) return unmoved_failure(*member, status.error());
            if (auto status = detail::recheck_new_indices(member->context, *member->plan); !status)
                return unmoved_failure(*member, status.error());
        }
        if (auto status = renew_all(cluster::Renewal::Now); !status) return outcome_of(status.error());

        // No safe point from the first swap until every swap is verified (or undone).
        for (std::size_t i = 0; i < m_members.size(); ++i) {
            Member& member = *m_members[i];
            on(member);
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
            on(*member);
            detail::end_hold(member->context, *member->plan);
        }
        m.m_serving.clear();
        for (auto& member : m_members) m.m_serving.push_back({member->name, agreed.run_id, ""});

        // Delete only now that every swap is verified; per cluster, the usual rules. One cluster's failed cleanup
        // does not stop the others'.
        std::optional<Error> cleanup;
        for (auto& member : m_members) {
            on(*member);
            auto status = member->context.safe_point("every cluster serves generation " + agreed.run_id +
                                                     ", verified; nothing was deleted on [" + member->name + "] yet");
            if (status) status = detail::delete_replaced(member->context, *member->plan);
            if (!status) {
                if (!cleanup) cleanup = named(*member, status.error());
                if (status.error().kind == ErrorKind::Interrupted) break;
            }
        }
        on_none();
        if (cleanup) return outcome_of(*cleanup);
        const std::string summary = "promoted alias [" + m.m_job.alias_name + "] to generation " + agreed.run_id +
                                    " on " + std::to_string(m_members.size()) + " clusters";
        m.m_log.info("done", summary);
        return {0, "promoted", summary};
    }

    // A swap whose answer or verification failed may still have been applied: read back exactly the new targets,
    // it is swapped (and so verified), and undoing the others for it would only make a split.
    bool swapped_after_all(Member& member, const Agreement& agreed) {
        const ClusterServing now = multi::read_serving(member);
        if (!multi::same_generation({now, {member.name, agreed.run_id, ""}})) return false;
        m.m_log.warn("swap", "the swap reported a failure, but alias [" + m.m_job.alias_name +
                                 "] reads back on exactly generation " + agreed.run_id + ": swapped");
        return true;
    }

    // The swap on cluster `failed_at` failed: swap the clusters before it back (newest first, must_exist on what we
    // set), then read back what every cluster serves. One generation everywhere: the step's exit (6, or 7 when
    // someone else moved an alias). Different generations: exit 8, naming each cluster's.
    PipelineOutcome undo_after(std::size_t failed_at, const Error& error, const Agreement& agreed) {
        std::vector<std::string> not_undone;
        for (std::size_t j = failed_at; j-- > 0;) {
            Member& member = *m_members[j];
            if (!member.swapped) continue;
            on(member);
            m.m_log.warn("swap-back", "swapping alias [" + m.m_job.alias_name + "] back: cluster [" +
                                          m_members[failed_at]->name + "] could not be swapped");
            const Plan back = multi::swap_back_plan(*member.plan);
            if (auto status = detail::swap_alias(member.context, back); status) member.swapped = false;
            else not_undone.push_back(member.name + " (" + status.error().message + ")");
        }
        m.m_serving.clear();
        for (auto& member : m_members) {
            on(*member);
            m.m_serving.push_back(multi::read_serving(*member));
        }
        on_none();
        if (multi::same_generation(m.m_serving)) {
            Error result = error;
            result.kind = error.kind == ErrorKind::AliasMoved ? ErrorKind::AliasMoved : ErrorKind::StepFailed;
            result.message += failed_at == 0 ? "" : "; the clusters swapped before it were swapped back";
            result.message += ": every cluster serves the generation it served before (" +
                              describe_split(m.m_serving) + "); nothing was deleted; rerun the job to promote " +
                              agreed.run_id;
            return outcome_of(result);
        }
        std::string message = "the clusters are left serving different generations: " + describe_split(m.m_serving) +
                              ". Cause: " + error.message;
        if (!not_undone.empty()) {
            std::string list;
            for (const auto& item : not_undone) list += (list.empty() ? "" : "; ") + item;
            message += "; the swap back failed on " + list;
        }
        message += ". Nothing was deleted; rerun the job to converge every cluster on generation " + agreed.run_id +
                   " (`aliasing status` shows the split)";
        m.m_log.error("split", message);
        return {exit_code(ErrorKind::Split), "split", message};
    }

    MultiPipeline& m;
    multi::Members m_members;
};

MultiPipeline::MultiPipeline(std::vector<NamedClient> clusters, const Job& job, const DataSource& source, RunLog& log,
                             RunReport& report, std::ostream& plan_out, PipelineOptions options)
    : m_clusters(std::move(clusters)),
      m_job(job),
      m_source(source),
      m_log(log),
      m_report(report),
      m_plan_out(plan_out),
      m_options(std::move(options)) {
    std::sort(m_clusters.begin(), m_clusters.end(),
              [](const NamedClient& a, const NamedClient& b) { return a.name < b.name; });
}

MultiPipeline::~MultiPipeline() = default;

PipelineOutcome MultiPipeline::run() {
    m_serving.clear();
    return Impl(*this).run();
}

const std::vector<ClusterServing>& MultiPipeline::serving() const { return m_serving; }

}  // namespace aliasing
