// Agreeing on the one generation every cluster promotes (docs/multi-cluster.md M1–M3). Pure: no I/O.
#include "aliasing/multi/multi_cluster.hpp"

#include "aliasing/common/join.hpp"

#include <algorithm>
#include <set>

namespace aliasing {
namespace {

std::vector<std::string> present_entities(const Plan& plan) {
    std::vector<std::string> present;
    for (const auto& entity : plan.expected_entities) {
        const auto& missing = plan.candidate->missing;
        if (std::find(missing.begin(), missing.end(), entity) == missing.end()) present.push_back(entity);
    }
    std::sort(present.begin(), present.end());
    return present;
}

// What a cluster whose candidate is not the agreed one has of the agreed generation.
std::string lacking(const Plan& plan, const Agreement& agreed) {
    for (const auto& generation : plan.generations) {
        if (generation.instant != agreed.instant) continue;
        if (generation.future) return "has generation " + agreed.run_id + " only in the future (clock skew)";
        if (!generation.missing.empty()) {
            std::vector<std::string> missing(generation.missing.begin(), generation.missing.end());
            return "lacks entit" + std::string(missing.size() == 1 ? "y [" : "ies [") + join(missing) +
                   "] of generation " + agreed.run_id;
        }
        return "has generation " + agreed.run_id + " but would promote " + std::string(plan.candidate->run_id);
    }
    return "has no index of generation " + agreed.run_id + " (its newest: " + std::string(plan.candidate->run_id) + ")";
}

}  // namespace

Result<Agreement> agree_on_candidate(const std::vector<ClusterPlan>& plans) {
    std::vector<std::string> refusals;
    // M1: every cluster must be able to plan; one refusing refuses the whole run, whatever the others could do.
    for (const auto& [name, plan] : plans) {
        if (plan->outcome == PlanOutcome::Refused)
            refusals.push_back("cluster [" + std::string(name) + "] refuses: " + plan->reason);
        else if (!plan->candidate)
            refusals.push_back("cluster [" + std::string(name) + "] has no generation to promote");
    }
    if (!refusals.empty())
        return make_error(ErrorKind::Validation,
                          join(refusals) + "; every cluster must be able to promote: nothing was changed on any");

    // M2: the newest candidate of any cluster; an older one elsewhere means that cluster lacks it.
    Agreement agreed;
    const ClusterPlan* newest = &plans.front();
    for (const auto& entry : plans)
        if (entry.plan->candidate->instant > newest->plan->candidate->instant) newest = &entry;
    agreed.run_id = std::string(newest->plan->candidate->run_id);
    agreed.instant = newest->plan->candidate->instant;
    std::set<std::string> entities;
    for (const auto& [name, plan] : plans) {
        if (plan->candidate->instant != agreed.instant) {
            refusals.push_back("cluster [" + std::string(name) + "] " + lacking(*plan, agreed));
            continue;
        }
        for (auto& entity : present_entities(*plan)) entities.insert(entity);
    }
    agreed.entities.assign(entities.begin(), entities.end());
    // M3: the same entities everywhere (discovery mode expects on each cluster only what it has seen there).
    for (const auto& [name, plan] : plans) {
        if (plan->candidate->instant != agreed.instant) continue;
        const auto present = present_entities(*plan);
        std::vector<std::string> missing;
        std::set_difference(agreed.entities.begin(), agreed.entities.end(), present.begin(), present.end(),
                            std::back_inserter(missing));
        if (!missing.empty())
            refusals.push_back("cluster [" + std::string(name) + "] lacks entit" +
                               (missing.size() == 1 ? "y [" : "ies [") + join(missing) + "] of generation " +
                               agreed.run_id + ", which another cluster has");
    }
    if (!refusals.empty())
        return make_error(ErrorKind::Validation,
                          join(refusals) + "; every cluster must have generation " + agreed.run_id +
                              " complete: a different generation per cluster is never promoted. Nothing was changed");
    agreed.already_live_everywhere = std::all_of(plans.begin(), plans.end(), [](const ClusterPlan& entry) {
        return entry.plan->outcome == PlanOutcome::AlreadyLive;
    });
    return agreed;
}

std::string describe_split(const std::vector<ClusterServing>& serving) {
    std::string out;
    for (const auto& cluster : serving) {
        out += (out.empty() ? "" : ", ") + cluster.name + " serves ";
        out += cluster.generation.empty() ? "an unknown generation (" + cluster.detail + ")"
                                          : "generation " + cluster.generation;
    }
    return out;
}

}  // namespace aliasing
