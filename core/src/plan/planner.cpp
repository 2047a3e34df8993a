#include "aliasing/plan.hpp"

#include "catalog_scan.hpp"

#include <algorithm>
#include <array>
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
        find_old_indices();

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

    // Which generations the alias points into, and which alias targets are this data source's indices. One pass in
    // catalog order: names are read where they lie in the body, one after the other (planning a million indices
    // must not jump around a body of hundreds of megabytes).
    void find_old_indices() {
        m_generation_live.assign(m_scan.generations.size(), 0);
        if (m_old.empty()) return;
        const auto& records = m_request.catalog.indices();
        for (const auto& named : m_scan.named) {
            const std::string_view name = records[named.record].name;
            if (!m_old.count(name)) continue;
            m_generation_live[named.generation] = 1;
            m_old_of_ours.push_back(name);
            m_old_entities.push_back({name, m_scan.entity_names[named.entity]});
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
            summary.live = m_generation_live[position] != 0;
            for (std::uint32_t member : generation.members) ++counts[m_scan.named[member].entity];
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
        const bool rollback = m_request.mode == PlanMode::Rollback;
        std::size_t candidate_rank = 0;
        if (rollback) {
            auto target = rollback_rank(plan);
            if (!target) return;
            candidate_rank = *target;
        }
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
        if (!plan_alias_change(plan, generation)) return;
        if (rollback) {
            plan.merges.clear();
            plan.new_replicas.reset();
            plan.outcome = PlanOutcome::Promote;
            return;
        }
        if (auto newer = newer_live_generation(plan, candidate)) {
            refuse(plan, *newer);
            return;
        }

        const auto& removes = plan.alias_change.removes;  // kept foreign targets stay: they are not compared
        const bool already_live = removes.size() == plan.new_indices.size() &&
                                  std::equal(removes.begin(), removes.end(), plan.new_indices.begin());
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

    // The swap's actions (alias_targets.cpp): refused when a property cannot be carried or foreign targets are
    // not provided for by the job.
    bool plan_alias_change(Plan& plan, const Generation& generation) {
        std::vector<EntityIndex> next;
        for (std::uint32_t member : generation.members) {
            const auto& named = m_scan.named[member];
            next.push_back({m_request.catalog.indices()[named.record].name, m_scan.entity_names[named.entity]});
        }
        auto change = aliasing::plan_alias_change({plan.alias, m_request.aliases, plan.old_indices, m_old_entities,
                                                   next, m_request.job.foreign_alias_targets});
        if (!change) {
            refuse(plan, change.error().message);
            return false;
        }
        plan.alias_change = std::move(change).value();
        return true;
    }

    // Rollback target: the newest complete generation older than the one the alias points to, which must be
    // exactly one whole generation of this data source.
    std::optional<std::size_t> rollback_rank(Plan& plan) {
        std::optional<std::size_t> live;
        for (std::size_t rank = 0; rank < plan.generations.size(); ++rank) {
            if (!plan.generations[rank].live) continue;
            if (live) {
                refuse(plan, "alias [" + plan.alias + "] points to indices of several generations (" +
                                 std::string(plan.generations[*live].run_id) + ", " +
                                 std::string(plan.generations[rank].run_id) + "); fix it by hand before a rollback");
                return std::nullopt;
            }
            live = rank;
        }
        if (!live) {
            refuse(plan, "alias [" + plan.alias + "] does not point to a generation of data source [" +
                             plan.data_source + "] under index_base [" + plan.index_base + "]: nothing to roll back from");
            return std::nullopt;
        }
        const auto& generation = m_scan.generations[m_order[*live]];
        if (generation.members.size() != plan.old_indices.size()) {
            refuse(plan, "alias [" + plan.alias + "] does not point to exactly the indices of generation " +
                             std::string(generation.run_id) + "; fix it by hand before a rollback");
            return std::nullopt;
        }
        for (std::size_t rank = *live + 1; rank < plan.generations.size(); ++rank) {
            if (plan.generations[rank].complete && !plan.generations[rank].future) return rank;
        }
        refuse(plan, "no complete generation older than the live " + std::string(generation.run_id) +
                         " is left to roll back to; keep_generations in the job file keeps them after a promotion");
        return std::nullopt;
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
        // Each older generation is either kept for rollback or deleted; newer ones and the candidate are untouched.
        enum class Fate : std::uint8_t { Untouched, Retained, Deleted };
        std::vector<Fate> fate(m_scan.generations.size(), Fate::Untouched);
        std::vector<std::uint32_t> rank_of(m_scan.generations.size(), 0);
        std::vector<RankedNote> kept;  // in the order of the ranks, each rank's indices in catalog order
        int keep = m_request.job.keep_generations;
        for (std::size_t rank = candidate_rank + 1; rank < plan.generations.size(); ++rank) {
            const GenerationSummary& summary = plan.generations[rank];
            const std::uint32_t position = m_order[rank];
            rank_of[position] = static_cast<std::uint32_t>(rank);
            const bool retained = summary.complete && keep > 0;
            fate[position] = retained ? Fate::Retained : Fate::Deleted;
            if (!retained) continue;
            --keep;
            const std::string reason = "generation " + std::string(summary.run_id) +
                                       " kept for rollback (keep_generations=" +
                                       std::to_string(m_request.job.keep_generations) + ")";
            for (std::uint32_t member : m_scan.generations[position].members) {
                kept.push_back({rank, {records[m_scan.named[member].record].name, reason}});
            }
        }
        // The deletion candidates in catalog order, so the body is read front to back; each name's sort key is
        // taken while it is at hand.
        const std::size_t common_prefix = plan.index_base.size() + 1;  // every name of ours starts "{index_base}-"
        std::vector<NameKey> deletions;
        constexpr std::size_t kPrefetchAhead = 8;
        for (std::size_t at = 0; at < m_scan.named.size(); ++at) {
            const auto& named = m_scan.named[at];
            if (at + kPrefetchAhead < m_scan.named.size()) {
                __builtin_prefetch(records[m_scan.named[at + kPrefetchAhead].record].name.data());
            }
            if (fate[named.generation] != Fate::Deleted) continue;
            const std::string_view name = records[named.record].name;
            const auto& aliases = m_request.aliases.aliases_of(name);
            if (!aliases.empty()) {
                std::vector<std::string> others;
                for (const auto& alias : aliases) {
                    if (alias != plan.alias) others.push_back(alias);
                }
                if (!others.empty()) {
                    kept.push_back({rank_of[named.generation], {name, "still carries another alias [" + join(others) + "]"}});
                    continue;
                }
            }
            deletions.push_back(NameKey::of(name, common_prefix));
        }
        std::stable_sort(kept.begin(), kept.end(),
                         [](const RankedNote& a, const RankedNote& b) { return a.rank < b.rank; });
        plan.kept.reserve(kept.size());
        for (auto& note : kept) plan.kept.push_back(std::move(note.note));

        // Alias targets outside the data source's naming are never deleted, even when the alias pointed to them.
        for (auto old : plan.old_indices) {
            if (std::find(m_old_of_ours.begin(), m_old_of_ours.end(), old) == m_old_of_ours.end()) {
                plan.kept.push_back({old, "outside the naming of data source [" + plan.data_source +
                                              "] under index_base [" + plan.index_base + "]: never deleted"});
            }
        }
        std::sort(deletions.begin(), deletions.end());
        plan.deletions.reserve(deletions.size());
        for (const auto& deletion : deletions) plan.deletions.push_back(deletion.name);
    }

    struct RankedNote {
        std::size_t rank;
        IndexNote note;
    };

    /// A name with its first 32 bytes after a common prefix as big-endian integers: sorting compares those integers
    /// and reads the name itself only on a tie, so sorting a large deletion set neither calls memcmp per comparison nor
    /// chases every name through the body. Orders exactly as comparing the names (names contain no NUL byte, so the
    /// zero padding of a shorter name sorts first).
    struct NameKey {
        std::array<std::uint64_t, 4> key;
        std::string_view name;

        static NameKey of(std::string_view name, std::size_t prefix) {
            NameKey result{{0, 0, 0, 0}, name};
            const std::string_view rest = name.substr(std::min(prefix, name.size()));
            for (std::size_t word = 0; word < result.key.size(); ++word) {
                const std::size_t at = word * 8;
                std::uint64_t value = 0;
                if (at + 8 <= rest.size()) {
                    for (std::size_t byte = 0; byte < 8; ++byte) value = value << 8 | static_cast<unsigned char>(rest[at + byte]);
                } else {
                    for (std::size_t byte = 0; byte < 8; ++byte) {
                        value = value << 8 | (at + byte < rest.size() ? static_cast<unsigned char>(rest[at + byte]) : 0U);
                    }
                }
                result.key[word] = value;
            }
            return result;
        }
        friend bool operator<(const NameKey& a, const NameKey& b) {
            for (std::size_t word = 0; word < a.key.size(); ++word) {
                if (a.key[word] != b.key[word]) return a.key[word] < b.key[word];
            }
            return a.name < b.name;
        }
    };

    static constexpr std::uint32_t kNoEntity = ~std::uint32_t{0};
    const PlanRequest& m_request;
    CatalogScan m_scan;
    std::vector<std::uint32_t> m_expected_ids;
    std::vector<std::uint32_t> m_order;
    std::unordered_set<std::string_view> m_old;
    std::vector<std::uint8_t> m_generation_live;     // by generation position: the alias points into it
    std::vector<std::string_view> m_old_of_ours;     // alias targets that are this data source's indices
    std::vector<EntityIndex> m_old_entities;         // the same, with their entities: "ours" for the alias change
};

}  // namespace

Result<Plan> make_plan(const PlanRequest& request) {
    auto scan = detail::scan_catalog(request.catalog, request.source, request.job.index_base);
    if (!scan) return scan.error();
    return Planner(request, std::move(scan).value()).run();
}

}  // namespace aliasing
