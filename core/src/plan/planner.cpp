#include "aliasing/plan.hpp"

#include "catalog_scan.hpp"

#include <algorithm>
#include <unordered_set>

namespace aliasing {
namespace {

using detail::CatalogScan;
using detail::Generation;

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ",\"" : "\"") + items[i] + "\"";
    return out + "]";
}

const char* expected_origin(EntitySource source) {
    switch (source) {
        case EntitySource::Job: return "by the job file's entities";
        case EntitySource::Plugin: return "as declared by the data source";
        case EntitySource::Discovered: return "as every entity seen in the catalog";
    }
    return "";
}

class Planner {
public:
    Planner(const PlanRequest& request, CatalogScan scan) : m_request(request), m_scan(std::move(scan)) {}

    Plan run() {
        Plan plan;
        plan.alias = m_request.job.alias_name;
        plan.data_source = m_request.job.data_source;
        plan.index_base = m_request.job.index_base;
        plan.new_replicas = m_request.job.new_replicas;
        plan.max_segment_size_bytes = m_request.job.max_segment_size_bytes.value_or(
            m_request.source.info().merge.default_max_segment_size_bytes);
        plan.ignored = std::move(m_scan.ignored);
        plan.invalid = std::move(m_scan.invalid);

        resolve_expected_entities(plan);
        plan.old_indices = m_request.aliases.indices_with(plan.alias);
        m_old.insert(plan.old_indices.begin(), plan.old_indices.end());

        summarise_generations(plan);
        decide(plan);
        return plan;
    }

private:
    void resolve_expected_entities(Plan& plan) {
        const auto& declared = m_request.source.info().entities;
        if (m_request.job.entities) {
            plan.expected_entities = *m_request.job.entities;
            plan.entities_from = EntitySource::Job;
        } else if (!declared.empty()) {
            plan.expected_entities = declared;
            plan.entities_from = EntitySource::Plugin;
        } else {
            for (auto entity : m_scan.entity_names) plan.expected_entities.emplace_back(entity);
            plan.entities_from = EntitySource::Discovered;
        }
        std::sort(plan.expected_entities.begin(), plan.expected_entities.end());
        // Map each expected entity to its interned id (or none when no index has it at all).
        for (const auto& entity : plan.expected_entities) {
            auto it = std::find(m_scan.entity_names.begin(), m_scan.entity_names.end(), entity);
            m_expected_ids.push_back(it == m_scan.entity_names.end()
                                         ? kNoEntity
                                         : static_cast<std::uint32_t>(it - m_scan.entity_names.begin()));
        }
    }

    void summarise_generations(Plan& plan) {
        const auto& records = m_request.catalog.indices();
        const std::int64_t horizon = m_request.now.epoch_nanos + kFutureSkewNanos;
        std::vector<std::uint32_t> counts(m_scan.entity_names.size(), 0);
        m_order = m_scan.newest_first();
        for (std::uint32_t position : m_order) {
            const Generation& generation = m_scan.generations[position];
            GenerationSummary summary;
            summary.run_id = generation.run_id;
            summary.instant = generation.instant;
            summary.index_count = generation.members.size();
            summary.future = generation.instant.epoch_nanos > horizon;
            std::fill(counts.begin(), counts.end(), 0);
            for (std::uint32_t member : generation.members) {
                const auto& named = m_scan.named[member];
                ++counts[named.entity];
                if (m_old.count(records[named.record].name)) summary.live = true;
            }
            for (std::size_t e = 0; e < m_expected_ids.size(); ++e) {
                if (m_expected_ids[e] == kNoEntity || counts[m_expected_ids[e]] == 0) {
                    summary.missing.push_back(plan.expected_entities[e]);
                }
            }
            summary.complete = summary.missing.empty();
            if (summary.future) {
                for (std::uint32_t member : generation.members) {
                    plan.future.push_back({records[m_scan.named[member].record].name,
                                           "generation " + std::string(generation.run_id) +
                                               " is more than 5 minutes in the future (clock skew?): skipped"});
                }
            }
            plan.generations.push_back(std::move(summary));
        }
    }

    void refuse(Plan& plan, std::string reason) {
        plan.outcome = PlanOutcome::Refused;
        plan.reason = std::move(reason);
    }

    void decide(Plan& plan) {
        const auto& records = m_request.catalog.indices();
        std::size_t candidate_rank = 0;
        while (candidate_rank < plan.generations.size() && plan.generations[candidate_rank].future) ++candidate_rank;
        if (candidate_rank == plan.generations.size()) {
            refuse(plan, "nothing to promote: no index of data source [" + plan.data_source + "] under index_base [" +
                             plan.index_base + "] has a valid run id that is not in the future (" +
                             std::to_string(plan.ignored.size()) + " ignored, " +
                             std::to_string(plan.invalid.size()) + " invalid, " +
                             std::to_string(plan.future.size()) + " in the future)");
            return;
        }
        const Generation& generation = m_scan.generations[m_order[candidate_rank]];
        plan.candidate = plan.generations[candidate_rank];
        const GenerationSummary& candidate = *plan.candidate;
        const std::string run_id(candidate.run_id);

        for (std::uint32_t member : generation.members) plan.new_indices.push_back(records[m_scan.named[member].record].name);
        std::sort(plan.new_indices.begin(), plan.new_indices.end());

        const auto& policy = m_request.source.info().merge;
        for (std::uint32_t member : generation.members) {
            plan.merges.push_back(size_merge(records[m_scan.named[member].record], policy,
                                             plan.max_segment_size_bytes, m_request.job.forcemerge_new));
        }
        std::sort(plan.merges.begin(), plan.merges.end(),
                  [](const MergeRow& a, const MergeRow& b) { return a.index < b.index; });

        if (!candidate.complete) {
            std::vector<std::string> present;
            for (const auto& entity : plan.expected_entities) {
                if (std::find(candidate.missing.begin(), candidate.missing.end(), entity) == candidate.missing.end())
                    present.push_back(entity);
            }
            std::string advice = "wait for the ETL run to finish writing it; an older generation is never promoted "
                                 "in its place";
            if (plan.entities_from != EntitySource::Job && !present.empty()) {
                advice += ". If an entity was retired, pin the entities a complete generation must have in the job "
                          "file: \"entities\": " + quoted_list(present);
            }
            refuse(plan, "incomplete generation " + run_id + ": no index for entit" +
                             (candidate.missing.size() == 1 ? "y [" : "ies [") + join(candidate.missing) +
                             "] (expected " + expected_origin(plan.entities_from) + ": " +
                             join(plan.expected_entities) + "); " + advice);
            return;
        }
        if (auto duplicate = duplicate_entity(generation)) {
            refuse(plan, *duplicate);
            return;
        }
        for (std::uint32_t member : generation.members) {
            const IndexRecord& record = records[m_scan.named[member].record];
            if (record.state == IndexState::Closed) {
                refuse(plan, "new index [" + std::string(record.name) + "] of generation " + run_id +
                                 " is closed; open it (POST /" + std::string(record.name) + "/_open) or fix the ETL run");
                return;
            }
            if (record.health == IndexHealth::Red) {
                refuse(plan, "new index [" + std::string(record.name) + "] of generation " + run_id +
                                 " is red (a primary shard is unassigned); fix the cluster before promoting");
                return;
            }
        }
        if (auto newer = newer_live_generation(plan, candidate)) {
            refuse(plan, *newer);
            return;
        }

        const bool already_live =
            plan.old_indices.size() == plan.new_indices.size() &&
            std::equal(plan.old_indices.begin(), plan.old_indices.end(), plan.new_indices.begin());
        if (m_request.job.delete_old) plan_deletions(plan, candidate_rank);
        if (already_live) {
            plan.merges.clear();
            if (!plan.deletions.empty()) {
                plan.outcome = PlanOutcome::CleanupOnly;
                plan.reason = "alias [" + plan.alias + "] already points to generation " + run_id +
                              "; only the cleanup of older generations left by an earlier run remains";
            } else {
                plan.outcome = PlanOutcome::AlreadyLive;
                plan.reason = "alias [" + plan.alias + "] already points to generation " + run_id +
                              " (" + std::to_string(plan.new_indices.size()) + " indices): nothing to do";
            }
            return;
        }
        plan.outcome = PlanOutcome::Promote;
    }

    std::optional<std::string> duplicate_entity(const Generation& generation) const {
        const auto& records = m_request.catalog.indices();
        std::vector<std::vector<std::string_view>> by_entity(m_scan.entity_names.size());
        for (std::uint32_t member : generation.members) {
            const auto& named = m_scan.named[member];
            by_entity[named.entity].push_back(records[named.record].name);
        }
        for (std::size_t e = 0; e < by_entity.size(); ++e) {
            if (by_entity[e].size() < 2) continue;
            std::sort(by_entity[e].begin(), by_entity[e].end());
            std::string names;
            for (auto name : by_entity[e]) names += (names.empty() ? "" : ", ") + std::string(name);
            return "generation " + std::string(generation.run_id) + " has " + std::to_string(by_entity[e].size()) +
                   " indices for entity [" + std::string(m_scan.entity_names[e]) +
                   "] (the same instant spelled differently, or both naming layouts): " + names +
                   "; delete all but one before promoting";
        }
        return std::nullopt;
    }

    // Refuse to move the alias backwards: that is what `aliasing rollback` is for.
    std::optional<std::string> newer_live_generation(const Plan& plan, const GenerationSummary& candidate) const {
        for (const auto& generation : plan.generations) {
            if (generation.live && generation.instant > candidate.instant) {
                return "alias [" + plan.alias + "] points to generation " + std::string(generation.run_id) +
                       ", which is newer than the newest promotable generation " + std::string(candidate.run_id) +
                       "; refusing to move the alias backwards (use `aliasing rollback` for that)";
            }
        }
        return std::nullopt;
    }

    void plan_deletions(Plan& plan, std::size_t candidate_rank) {
        const auto& records = m_request.catalog.indices();
        int keep = m_request.job.keep_generations;
        for (std::size_t rank = candidate_rank + 1; rank < plan.generations.size(); ++rank) {
            const GenerationSummary& summary = plan.generations[rank];
            const Generation& generation = m_scan.generations[m_order[rank]];
            const bool retained = summary.complete && keep > 0;
            if (retained) --keep;
            for (std::uint32_t member : generation.members) {
                const std::string_view name = records[m_scan.named[member].record].name;
                if (retained) {
                    plan.kept.push_back({name, "generation " + std::string(summary.run_id) +
                                                   " kept for rollback (keep_generations=" +
                                                   std::to_string(m_request.job.keep_generations) + ")"});
                    continue;
                }
                std::vector<std::string> others;
                for (const auto& alias : m_request.aliases.aliases_of(name)) {
                    if (alias != plan.alias) others.push_back(alias);
                }
                if (!others.empty()) {
                    plan.kept.push_back({name, "still carries another alias [" + join(others) + "]"});
                    continue;
                }
                plan.deletions.push_back(name);
            }
        }
        // Alias targets outside the data source's naming are never deleted, even when the alias pointed to them.
        std::unordered_set<std::string_view> ours;
        for (const auto& named : m_scan.named) ours.insert(records[named.record].name);
        for (auto old : plan.old_indices) {
            if (!ours.count(old)) {
                plan.kept.push_back({old, "outside the naming of data source [" + plan.data_source +
                                              "] under index_base [" + plan.index_base + "]: never deleted"});
            }
        }
        std::sort(plan.deletions.begin(), plan.deletions.end());
    }

    static constexpr std::uint32_t kNoEntity = ~std::uint32_t{0};
    const PlanRequest& m_request;
    CatalogScan m_scan;
    std::vector<std::uint32_t> m_expected_ids;
    std::vector<std::uint32_t> m_order;
    std::unordered_set<std::string_view> m_old;
};

}  // namespace

Result<Plan> make_plan(const PlanRequest& request) {
    auto scan = detail::scan_catalog(request.catalog, request.source, request.job.index_base);
    if (!scan) return scan.error();
    return Planner(request, std::move(scan).value()).run();
}

}  // namespace aliasing
