#include "aliasing/plan/plan.hpp"

#include <chrono>
#include <string>

namespace aliasing {

namespace {
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
}

MergeRow size_merge(const IndexRecord& index, const MergePolicy& policy, std::uint64_t max_segment_size_bytes,
                    bool forcemerge_requested) {
    MergeRow row;
    row.index = index.name;
    row.shards = index.primaries == 0 ? 1 : index.primaries;
    row.size_bytes = index.primary_store_bytes;
    row.segments = index.primary_segments;
    row.segments_known = index.segments_known;
    const double size_gb = static_cast<double>(row.size_bytes) / kGiB;
    row.gb_per_shard = size_gb / row.shards;
    row.segments_per_shard = static_cast<double>(row.segments) / row.shards;
    row.segments_per_gb = size_gb > 0 ? static_cast<double>(row.segments) / size_gb : 0.0;

    // max(1, ceil((size / shards) / max_segment_size)) == max(1, ceil(size / (shards * max_segment_size))).
    const std::uint64_t per_merge = static_cast<std::uint64_t>(row.shards) * max_segment_size_bytes;
    row.target_segments = per_merge == 0 ? 1 : (row.size_bytes + per_merge - 1) / per_merge;
    if (row.target_segments == 0) row.target_segments = 1;

    if (policy.kind == MergeKind::Never) {
        row.decision = MergeDecision::PolicyNever;
        row.command = "never: " + policy.reason;
    } else if (!forcemerge_requested) {
        row.decision = MergeDecision::NotRequested;
        row.command = "none: forcemerge_new is false";
    } else if (row.segments_known && row.segments_per_shard <= static_cast<double>(row.target_segments)) {
        row.decision = MergeDecision::AlreadyMerged;
        row.command = "skip: already merged";
    } else {
        row.decision = MergeDecision::Merge;
        row.command = "POST /" + std::string(row.index) + "/_forcemerge?max_num_segments=" +
                      std::to_string(row.target_segments);
    }
    return row;
}

int Plan::exit_code() const {
    switch (outcome) {
        case PlanOutcome::Promote:
        case PlanOutcome::CleanupOnly: return 0;
        case PlanOutcome::AlreadyLive: return aliasing::exit_code(ErrorKind::AlreadyLive);
        case PlanOutcome::Refused: return aliasing::exit_code(ErrorKind::Validation);
    }
    return aliasing::exit_code(ErrorKind::Validation);
}

const char* to_string(PlanOutcome outcome) {
    switch (outcome) {
        case PlanOutcome::Promote: return "promote";
        case PlanOutcome::CleanupOnly: return "cleanup_only";
        case PlanOutcome::AlreadyLive: return "already_live";
        case PlanOutcome::Refused: return "refused";
    }
    return "refused";
}

const char* to_string(MergeDecision decision) {
    switch (decision) {
        case MergeDecision::Merge: return "merge";
        case MergeDecision::AlreadyMerged: return "already_merged";
        case MergeDecision::PolicyNever: return "policy_never";
        case MergeDecision::NotRequested: return "not_requested";
    }
    return "not_requested";
}

const char* to_string(IgnoreReason reason) {
    switch (reason) {
        case IgnoreReason::OutsideIndexBase: return "outside index_base";
        case IgnoreReason::NotThisSourcesNaming: return "not this data source's naming";
        case IgnoreReason::NotThisJobsEntity: return "entity not one of this job's entities (another data source's)";
    }
    return "ignored";
}

const char* to_string(EntitySource source) {
    switch (source) {
        case EntitySource::Job: return "job";
        case EntitySource::Plugin: return "plugin";
        case EntitySource::Discovered: return "discovered";
    }
    return "discovered";
}

RunInstant now_instant() {
    using namespace std::chrono;
    return RunInstant{duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count()};
}

}  // namespace aliasing
