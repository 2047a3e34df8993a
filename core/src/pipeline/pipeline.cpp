#include "aliasing/pipeline/pipeline.hpp"

#include "steps.hpp"

namespace aliasing {

PipelineOutcome outcome_of(const Error& error) {
    std::string name;
    switch (error.kind) {
        case ErrorKind::Unreachable: name = "unreachable"; break;
        case ErrorKind::AliasMoved: name = "alias_moved"; break;
        case ErrorKind::Validation: name = "refused"; break;
        case ErrorKind::AlreadyLive: name = "already_live"; break;
        case ErrorKind::Usage: name = "usage"; break;
        case ErrorKind::Aborted: name = "aborted"; break;
        case ErrorKind::Interrupted: name = "interrupted"; break;
        case ErrorKind::Split: name = "split"; break;
        case ErrorKind::StepFailed: name = "failed"; break;
    }
    return {exit_code(error.kind), name, error.message};
}

namespace {

PipelineOutcome plan_and_act(detail::StepContext& context, const DataSource& source, std::ostream& plan_out) {
    detail::Snapshot snapshot;
    if (auto status = detail::discover(context, snapshot); !status) return outcome_of(status.error());

    const PlanMode mode = context.options.mode == PipelineMode::Rollback ? PlanMode::Rollback : PlanMode::Promote;
    const RunInstant now = context.options.clock ? context.options.clock() : now_instant();
    auto planned =
        make_plan(PlanRequest{context.job, source, *snapshot.catalog, snapshot.aliases, now, mode});
    if (!planned) return outcome_of(make_error(ErrorKind::Validation, planned.error().message));
    Plan& plan = *planned;
    // The hold first: a held alias is refused before the gates' refresh, the only write they send.
    auto hold = detail::check_hold(context, plan, context.options.mode);
    if (!hold) return outcome_of(hold.error());
    if (!hold->refusal) {
        if (auto status = detail::run_content_gates(context, plan); !status) return outcome_of(status.error());
    }
    context.report.set_plan_json(plan_json(plan));
    plan_out << render_plan(plan, context.options.plan_format, context.options.plan_width);
    plan_out.flush();
    context.report.record({"plan", plan.alias, ActionStatus::Ok, to_string(plan.outcome), 0});

    if (context.options.execution == Execution::DryRun) detail::show_lock_status(context, *hold, plan_out);
    if (hold->refusal) {
        if (context.options.plan_format != OutputFormat::Json) plan_out << "REFUSED: " << hold->refusal->message << "\n";
        plan_out.flush();
        context.report.record({"hold", plan.alias, ActionStatus::Failed, hold->refusal->message, 0});
        return {exit_code(ErrorKind::Validation), "refused", hold->refusal->message};
    }
    switch (plan.outcome) {
        case PlanOutcome::Refused:
            context.log.error("plan", plan.reason);
            return {plan.exit_code(), "refused", plan.reason};
        case PlanOutcome::AlreadyLive:
            context.log.info("plan", plan.reason);
            return {plan.exit_code(), "already_live", plan.reason};
        case PlanOutcome::Promote:
        case PlanOutcome::CleanupOnly: break;
    }
    if (context.options.execution == Execution::DryRun) {
        context.log.info("plan", "dry run: nothing was changed");
        return {plan.exit_code(), "dry_run", "dry run: " + std::string(to_string(plan.outcome))};
    }
    const std::string unmoved = "the alias was not moved";
    if (plan.outcome == PlanOutcome::CleanupOnly) {
        context.log.info("plan", plan.reason);
        if (auto status = context.safe_point(unmoved + ", nothing was deleted"); !status) return outcome_of(status.error());
        if (auto status = detail::verify_alias(context, plan); !status) return outcome_of(status.error());
        if (auto status = detail::delete_replaced(context, plan); !status) return outcome_of(status.error());
        return {0, "cleaned_up", "cleanup of " + std::to_string(plan.deletions.size()) + " indices completed"};
    }
    const bool rollback = mode == PlanMode::Rollback;
    if (auto status = context.safe_point(unmoved); !status) return outcome_of(status.error());
    if (auto status = detail::merge_new_indices(context, plan.merges); !status) return outcome_of(status.error());
    if (auto status = context.safe_point(unmoved); !status) return outcome_of(status.error());
    if (auto status = detail::set_replicas_and_wait(context, plan); !status) return outcome_of(status.error());
    if (auto status = context.safe_point(unmoved); !status) return outcome_of(status.error());
    if (auto status = detail::recheck_new_indices(context, plan); !status) return outcome_of(status.error());
    // The last word before the swap: this run must still hold its lock (a conditional renewal proves it).
    if (context.lock) {
        if (auto status = context.lock->heartbeat(context.client, cluster::Renewal::Now); !status)
            return outcome_of(status.error());
    }
    if (rollback) {  // before the swap: never a rolled-back alias without its hold
        if (auto status = detail::leave_hold(context, plan); !status) return outcome_of(status.error());
    }
    // No safe point from here until the swap is verified: a SIGTERM now is seen after the verification.
    if (auto status = detail::swap_alias(context, plan); !status) return outcome_of(status.error());
    if (hold->clear_after_promotion) detail::end_hold(context, plan);
    if (auto status = context.safe_point("the alias is moved and verified, nothing was deleted yet"); !status)
        return outcome_of(status.error());
    if (auto status = detail::delete_replaced(context, plan); !status) return outcome_of(status.error());
    const std::string summary = std::string(rollback ? "rolled back" : "promoted") + " alias [" + plan.alias +
                                "] to generation " + std::string(plan.candidate->run_id);
    context.log.info("done", summary);
    return {0, rollback ? "rolled_back" : "promoted", summary};
}

}  // namespace

Pipeline::Pipeline(cluster::EsClient& client, const Job& job, const DataSource& source, RunLog& log, RunReport& report,
                   std::ostream& plan_out, PipelineOptions options)
    : m_client(client),
      m_job(job),
      m_source(source),
      m_log(log),
      m_report(report),
      m_plan_out(plan_out),
      m_options(std::move(options)) {}

PipelineOutcome Pipeline::run() {
    if (m_job.abort_run) {
        m_log.info("job", "abort_run is set: nothing done (exit 99)");
        return {exit_code(ErrorKind::Aborted), "aborted", "abort_run is set"};
    }
    detail::StepContext context{{m_client, m_log, m_report, m_options}, m_job};
    if (m_options.lock) context.job_file = m_options.lock->job;
    if (auto status = detail::preflight(context); !status) return outcome_of(status.error());
    if (!m_options.lock || m_options.execution == Execution::DryRun) return plan_and_act(context, m_source, m_plan_out);

    cluster::LockRequest request = *m_options.lock;
    request.interrupted = m_options.interrupted;
    request.on_wait = [this](const std::string& message) { m_log.info("lock", message); };
    auto lock = cluster::RunLock::acquire(m_client, request);
    if (!lock) {
        m_report.record({"lock", request.id, ActionStatus::Failed, lock.error().message, 0});
        return outcome_of(lock.error());
    }
    m_report.record({"lock", request.id, ActionStatus::Ok, "acquired", 0});
    context.lock = &*lock;
    PipelineOutcome outcome = plan_and_act(context, m_source, m_plan_out);
    context.lock = nullptr;
    if (auto released = lock->release(m_client); !released) {
        m_log.warn("lock", "could not release the run lock (another run takes it over once its heartbeat has "
                           "stopped for --lock-ttl): " + released.error().message);
    }
    return outcome;
}

PipelineOutcome apply_force_merges(cluster::EsClient& client, const std::vector<MergeRow>& rows, RunLog& log,
                                   RunReport& report, const PipelineOptions& options) {
    detail::RunContext context{client, log, report, options};
    auto info = client.info();
    if (!info) return outcome_of(make_error(ErrorKind::Unreachable, info.error().message));
    context.cluster_major = info->major_version;
    context.async_forcemerge = info->product.has_async_forcemerge();
    if (auto status = detail::merge_new_indices(context, rows); !status) return outcome_of(status.error());
    return {0, "merged", "applied the recommended force-merges"};
}

}  // namespace aliasing
