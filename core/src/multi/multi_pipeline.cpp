// Several clusters (docs/multi-cluster.md): the single-cluster steps run on one member per cluster, in phases —
// preflight and lock everywhere (name order), plan and agree, gates, prepare everywhere, swap cluster by cluster
// (swapping the earlier ones back when a later one fails), delete only once every swap is verified.
#include "multi_impl.hpp"

#include <algorithm>

namespace aliasing {

using multi::Member;

MultiPipeline::Impl::Impl(std::vector<NamedClient> clusters, const Job& job, const DataSource& source, RunLog& log,
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

PipelineOutcome MultiPipeline::Impl::run() {
    m_serving.clear();
    m_members.clear();
    m_stop = false;
    for (const auto& cluster : m_clusters)
        m_members.push_back(std::make_unique<Member>(cluster.name, *cluster.client, m_job, m_log, m_report, m_options,
                                                     [this] { return m_stop.load(); }));
    for (auto& member : m_members)
        if (m_options.lock) member->context.job_file = m_options.lock->job;
    if (m_job.abort_run) return {exit_code(ErrorKind::Aborted), "aborted", "abort_run is set"};
    for (auto& member : m_members) {
        if (auto status = detail::preflight(member->context); !status) return failed(*member, status.error());
        member->product = member->report.cluster_product();
    }
    m_report.set_cluster("", "");  // no one cluster: each cluster's product is in the report's "clusters"
    PipelineOutcome outcome;
    if (!m_options.lock || m_options.execution == Execution::DryRun) {
        outcome = plan_and_act();
    } else if (auto status = lock_all(); !status) {
        outcome = outcome_of(status.error());
    } else {
        outcome = plan_and_act();
    }
    release_all();
    m_report.set_clusters_json(multi::clusters_json(m_members, m_serving));
    return outcome;
}

// In name order, so two runs over the same clusters never each hold a lock the other waits for.
Status MultiPipeline::Impl::lock_all() {
    for (auto& member : m_members) {
        cluster::LockRequest request = *m_options.lock;
        request.interrupted = m_options.interrupted;
        request.on_wait = [&log = member->log](const std::string& message) { log.info("lock", message); };
        auto lock = cluster::RunLock::acquire(member->context.client, request);
        if (!lock) {
            member->report.record({"lock", request.id, ActionStatus::Failed, lock.error().message, 0});
            return named(*member, lock.error());
        }
        member->report.record({"lock", request.id, ActionStatus::Ok, "acquired", 0});
        member->lock.emplace(std::move(lock).value());
        member->context.lock = &*member->lock;
    }
    return ok_status();
}

void MultiPipeline::Impl::release_all() {
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        Member& member = **it;
        if (!member.lock) continue;
        member.context.lock = nullptr;
        if (auto released = member.lock->release(member.context.client); !released)
            member.log.warn("lock", "could not release the run lock (another run takes it over once its heartbeat "
                                 "has stopped for --lock-ttl): " + released.error().message);
        member.lock.reset();
    }
}

// Right before the first swap: every lock still ours (a conditional renewal proves it).
Status MultiPipeline::Impl::renew_all() {
    for (auto& member : m_members)
        if (auto status = multi::renew_lock(*member, cluster::Renewal::Now); !status)
            return named(*member, status.error());
    return ok_status();
}

Status MultiPipeline::Impl::plan_all() {
    const RunInstant now = m_options.clock ? m_options.clock() : now_instant();
    for (auto& member : m_members) {
        if (auto status = detail::discover(member->context, member->snapshot); !status)
            return named(*member, status.error());
        auto planned = make_plan(PlanRequest{m_job, m_source, *member->snapshot.catalog,
                                             member->snapshot.aliases, now, PlanMode::Promote});
        if (!planned) return named(*member, make_error(ErrorKind::Validation, planned.error().message));
        member->plan.emplace(std::move(planned).value());
    }
    return ok_status();
}

Result<Agreement> MultiPipeline::Impl::agree() const {
    std::vector<ClusterPlan> plans;
    for (const auto& member : m_members) plans.push_back({member->name, &*member->plan});
    return agree_on_candidate(plans);
}

PipelineOutcome MultiPipeline::Impl::plan_and_act() {
    if (auto status = plan_all(); !status) return outcome_of(status.error());
    // Agree before the gates: their refresh is a write, sent only for a generation every cluster has.
    auto agreed = agree();
    std::optional<Error> refusal;
    if (agreed) {
        for (auto& member : m_members) {
            auto hold = detail::check_hold(member->context, *member->plan, PipelineMode::Run);
            if (!hold) return failed(*member, hold.error());
            member->hold = std::move(hold).value();
            if (member->hold.refusal && !refusal) refusal = named(*member, *member->hold.refusal);
        }
        for (auto& member : m_members) {
            if (refusal || member->plan->outcome != PlanOutcome::Promote) continue;
            if (auto status = detail::run_content_gates(member->context, *member->plan); !status)
                return failed(*member, status.error());
        }
        if (!refusal) agreed = agree();  // a refused gate refuses its cluster's plan
    }
    if (!agreed && !refusal) refusal = agreed.error();
    m_plan_out.flush();
    multi::render_clusters(m_members, agreed ? std::optional<Agreement>(*agreed) : std::nullopt,
                           m_options.plan_format, m_options.plan_width, m_plan_out);
    for (auto& member : m_members) m_serving.push_back(multi::planned_serving(*member));
    m_report.record({"plan", m_job.alias_name, refusal ? ActionStatus::Failed : ActionStatus::Ok,
                       agreed ? "generation " + agreed->run_id : "no agreement", 0});
    if (m_options.execution == Execution::DryRun) {
        for (auto& member : m_members) {
            // JSON: the lock lines go to the log, and stdout stays one document.
            if (m_options.plan_format != OutputFormat::Json) m_plan_out << "Cluster [" << member->name << "]: ";
            detail::show_lock_status(member->context, member->hold, m_plan_out);
        }
    }
    if (refusal) {
        m_log.error("plan", refusal->message);
        return {exit_code(ErrorKind::Validation), "refused", refusal->message};
    }
    if (agreed->already_live_everywhere) {
        const std::string message = "alias [" + m_job.alias_name + "] already points to generation " +
                                    agreed->run_id + " on every cluster: nothing to do";
        m_log.info("plan", message);
        return {exit_code(ErrorKind::AlreadyLive), "already_live", message};
    }
    if (m_options.execution == Execution::DryRun) {
        m_log.info("plan", "dry run: nothing was changed");
        return {0, "dry_run", "dry run: every cluster promotes generation " + agreed->run_id};
    }
    return act(*agreed);
}

MultiPipeline::MultiPipeline(std::vector<NamedClient> clusters, const Job& job, const DataSource& source, RunLog& log,
                             RunReport& report, std::ostream& plan_out, PipelineOptions options)
    : m_impl(std::make_unique<Impl>(std::move(clusters), job, source, log, report, plan_out, std::move(options))) {}

MultiPipeline::~MultiPipeline() = default;

PipelineOutcome MultiPipeline::run() { return m_impl->run(); }

const std::vector<ClusterServing>& MultiPipeline::serving() const { return m_impl->serving(); }

}  // namespace aliasing
