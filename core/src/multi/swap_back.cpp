// Undoing a cluster's swap when a later cluster's swap fails, and reading back what every cluster serves.
#include "multi_steps.hpp"

#include <algorithm>

namespace aliasing::multi {
namespace {

std::vector<std::string> sorted_strings(std::vector<std::string_view> views) {
    std::vector<std::string> out(views.begin(), views.end());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

Plan swap_back_plan(const Plan& plan) {
    Plan back = plan;
    AliasChange& change = back.alias_change;
    change.removes.clear();
    for (const auto& add : plan.alias_change.adds) change.removes.push_back(add.index);  // must_exist on what we set
    change.adds.clear();
    for (const auto& target : plan.alias_change.current) {
        const auto& removed = plan.alias_change.removes;
        if (std::find(removed.begin(), removed.end(), target.index) != removed.end()) change.adds.push_back(target);
    }
    change.after = plan.old_indices;
    back.old_indices = plan.alias_change.after;  // what the swap left, observed by its verification
    back.new_indices = plan.old_indices;
    back.deletions.clear();
    back.merges.clear();
    if (const auto* live = plan.live_generation()) {
        back.candidate = *live;
    } else {
        back.candidate = GenerationSummary{};
        back.candidate->run_id = "(none: the alias did not exist)";
    }
    return back;
}

ClusterServing planned_serving(const Member& member) {
    ClusterServing serving{member.name, "", ""};
    if (!member.plan) {
        serving.detail = "not planned";
        return serving;
    }
    std::string live;
    for (const auto& generation : member.plan->generations)
        if (generation.live) live += (live.empty() ? "" : "+") + std::string(generation.run_id);
    if (member.plan->old_indices.empty()) serving.detail = "no alias";
    else if (live.find('+') != std::string::npos) serving.detail = "a mix: " + live;
    else if (live.empty()) serving.detail = "no generation of this job";
    else serving.generation = live;
    return serving;
}

ClusterServing read_serving(Member& member) {
    ClusterServing serving{member.name, "", ""};
    const Plan& plan = *member.plan;
    auto body = member.context.client.get_alias(plan.alias);
    if (!body) {
        serving.detail = "its alias cannot be read: " + body.error().message;
        return serving;
    }
    auto table = AliasTable::parse(*body, "GET /_alias/" + plan.alias);
    if (!table) {
        serving.detail = "its alias cannot be read: " + table.error().message;
        return serving;
    }
    const auto views = table->indices_with(plan.alias);
    const std::vector<std::string> now(views.begin(), views.end());
    if (plan.candidate && now == sorted_strings(plan.alias_change.after)) {
        serving.generation = std::string(plan.candidate->run_id);
    } else if (now == sorted_strings(plan.old_indices)) {
        serving = planned_serving(member);
    } else {
        serving.detail = "the alias points to [" + join_first(now, 6) + "]";
    }
    return serving;
}

bool same_generation(const std::vector<ClusterServing>& serving) {
    // A generation by its instant (two spellings of one instant are one generation); "no alias" is a state too.
    std::optional<std::optional<RunInstant>> first;
    for (const auto& cluster : serving) {
        std::optional<RunInstant> key;
        if (cluster.generation.empty()) {
            if (cluster.detail != "no alias") return false;
        } else {
            auto instant = parse_run_id(cluster.generation);
            if (!instant) return false;
            key = *instant;
        }
        if (first && *first != key) return false;
        first = key;
    }
    return true;
}

}  // namespace aliasing::multi
