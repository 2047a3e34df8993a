// Checks of the generation to promote (SPEC §6.3–§6.5): complete, one index per entity, every index open and
// not red, and not older than what the alias points to.
#include "plan_context.hpp"

#include <algorithm>

namespace aliasing::detail {
namespace {

const char* expected_origin(EntitySource source) {
    switch (source) {
        case EntitySource::Job:
            return "by the job file's entities";
        case EntitySource::Plugin:
            return "as declared by the data source";
        case EntitySource::Discovered:
            return "as every entity seen in the catalog";
    }
    return "";
}

constexpr const char* kCatColumns =
    "re-read it with GET "
    "_cat/indices/{index_base}-*?format=json&bytes=b&h=health,status,index,pri,rep,docs.count,"
    "pri.store.size,pri.segments.count";

}  // namespace

std::string incomplete_refusal(const Plan& plan, const GenerationSummary& candidate) {
    std::vector<std::string> present;
    for (const auto& entity : plan.expected_entities) {
        if (std::find(candidate.missing.begin(), candidate.missing.end(), entity) == candidate.missing.end())
            present.push_back(entity);
    }
    std::string advice =
        "wait for the ETL run to finish writing it; an older generation is never promoted in its place";
    if (plan.entities_from != EntitySource::Job && !present.empty()) {
        advice +=
            ". If an entity was retired, pin the entities a complete generation must have in the job file: "
            "\"entities\": " +
            quoted_list(present);
    }
    return "incomplete generation " + std::string(candidate.run_id) + ": no index for entit" +
           (candidate.missing.size() == 1 ? "y [" : "ies [") + join(candidate.missing) + "] (expected " +
           expected_origin(plan.entities_from) + ": " + join(plan.expected_entities) + "); " + advice;
}

std::optional<std::string> duplicate_entity(const PlanContext& context, const Generation& generation) {
    std::vector<std::vector<std::string_view>> by_entity(context.scan.entity_names.size());
    for (std::uint32_t member : generation.members) {
        by_entity[context.scan.named[member].entity].push_back(context.record_of(member).name);
    }
    for (std::size_t e = 0; e < by_entity.size(); ++e) {
        if (by_entity[e].size() < 2) continue;
        std::sort(by_entity[e].begin(), by_entity[e].end());
        std::string names;
        for (auto name : by_entity[e]) names += (names.empty() ? "" : ", ") + std::string(name);
        return "generation " + std::string(generation.run_id) + " has " +
               std::to_string(by_entity[e].size()) + " indices for entity [" +
               std::string(context.scan.entity_names[e]) +
               "] (the same instant spelled differently, or both naming layouts): " + names +
               "; delete all but one before promoting";
    }
    return std::nullopt;
}

std::optional<std::string> unusable_new_index(const PlanContext& context, const Generation& generation) {
    const std::string run_id(generation.run_id);
    for (std::uint32_t member : generation.members) {
        const IndexRecord& record = context.record_of(member);
        const std::string name(record.name);
        // A catalog without these columns says nothing about them: never assume open and green (SPEC §6.5).
        if (!record.status_known) {
            return "the catalog has no `status` column for new index [" + name +
                   "]: whether it is open is unknown; " + kCatColumns;
        }
        if (record.state == IndexState::Closed) {
            return "new index [" + name + "] of generation " + run_id + " is closed; open it (POST /" + name +
                   "/_open) or fix the ETL run";
        }
        if (!record.health_known) {
            return "the catalog has no `health` column for new index [" + name +
                   "]: whether a primary shard is unassigned is unknown; " + kCatColumns;
        }
        if (record.health == IndexHealth::Red) {
            return "new index [" + name + "] of generation " + run_id +
                   " is red (a primary shard is unassigned); fix the cluster before promoting";
        }
    }
    return std::nullopt;
}

// Refuse to move the alias backwards: that is what `aliasing rollback` is for.
std::optional<std::string> newer_live_generation(const Plan& plan, const GenerationSummary& candidate) {
    for (const auto& generation : plan.generations) {
        if (generation.live && generation.instant > candidate.instant) {
            return "alias [" + plan.alias + "] points to generation " + std::string(generation.run_id) +
                   ", which is newer than the newest promotable generation " + std::string(candidate.run_id) +
                   "; refusing to move the alias backwards (use `aliasing rollback` for that)";
        }
    }
    return std::nullopt;
}

}  // namespace aliasing::detail
