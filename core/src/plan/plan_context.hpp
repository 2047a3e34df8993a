#pragma once
// Private to planning: what the steps of planning share (the request, the scanned catalog and what is derived
// from them once), and the steps themselves, one concept per file:
//   planner.cpp    orchestration: expected entities, generation summaries, the decision
//   ownership.cpp  which entities and indices are the job's; discovery-mode ambiguity; new entities
//   candidate.cpp  checks of the generation to promote
//   rollback.cpp   the rollback target
//   retention.cpp  what keep_generations retains and the deletion set

#include "catalog_scan.hpp"

#include "aliasing/plan/ownership.hpp"
#include "aliasing/common/join.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aliasing::detail {

inline constexpr std::uint32_t kNoEntity = ~std::uint32_t{0};

struct PlanContext {
    PlanContext(const PlanRequest& plan_request, EntityOwnership entity_ownership, CatalogScan catalog_scan)
        : request(plan_request), ownership(std::move(entity_ownership)), scan(std::move(catalog_scan)) {}

    const PlanRequest& request;
    EntityOwnership ownership;
    CatalogScan scan;
    std::vector<std::uint32_t> order;  // by rank (newest first): the generation's position in scan
    std::vector<std::uint32_t>
        expected_ids;  // interned id of each expected entity, kNoEntity if no index has it
    std::vector<std::uint8_t> generation_live;  // by position: the alias points into it
    // By rank: the generation has every expected entity that it or an older generation has. An entity first
    // written by a newer generation is not expected of it: it was complete when it was promoted (R5).
    std::vector<std::uint8_t> complete_in_its_time;
    std::vector<std::string_view> old_of_ours;  // alias targets that are this job's indices

    const IndexRecord& record_of(std::uint32_t member) const {
        return request.catalog.indices()[scan.named[member].record];
    }
    const Generation& at_rank(std::size_t rank) const { return scan.generations[order[rank]]; }
};

inline void refuse(Plan& plan, std::string reason) {
    plan.outcome = PlanOutcome::Refused;
    plan.reason = std::move(reason);
}

/// `["a","b"]`, as the job file spells a list.
inline std::string quoted_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ",\"" : "\"") + items[i] + "\"";
    return out + "]";
}

// ownership.cpp
/// Discovery mode: the refusal when an entity name is ambiguous (O4), naming what to pin; nullopt otherwise.
std::optional<std::string> ambiguity_refusal(const PlanContext& context, const Plan& plan);
/// Entities of the candidate that no live generation has (O5), sorted; empty when the alias is on none of
/// ours.
std::vector<std::string> new_entities(const PlanContext& context, const Plan& plan,
                                      const Generation& candidate);

// candidate.cpp
/// "incomplete generation …", naming the missing entities and, when an entity was retired, what to pin.
std::string incomplete_refusal(const Plan& plan, const GenerationSummary& candidate);
/// Several indices for one entity in the generation.
std::optional<std::string> duplicate_entity(const PlanContext& context, const Generation& generation);
/// A new index that is closed or red, or whose status or health the catalog does not say.
std::optional<std::string> unusable_new_index(const PlanContext& context, const Generation& generation);
/// The alias points to a generation newer than the candidate: never move it backwards.
std::optional<std::string> newer_live_generation(const Plan& plan, const GenerationSummary& candidate);

// rollback.cpp
/// An alias target of this job's with its entity and primary document count.
struct LiveIndex {
    std::string_view index;
    std::string_view entity;
    std::uint64_t docs = 0;
};
/// The content gates a catalog allows (content_gates.cpp): the document counts of `generation` against `live`;
/// mapping, smoke query and disk "not evaluated offline". A refused gate refuses the plan.
void plan_content_gates(const PlanContext& context, Plan& plan, const Generation& generation,
                        const std::vector<LiveIndex>& live);

/// The rank of the rollback target; otherwise the plan is refused and nullopt returned.
std::optional<std::size_t> rollback_rank(const PlanContext& context, Plan& plan);

// retention.cpp
/// Fills plan.deletions and plan.kept (R1–R7) for promoting the generation at `candidate_rank`.
void plan_deletions(const PlanContext& context, Plan& plan, std::size_t candidate_rank);

}  // namespace aliasing::detail
