// The deletion set (SPEC §6.7, docs/ownership.md R1–R7): which older generations keep_generations retains,
// and which of this job's indices are deleted after a verified swap. Nothing else is ever deleted.
#include "plan_context.hpp"

#include <algorithm>
#include <array>

namespace aliasing::detail {
namespace {

struct RankedNote {
    std::size_t rank;
    IndexNote note;
};

/// A name with its first 32 bytes after a common prefix as big-endian integers: sorting compares those
/// integers and reads the name itself only on a tie, so sorting a large deletion set neither calls memcmp per
/// comparison nor chases every name through the body. Orders exactly as comparing the names (names contain no
/// NUL byte, so the zero padding of a shorter name sorts first).
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
                for (std::size_t byte = 0; byte < 8; ++byte)
                    value = value << 8 | static_cast<unsigned char>(rest[at + byte]);
            } else {
                for (std::size_t byte = 0; byte < 8; ++byte) {
                    value = value << 8 |
                            (at + byte < rest.size() ? static_cast<unsigned char>(rest[at + byte]) : 0U);
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

std::string others_of(const std::vector<std::string>& aliases, const std::string& ours) {
    std::string out;
    for (const auto& alias : aliases) {
        if (alias != ours) out += (out.empty() ? "" : ", ") + alias;
    }
    return out;
}

}  // namespace

void plan_deletions(const PlanContext& context, Plan& plan, std::size_t candidate_rank) {
    const auto& scan = context.scan;
    const auto& records = context.request.catalog.indices();
    const int keep_generations = context.request.job.keep_generations;
    // R1: each older generation is either retained for rollback or deleted; newer ones and the candidate are
    // untouched.
    enum class Fate : std::uint8_t { Untouched, Retained, Deleted };
    std::vector<Fate> fate(scan.generations.size(), Fate::Untouched);
    std::vector<std::uint32_t> rank_of(scan.generations.size(), 0);
    std::vector<RankedNote> kept;  // in the order of the ranks, each rank's indices in catalog order
    auto retain = [&](std::size_t rank, const std::string& why) {
        const std::uint32_t position = context.order[rank];
        fate[position] = Fate::Retained;
        const std::string reason = "generation " + std::string(plan.generations[rank].run_id) +
                                   " kept for rollback (" + why +
                                   "keep_generations=" + std::to_string(keep_generations) + ")";
        for (std::uint32_t member : scan.generations[position].members) {
            kept.push_back({rank, {records[scan.named[member].record].name, reason}});
        }
    };
    int keep = keep_generations;
    // R4: the generation the alias points to at the start of the run is retained first when keep_generations
    // >= 1: it was complete when it was promoted, whatever entities the new generation adds.
    for (std::size_t rank = candidate_rank + 1; rank < plan.generations.size() && keep > 0; ++rank) {
        if (!plan.generations[rank].live) continue;
        retain(rank, "the alias points to it now; ");
        --keep;
    }
    // R5: then the newest older generations complete in their time, as many as keep_generations has left.
    for (std::size_t rank = candidate_rank + 1; rank < plan.generations.size(); ++rank) {
        const std::uint32_t position = context.order[rank];
        rank_of[position] = static_cast<std::uint32_t>(rank);
        if (fate[position] == Fate::Retained) continue;
        if (keep > 0 && context.complete_in_its_time[rank]) {
            retain(rank, "");
            --keep;
            continue;
        }
        fate[position] = Fate::Deleted;
    }
    // R3: only entities of the live generation or the candidate are ever deleted (in discovery mode an entity
    // seen nowhere else may be another data source's; with pinned entities this holds by construction).
    std::vector<std::uint8_t> deletable_entity(scan.entity_names.size(), 0);
    for (std::uint32_t member : context.at_rank(candidate_rank).members)
        deletable_entity[scan.named[member].entity] = 1;
    for (std::size_t rank = 0; rank < plan.generations.size(); ++rank) {
        if (!plan.generations[rank].live) continue;
        for (std::uint32_t member : context.at_rank(rank).members)
            deletable_entity[scan.named[member].entity] = 1;
    }
    // The deletion candidates in catalog order, so the body is read front to back; each name's sort key is
    // taken while it is at hand.
    const std::size_t common_prefix =
        plan.index_base.size() + 1;  // every name of ours starts "{index_base}-"
    std::vector<NameKey> deletions;
    // Names lie in the catalog body, far apart by now: fetch one a few candidates ahead while this one is judged.
    constexpr std::size_t kPrefetchAhead = 8;
    for (std::size_t at = 0; at < scan.named.size(); ++at) {
        const auto& named = scan.named[at];
        if (at + kPrefetchAhead < scan.named.size()) {
            __builtin_prefetch(records[scan.named[at + kPrefetchAhead].record].name.data());
        }
        if (fate[named.generation] != Fate::Deleted) continue;
        const std::string_view name = records[named.record].name;
        if (!deletable_entity[named.entity]) {
            kept.push_back(
                {rank_of[named.generation],
                 {name, "entity [" + std::string(scan.entity_names[named.entity]) +
                            "] is in neither the live nor the new generation: not known to be this "
                            "job's, never deleted"}});
            continue;
        }
        // R6: an index that still carries another alias is someone else's concern too.
        const auto& aliases = context.request.aliases.aliases_of(name);
        if (!aliases.empty()) {
            if (std::string others = others_of(aliases, plan.alias); !others.empty()) {
                kept.push_back(
                    {rank_of[named.generation], {name, "still carries another alias [" + others + "]"}});
                continue;
            }
        }
        deletions.push_back(NameKey::of(name, common_prefix));
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const RankedNote& a, const RankedNote& b) { return a.rank < b.rank; });
    plan.kept.reserve(kept.size());
    for (auto& note : kept) plan.kept.push_back(std::move(note.note));

    // R7: alias targets that are not this job's indices are never deleted, even when the alias pointed to
    // them.
    for (auto old : plan.old_indices) {
        if (std::find(context.old_of_ours.begin(), context.old_of_ours.end(), old) ==
            context.old_of_ours.end()) {
            plan.kept.push_back({old, "not this job's index (outside the naming of data source [" +
                                          plan.data_source + "] under index_base [" + plan.index_base +
                                          "], or not one of its entities): never deleted"});
        }
    }
    std::sort(deletions.begin(), deletions.end());
    plan.deletions.reserve(deletions.size());
    for (const auto& deletion : deletions) plan.deletions.push_back(deletion.name);
}

}  // namespace aliasing::detail
