// The rollback hold in a run (issue 10 §3) and what `status` says about the lock and the hold.
#include "steps.hpp"

#include "aliasing/model/run_id.hpp"

#include <unistd.h>

namespace aliasing::detail {
namespace {

bool newer(std::string_view run_id, std::string_view than) {
    auto a = parse_run_id(run_id);
    auto b = parse_run_id(than);
    return a && b && *a > *b;
}

}  // namespace

Result<HoldCheck> check_hold(StepContext& context, const Plan& plan, PipelineMode mode) {
    HoldCheck check;
    if (!context.options.lock) return check;
    auto hold = cluster::read_hold(context.client, context.options.lock->index, plan.alias);
    if (!hold && context.options.execution == Execution::DryRun) {  // status still shows the rest
        check.unreadable = hold.error().message;
        return check;
    }
    if (!hold) return hold.error();
    check.hold = *hold;
    if (!check.hold || mode != PipelineMode::Run) return check;
    if (plan.outcome != PlanOutcome::Promote && plan.outcome != PlanOutcome::CleanupOnly) return check;
    const cluster::RollbackHold& held = *check.hold;
    if (held.release == cluster::HoldRelease::NewerThanFrom && plan.candidate &&
        newer(plan.candidate->run_id, held.from_run_id)) {
        check.clear_after_promotion = true;
        context.log.info("hold", "generation " + std::string(plan.candidate->run_id) + " is newer than " +
                                     held.from_run_id + ", the generation rolled back from: the rollback hold ends "
                                     "with this promotion");
        return check;
    }
    check.refusal = make_error(ErrorKind::Validation,
                               "rollback hold: " + cluster::describe_hold(held) +
                                   ". A run does not promote a newer generation while the hold is in place, so the "
                                   "rollback is not undone by the next scheduled run; nothing was changed. When the "
                                   "cause is fixed, clear it with `aliasing rollback --clear " + context.job_file +
                                   "`, and the next run promotes the newest complete generation");
    return check;
}

Status leave_hold(StepContext& context, const Plan& plan) {
    if (!context.options.lock || !plan.candidate) return ok_status();
    const GenerationSummary* from = plan.live_generation();
    cluster::RollbackHold hold;
    hold.alias = plan.alias;
    hold.job = context.options.lock->job;
    hold.holder = context.options.lock->holder;
    hold.at = cluster::iso_time_ms(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    hold.from_run_id = from ? std::string(from->run_id) : "?";
    hold.to_run_id = std::string(plan.candidate->run_id);
    hold.release = context.options.hold_release;
    // Rolling back twice: the hold keeps the newest generation rolled back from.
    auto existing = cluster::read_hold(context.client, context.options.lock->index, plan.alias);
    if (!existing) return existing.error();
    if (*existing && newer((*existing)->from_run_id, hold.from_run_id)) hold.from_run_id = (*existing)->from_run_id;
    if (auto written = cluster::write_hold(context.client, context.options.lock->index, hold); !written) {
        return make_error(written.error().kind == ErrorKind::Unreachable ? ErrorKind::Unreachable : ErrorKind::StepFailed,
                          "could not write the rollback hold, so the alias was not moved (a rollback the next run "
                          "would undo is worse than none): " + written.error().message);
    }
    context.report.record({"hold", plan.alias, ActionStatus::Ok, cluster::describe_hold(hold), 0});
    context.log.info("hold", "rollback hold set: normal runs refuse to promote a generation newer than " +
                                 hold.to_run_id + " until `aliasing rollback --clear " + context.job_file + "`");
    return ok_status();
}

void end_hold(StepContext& context, const Plan& plan) {
    auto cleared = cluster::clear_hold(context.client, context.options.lock->index, plan.alias);
    if (!cleared)
        context.log.warn("hold", "the rollback hold could not be removed (the next run removes it): " +
                                     cleared.error().message);
    else
        context.report.record({"hold", plan.alias, ActionStatus::Ok, "cleared: a newer generation was promoted", 0});
}

namespace {

std::string lock_status(StepContext& context, const HoldCheck& check) {
    const auto& hold = check.hold;
    if (!context.options.lock) return "";
    std::string out;
    auto view = cluster::read_lock_view(context.client, context.options.lock->index, context.options.lock->id);
    if (!view) {
        out += "Run lock: unknown (" + view.error().message + ")\n";
    } else if (!*view) {
        out += "Run lock: free (no run of alias [" + context.options.lock->id + "] is running)\n";
    } else {
        const cluster::LockView& lock = **view;
        out += "Run lock: HELD by " + lock.holder + " running " + lock.job + " since " + lock.acquired_at +
               "; last heartbeat " + lock.heartbeat_at + " (holder's clock, " + std::to_string(lock.beats) +
               " so far); if its heartbeat stops, another run takes it over after " +
               std::to_string(lock.ttl_ms / 1000) + "s. A run now would be refused (exit 6)\n";
    }
    if (hold) {
        out += "Rollback hold: " + cluster::describe_hold(*hold) + "; runs refuse to promote a newer generation "
               "until `aliasing rollback --clear " + context.job_file + "`\n";
    } else {
        out += check.unreadable.empty() ? "Rollback hold: none\n" : "Rollback hold: unknown (" + check.unreadable + ")\n";
    }
    return out;
}

}  // namespace

void show_lock_status(StepContext& context, const HoldCheck& check, std::ostream& out) {
    const std::string lines = lock_status(context, check);
    if (context.options.plan_format != OutputFormat::Json) {
        out << lines << std::flush;
        return;
    }
    for (std::size_t at = 0; at < lines.size();) {
        std::size_t end = lines.find('\n', at);
        if (end == std::string::npos) end = lines.size();
        context.log.info("lock", lines.substr(at, end - at));
        at = end + 1;
    }
}

}  // namespace aliasing::detail
