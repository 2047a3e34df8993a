#include "steps.hpp"

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/render/json_writer.hpp"

#include <algorithm>

namespace aliasing::detail {
namespace {

std::string swap_actions(const Plan& plan) {
    JsonWriter json;
    json.begin_object().key("actions").begin_array();
    for (auto index : plan.alias_change.removes) {
        json.begin_object().key("remove").begin_object();
        json.field("index", index).field("alias", plan.alias).field("must_exist", true);
        json.end_object().end_object();
    }
    for (const auto& add : plan.alias_change.adds) {
        json.begin_object().key("add").begin_object();
        json.field("index", add.index).field("alias", plan.alias);
        write_alias_properties(json, add.properties);
        json.end_object().end_object();
    }
    json.end_array().end_object();
    return json.take();
}

Result<std::vector<std::string>> read_alias_targets(StepContext& context, const std::string& alias) {
    auto body = context.client.get_alias(alias);
    if (!body) return body.error();
    auto table = AliasTable::parse(*body, "GET /_alias/" + alias);
    if (!table) return make_error(ErrorKind::StepFailed, table.error().message);
    auto views = table->indices_with(alias);
    return std::vector<std::string>(views.begin(), views.end());
}

Error moved(const Plan& plan, const std::vector<std::string>& now) {
    return make_error(ErrorKind::AliasMoved,
                      "alias [" + plan.alias + "] was moved by someone else during the run: it now points to [" +
                          join_first(now, kNamesShown) + "], not to the [" + join_first(to_strings(plan.old_indices), kNamesShown) +
                          "] observed at the start. Nothing was deleted. Find out who moved it, then rerun");
}

}  // namespace

Status verify_alias(StepContext& context, const Plan& plan) {
    ActionTimer action(context.report, "verify", plan.alias);
    auto targets = read_alias_targets(context, plan.alias);
    if (!targets) {
        action.finish(ActionStatus::Failed, targets.error().message);
        return make_error(ErrorKind::StepFailed, targets.error().message);
    }
    const auto expected = to_strings(plan.alias_change.after);  // the new indices and any kept foreign targets
    if (*targets != expected) {
        Error error = moved(plan, *targets);
        action.finish(ActionStatus::Failed, error.message);
        return error;
    }
    const std::size_t kept = expected.size() - plan.alias_change.adds.size();
    const std::string besides = kept == 0 ? "" : " and the " + std::to_string(kept) + " kept foreign targets";
    action.finish(ActionStatus::Ok,
                  "points to " + std::to_string(plan.alias_change.adds.size()) + " new indices" + besides);
    context.log.info("verify", "alias [" + plan.alias + "] points to exactly the " +
                                   std::to_string(plan.alias_change.adds.size()) + " indices of generation " +
                                   std::string(plan.candidate->run_id) + besides);
    return ok_status();
}

Status swap_alias(StepContext& context, const Plan& plan) {
    const auto start = std::chrono::steady_clock::now();
    const std::string body = swap_actions(plan);
    const auto old_targets = to_strings(plan.old_indices);
    const auto new_targets = to_strings(plan.alias_change.after);
    ActionTimer action(context.report, "swap", plan.alias);
    // Any failed answer leaves the read-back to decide: on exactly the new targets the swap succeeded (whichever of our
    // sends applied it), on the observed old targets it was not applied, anywhere else someone else moved the alias.
    // At most one resend, and only after an unknown outcome with the alias read back unchanged.
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto status = context.client.update_aliases(body);
        if (status) break;
        const bool unknown = status.outcome_unknown();
        // A must_exist 404 proves someone else moved the alias, unless an earlier send of ours may have been applied.
        const bool moved_for_sure = status.error().kind == ErrorKind::AliasMoved && attempt == 0;
        if (unknown) {
            context.log.warn("swap", "outcome of POST /_aliases is unknown; reading the alias back before deciding");
        }
        auto now = read_alias_targets(context, plan.alias);
        if (!now) {
            const std::string message = "the alias swap failed (" + status.error().message +
                                        ") and the alias cannot be read back (" + now.error().message + ")";
            action.finish(ActionStatus::Failed, message);
            if (moved_for_sure) return make_error(ErrorKind::AliasMoved, message + "; nothing was deleted");
            return make_error(ErrorKind::StepFailed, message + "; nothing was deleted, rerun to resume");
        }
        if (*now == new_targets) {
            context.log.warn("swap", "POST /_aliases failed (" + status.error().message +
                                         "), but the alias points to exactly the new generation: the swap was applied");
            break;
        }
        if (*now != old_targets) {
            Error error = moved(plan, *now);
            error.message += " (" + status.error().message + ")";
            action.finish(ActionStatus::Failed, error.message);
            return error;
        }
        if (unknown && attempt == 0) {
            context.log.info("swap", "the swap was not applied; sending it again");
            continue;
        }
        const std::string message = status.error().message + "; the alias was not moved";
        action.finish(ActionStatus::Failed, message);
        return make_error(ErrorKind::StepFailed, message + ". Nothing was deleted, rerun to resume");
    }
    action.finish(ActionStatus::Ok, "removed " + std::to_string(plan.alias_change.removes.size()) + ", added " +
                                        std::to_string(plan.alias_change.adds.size()));
    context.log.step_done("swap", "alias [" + plan.alias + "] moved to generation " +
                                      std::string(plan.candidate->run_id) + " in one atomic POST /_aliases",
                          std::chrono::steady_clock::now() - start);
    return verify_alias(context, plan);
}

}  // namespace aliasing::detail
