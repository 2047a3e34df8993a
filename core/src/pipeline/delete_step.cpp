#include "steps.hpp"

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/catalog/catalog.hpp"

#include <algorithm>

namespace aliasing::detail {
namespace {

// Drops every candidate that carries an alias right now (I2: an index an alias points to is never deleted).
Result<std::vector<std::string>> still_unaliased(StepContext& context, const std::vector<std::string>& candidates) {
    auto body = context.client.get_index_aliases(context.job.index_base + "-*");
    if (!body) return body.error();
    auto table = AliasTable::parse(*body, "GET /" + context.job.index_base + "-*/_alias");
    if (!table) return make_error(ErrorKind::StepFailed, table.error().message);
    std::vector<std::string> deletable;
    for (const auto& name : candidates) {
        const auto& aliases = table->aliases_of(name);
        if (aliases.empty()) {
            deletable.push_back(name);
            continue;
        }
        const std::string list = join(aliases);
        context.log.warn("delete", "keeping [" + name + "]: it carries alias [" + list + "] now");
        context.report.record({"delete", name, ActionStatus::Skipped, "carries alias [" + list + "]", 0});
    }
    return deletable;
}

// After an unknown outcome: which of `names` still exist.
Result<std::vector<std::string>> still_existing(StepContext& context, const std::vector<std::string>& names) {
    auto body = context.client.cat_indices(context.job.index_base + "-*");
    if (!body) return body.error();
    auto catalog = Catalog::parse(std::move(body).value(), "GET /_cat/indices/" + context.job.index_base + "-*");
    if (!catalog) return make_error(ErrorKind::StepFailed, catalog.error().message);
    std::vector<std::string> existing;
    for (const auto& record : catalog->indices())
        if (std::find(names.begin(), names.end(), record.name) != names.end()) existing.emplace_back(record.name);
    return existing;
}

}  // namespace

Status delete_replaced(StepContext& context, const Plan& plan) {
    if (plan.deletions.empty()) {
        context.log.info("delete", context.job.delete_old ? "nothing to delete" : "delete_old is false: nothing deleted");
        return ok_status();
    }
    const auto start = std::chrono::steady_clock::now();
    auto failed = [&](const std::string& message) {
        return make_error(ErrorKind::StepFailed, "the alias is moved and verified, but deleting the replaced "
                                                 "indices failed: " + message + "; rerun the job to finish the cleanup");
    };
    auto deletable = still_unaliased(context, to_strings(plan.deletions));
    if (!deletable) return failed(deletable.error().message);
    if (deletable->empty()) return ok_status();

    ActionTimer action(context.report, "delete", join_first(*deletable, kNamesShown));
    action.set_indices(*deletable);
    // One DELETE per chunk, with a safe point between them: a SIGTERM stops the cleanup between two requests.
    std::size_t deleted = 0;
    for (const auto& group : context.client.delete_chunks(*deletable)) {
        if (auto stop = context.safe_point("the alias is moved and verified; " + std::to_string(deleted) + " of " +
                                           std::to_string(deletable->size()) + " replaced indices were deleted");
            !stop) {
            action.finish(ActionStatus::Failed, stop.error().message);
            return stop;
        }
        auto status = context.client.delete_indices(group);
        if (!status && status.outcome_unknown()) {
            context.log.warn("delete", "outcome of the delete is unknown; re-reading which indices remain");
            auto remaining = still_existing(context, group);
            if (!remaining) {
                action.finish(ActionStatus::Failed, remaining.error().message);
                return failed(remaining.error().message);
            }
            status = remaining->empty() ? Status(Unit{}) : context.client.delete_indices(*remaining);
            if (!status) {
                // The first delete may have been queued on the master and applied just before the resend, which
                // then finds nothing to delete: judge by what remains, not by the resend's answer.
                auto left = still_existing(context, *remaining);
                if (left && left->empty()) status = Status(Unit{});
            }
        }
        if (!status) {
            action.finish(ActionStatus::Failed, status.error().message);
            return failed(status.error().message);
        }
        deleted += group.size();
    }
    action.finish(ActionStatus::Ok, std::to_string(deletable->size()) + " indices");
    context.log.step_done("delete", "deleted " + std::to_string(deletable->size()) + " replaced indices: " +
                                        join_first(*deletable, kNamesShown),
                          std::chrono::steady_clock::now() - start);
    return ok_status();
}

}  // namespace aliasing::detail
