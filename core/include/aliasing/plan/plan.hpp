#pragma once
/// Planning (SPEC §6–§7): a pure function of (job, data source, catalog, alias table, clock) that decides what a
/// promotion would do. No I/O: `aliasing plan` runs it offline, `aliasing run` runs it on bodies read from a cluster.

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/plan/alias_targets.hpp"
#include "aliasing/catalog/catalog.hpp"
#include "aliasing/plugins/data_source.hpp"
#include "aliasing/gates/gates.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/plan/ownership.hpp"
#include "aliasing/common/result.hpp"
#include "aliasing/model/run_id.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

enum class PlanOutcome {
    Promote,      ///< move the alias to the new generation (exit 0)
    CleanupOnly,  ///< already live, but delete_old has stale generations left by an interrupted run (exit 0)
    AlreadyLive,  ///< nothing to do (exit 3)
    Refused,      ///< validation failed; the cluster must not be touched (exit 4)
};

enum class MergeDecision {
    Merge,          ///< force-merge to target_segments
    AlreadyMerged,  ///< segments per shard already at or below the target
    PolicyNever,    ///< the data source never force-merges (reason in the command column)
    NotRequested,   ///< forcemerge_new is false
};

/// One row of the plan table (SPEC §7).
struct MergeRow {
    std::string_view index;
    std::uint32_t shards = 1;
    std::uint64_t size_bytes = 0;
    std::uint64_t segments = 0;
    bool segments_known = false;
    double gb_per_shard = 0;
    double segments_per_shard = 0;
    double segments_per_gb = 0;
    std::uint64_t target_segments = 1;
    MergeDecision decision = MergeDecision::NotRequested;
    std::string command;  ///< the request, or why there is none
};

/// Why an index in the catalog takes no part in planning.
enum class IgnoreReason {
    OutsideIndexBase,
    NotThisSourcesNaming,
    NotThisJobsEntity,  ///< this source's naming, but its entity is not one of the pinned or declared ones (O2)
};

struct IgnoredIndex {
    std::string_view index;
    IgnoreReason reason;
};

/// An index that is left alone, with the reason: invalid run id, future generation, kept from deletion.
struct IndexNote {
    std::string_view index;
    std::string reason;
};

/// A generation of the data source found in the catalog.
struct GenerationSummary {
    std::string_view run_id;  ///< as spelled by its first index
    RunInstant instant;
    std::size_t index_count = 0;
    bool complete = false;
    bool live = false;    ///< the alias points to (some of) its indices now
    bool future = false;  ///< more than 5 minutes in the future: never a candidate, never deleted
    std::vector<std::string> missing;  ///< expected entities without an index
};

struct Plan {
    std::string alias;
    std::string data_source;
    std::string index_base;
    PlanOutcome outcome = PlanOutcome::Refused;
    std::string reason;  ///< for Refused and AlreadyLive: what and what to do; empty otherwise

    std::vector<std::string> expected_entities;
    EntitySource entities_from = EntitySource::Discovered;
    std::vector<std::string> new_entities;  ///< in the candidate but not in the live generation, sorted (O5)

    std::optional<GenerationSummary> candidate;  ///< the generation being promoted
    std::vector<GenerationSummary> generations;  ///< every generation, newest first

    std::vector<MergeRow> merges;  ///< one row per new index
    std::optional<int> new_replicas;
    std::uint64_t max_segment_size_bytes = 0;

    std::vector<std::string_view> old_indices;  ///< current alias targets, sorted
    std::vector<std::string_view> new_indices;  ///< the candidate generation's indices, sorted
    AliasChange alias_change;                   ///< the swap's remove and add actions, with the carried properties
    std::vector<std::string_view> deletions;    ///< deleted after a verified swap, sorted
    std::vector<IndexNote> kept;                ///< not deleted, with the reason
    std::vector<IgnoredIndex> ignored;          ///< not this job's indices (docs/ownership.md O2): never touched
    std::vector<IndexNote> invalid;             ///< unparseable or impossible run ids: never touched
    std::vector<IndexNote> future;              ///< clock skew: never promoted, never deleted
    ContentGates gates;                         ///< SPEC §13: evaluated when the plan would promote

    /// Exit code of `aliasing plan` for this plan (SPEC §9).
    int exit_code() const;
    /// The newest generation the alias points to now, or nullptr when it points to none of this job's.
    const GenerationSummary* live_generation() const {
        for (const auto& generation : generations)
            if (generation.live) return &generation;
        return nullptr;
    }
};

/// Promote: the newest generation. Rollback: the newest complete generation older than the live one, with the same
/// checks, and never any force-merge, replica change or deletion.
enum class PlanMode { Promote, Rollback };

struct PlanRequest {
    const Job& job;
    const DataSource& source;
    const Catalog& catalog;
    const AliasTable& aliases;
    RunInstant now;  ///< the clock, for the future-skew rule
    PlanMode mode = PlanMode::Promote;
};

/// Plans a promotion. The plan's string views point into `catalog` and `aliases`: keep both alive while using it.
/// Errors only when the data source itself fails (a plugin error or an invalid split of a name), naming it.
Result<Plan> make_plan(const PlanRequest& request);

/// Sizes the force-merge of one new index (SPEC §7).
MergeRow size_merge(const IndexRecord& index, const MergePolicy& policy, std::uint64_t max_segment_size_bytes,
                    bool forcemerge_requested);

const char* to_string(PlanOutcome outcome);
const char* to_string(MergeDecision decision);
const char* to_string(IgnoreReason reason);
const char* to_string(EntitySource source);

/// The current time as a RunInstant.
RunInstant now_instant();

}  // namespace aliasing
