// Planning (SPEC §6): the order of the steps. The rules a reviewer must trust sit in their own files (see
// plan_context.hpp): ownership.cpp, candidate.cpp, rollback.cpp, retention.cpp.
#include "aliasing/plan/plan.hpp"

#include "aliasing/plan/alias_targets.hpp"

#include "plan_context.hpp"

#include <algorithm>
#include <unordered_set>

namespace aliasing {
namespace {

using detail::Generation;
using detail::PlanContext;

class Planner {
  public:
    explicit Planner(PlanContext& context) : m_context(context) {}

    Plan run() {
        Plan plan;
        const Job& job = m_context.request.job;
        plan.alias = job.alias_name;
        plan.data_source = job.data_source;
        plan.index_base = job.index_base;
        plan.new_replicas = job.new_replicas;
        plan.max_segment_size_bytes = job.max_segment_size_bytes.value_or(
            m_context.request.source.info().merge.default_max_segment_size_bytes);
        plan.ignored = std::move(m_context.scan.ignored);
        plan.invalid = std::move(m_context.scan.invalid);

        resolve_expected_entities(plan);
        plan.old_indices = m_context.request.aliases.indices_with(plan.alias);
        find_old_indices(plan);

        summarise_generations(plan);
        if (auto ambiguous = detail::ambiguity_refusal(m_context, plan)) {
            detail::refuse(plan, std::move(*ambiguous));
            return plan;
        }
        decide(plan);
        return plan;
    }

  private:
    void resolve_expected_entities(Plan& plan) {
        plan.entities_from = m_context.ownership.source();
        if (m_context.ownership.fixed()) {
            plan.expected_entities = m_context.ownership.entities();
        } else {
            for (auto entity : m_context.scan.entity_names) plan.expected_entities.emplace_back(entity);
            std::sort(plan.expected_entities.begin(), plan.expected_entities.end());
        }
        // Map each expected entity to its interned id (or none when no index has it at all).
        for (const auto& entity : plan.expected_entities) {
            auto it =
                std::find(m_context.scan.entity_names.begin(), m_context.scan.entity_names.end(), entity);
            m_context.expected_ids.push_back(
                it == m_context.scan.entity_names.end()
                    ? detail::kNoEntity
                    : static_cast<std::uint32_t>(it - m_context.scan.entity_names.begin()));
        }
    }

    // Which generations the alias points into, and which alias targets are this job's indices. One pass in
    // catalog order: names are read where they lie in the body, one after the other (planning a million
    // indices must not jump around a body of hundreds of megabytes).
    void find_old_indices(const Plan& plan) {
        m_context.generation_live.assign(m_context.scan.generations.size(), 0);
        if (plan.old_indices.empty()) return;
        // Hashed through a wrapper: for std::hash<string_view> itself, libstdc++ searches a set of up to 20 names
        // (the usual alias) by comparing every element, a memcmp per same-length name for each of our indices.
        struct NameHash {
            std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
        };
        const std::unordered_set<std::string_view, NameHash> old(plan.old_indices.begin(), plan.old_indices.end());
        const auto& records = m_context.request.catalog.indices();
        for (const auto& named : m_context.scan.named) {
            const std::string_view name = records[named.record].name;
            if (!old.count(name)) continue;
            m_context.generation_live[named.generation] = 1;
            m_context.old_of_ours.push_back(name);
            m_old_entities.push_back({name, m_context.scan.entity_names[named.entity]});
            m_live.push_back({name, m_context.scan.entity_names[named.entity], records[named.record].docs_count});
        }
    }

    void summarise_generations(Plan& plan) {
        const std::int64_t horizon = m_context.request.now.epoch_nanos + kFutureSkewNanos;
        std::vector<std::uint32_t> counts(m_context.scan.entity_names.size(), 0);
        std::vector<std::size_t> oldest_rank(m_context.expected_ids.size(),
                                             0);  // of each expected entity's indices
        std::vector<bool> seen(m_context.expected_ids.size(), false);
        m_context.order = m_context.scan.newest_first();
        for (std::size_t rank = 0; rank < m_context.order.size(); ++rank) {
            const std::uint32_t position = m_context.order[rank];
            const Generation& generation = m_context.scan.generations[position];
            GenerationSummary summary;
            summary.run_id = generation.run_id;
            summary.instant = generation.instant;
            summary.index_count = generation.members.size();
            summary.future = generation.instant.epoch_nanos > horizon;
            std::fill(counts.begin(), counts.end(), 0);
            summary.live = m_context.generation_live[position] != 0;
            for (std::uint32_t member : generation.members) ++counts[m_context.scan.named[member].entity];
            for (std::size_t e = 0; e < m_context.expected_ids.size(); ++e) {
                if (m_context.expected_ids[e] == detail::kNoEntity ||
                    counts[m_context.expected_ids[e]] == 0) {
                    summary.missing.push_back(plan.expected_entities[e]);
                } else {
                    oldest_rank[e] = rank;
                    seen[e] = true;
                }
            }
            summary.complete = summary.missing.empty();
            if (summary.future) {
                for (std::uint32_t member : generation.members) {
                    plan.future.push_back(
                        {m_context.record_of(member).name,
                         "generation " + std::string(generation.run_id) +
                             " is more than 5 minutes in the future (clock skew?): skipped"});
                }
            }
            plan.generations.push_back(std::move(summary));
        }
        // Complete in its time: missing only entities whose oldest index is in a newer generation.
        m_context.complete_in_its_time.assign(plan.generations.size(), 1);
        for (std::size_t rank = 0; rank < plan.generations.size(); ++rank) {
            for (const auto& missing : plan.generations[rank].missing) {
                const auto e = static_cast<std::size_t>(
                    std::find(plan.expected_entities.begin(), plan.expected_entities.end(), missing) -
                    plan.expected_entities.begin());
                if (seen[e] && oldest_rank[e] > rank) {
                    m_context.complete_in_its_time[rank] = 0;
                    break;
                }
            }
        }
    }

    void decide(Plan& plan) {
        const bool rollback = m_context.request.mode == PlanMode::Rollback;
        std::size_t candidate_rank = 0;
        if (rollback) {
            auto target = detail::rollback_rank(m_context, plan);
            if (!target) return;
            candidate_rank = *target;
        }
        while (candidate_rank < plan.generations.size() && plan.generations[candidate_rank].future)
            ++candidate_rank;
        if (candidate_rank == plan.generations.size()) {
            detail::refuse(plan, "nothing to promote: no index of data source [" + plan.data_source +
                                     "] under index_base [" + plan.index_base +
                                     "] has a valid run id that is not in the future (" +
                                     std::to_string(plan.ignored.size()) + " ignored, " +
                                     std::to_string(plan.invalid.size()) + " invalid, " +
                                     std::to_string(plan.future.size()) + " in the future)");
            return;
        }
        const Generation& generation = m_context.at_rank(candidate_rank);
        plan.candidate = plan.generations[candidate_rank];
        const GenerationSummary& candidate = *plan.candidate;
        const std::string run_id(candidate.run_id);

        for (std::uint32_t member : generation.members)
            plan.new_indices.push_back(m_context.record_of(member).name);
        std::sort(plan.new_indices.begin(), plan.new_indices.end());
        plan.new_entities = detail::new_entities(m_context, plan, generation);

        const auto& policy = m_context.request.source.info().merge;
        for (std::uint32_t member : generation.members) {
            plan.merges.push_back(size_merge(m_context.record_of(member), policy, plan.max_segment_size_bytes,
                                             m_context.request.job.forcemerge_new));
        }
        std::sort(plan.merges.begin(), plan.merges.end(),
                  [](const MergeRow& a, const MergeRow& b) { return a.index < b.index; });

        // A rollback target is complete in its time (checked by rollback_rank), not necessarily against
        // today's entities.
        if (!rollback && !candidate.complete) {
            detail::refuse(plan, detail::incomplete_refusal(plan, candidate));
            return;
        }
        if (auto problem = detail::duplicate_entity(m_context, generation)) {
            detail::refuse(plan, std::move(*problem));
            return;
        }
        if (auto problem = detail::unusable_new_index(m_context, generation)) {
            detail::refuse(plan, std::move(*problem));
            return;
        }
        if (!plan_alias_change(plan, generation)) return;
        if (rollback) {
            plan.merges.clear();
            plan.new_replicas.reset();
            plan.outcome = PlanOutcome::Promote;
            return;
        }
        if (auto newer = detail::newer_live_generation(plan, candidate)) {
            detail::refuse(plan, std::move(*newer));
            return;
        }

        const auto& removes = plan.alias_change.removes;  // kept foreign targets stay: they are not compared
        const bool already_live = removes.size() == plan.new_indices.size() &&
                                  std::equal(removes.begin(), removes.end(), plan.new_indices.begin());
        if (m_context.request.job.delete_old) detail::plan_deletions(m_context, plan, candidate_rank);
        if (already_live) {
            plan.merges.clear();
            if (!plan.deletions.empty()) {
                plan.outcome = PlanOutcome::CleanupOnly;
                plan.reason = "alias [" + plan.alias + "] already points to generation " + run_id +
                              "; only the cleanup of older generations left by an earlier run remains";
            } else {
                plan.outcome = PlanOutcome::AlreadyLive;
                plan.reason = "alias [" + plan.alias + "] already points to generation " + run_id + " (" +
                              std::to_string(plan.new_indices.size()) + " indices): nothing to do";
            }
            return;
        }
        plan.outcome = PlanOutcome::Promote;
        detail::plan_content_gates(m_context, plan, generation, m_live);
    }

    // The swap's actions (alias_targets.cpp): refused when a property cannot be carried or foreign targets are
    // not provided for by the job. "Ours" are the alias targets this job owns (ownership.cpp).
    bool plan_alias_change(Plan& plan, const Generation& generation) {
        std::vector<EntityIndex> next;
        for (std::uint32_t member : generation.members) {
            const auto& named = m_context.scan.named[member];
            next.push_back({m_context.record_of(member).name, m_context.scan.entity_names[named.entity]});
        }
        auto change = aliasing::plan_alias_change({plan.alias, m_context.request.aliases, plan.old_indices,
                                                   m_old_entities, next, m_context.request.job.foreign_alias_targets});
        if (!change) {
            detail::refuse(plan, change.error().message);
            return false;
        }
        plan.alias_change = std::move(change).value();
        return true;
    }

    PlanContext& m_context;
    std::vector<EntityIndex> m_old_entities;  // the alias targets this job owns, with their entities
    std::vector<detail::LiveIndex> m_live;    // the same, with their primary document counts
};

}  // namespace

Result<Plan> make_plan(const PlanRequest& request) {
    EntityOwnership ownership(request.job, request.source.info());
    auto scan = detail::scan_catalog(request.catalog, request.source, request.job.index_base, ownership);
    if (!scan) return scan.error();
    PlanContext context(request, std::move(ownership), std::move(scan).value());
    return Planner(context).run();
}

}  // namespace aliasing
