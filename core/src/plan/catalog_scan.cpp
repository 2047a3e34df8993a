#include "catalog_scan.hpp"

#include <algorithm>

namespace aliasing::detail {

std::vector<std::uint32_t> CatalogScan::newest_first() const {
    std::vector<std::uint32_t> order(generations.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
        return generations[a].instant > generations[b].instant;
    });
    return order;
}

namespace {

// `name` starts with "{index_base}-" and has more after it. Most names of a mixed catalog differ in the first byte, so
// a plain loop that stops there beats a memcmp call.
bool has_prefix(std::string_view name, std::string_view index_base) {
    if (name.size() <= index_base.size() + 1) return false;
    for (std::size_t i = 0; i < index_base.size(); ++i) {
        if (name[i] != index_base[i]) return false;
    }
    return name[index_base.size()] == '-';
}

/// Dense ids for distinct keys, in first-seen order: an open-addressing table in one array. A million-index catalog
/// has thousands of generations; node-based maps would chase a pointer (a cache miss) for every index.
template <class Key, class Hash>
class DenseIds {
public:
    /// The id of `key`, and whether it is new (then its id is `next_id`).
    std::pair<std::uint32_t, bool> find_or_add(Key key, std::uint32_t next_id) {
        if ((m_size + 1) * 2 > m_slots.size()) grow();
        std::size_t at = Hash{}(key) & (m_slots.size() - 1);
        while (m_slots[at].used) {
            if (m_slots[at].key == key) return {m_slots[at].id, false};
            at = (at + 1) & (m_slots.size() - 1);
        }
        m_slots[at] = Slot{key, next_id, true};
        ++m_size;
        return {next_id, true};
    }

private:
    struct Slot {
        Key key{};
        std::uint32_t id = 0;
        bool used = false;
    };

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        for (const Slot& slot : old) {
            if (!slot.used) continue;
            std::size_t at = Hash{}(slot.key) & (m_slots.size() - 1);
            while (m_slots[at].used) at = (at + 1) & (m_slots.size() - 1);
            m_slots[at] = slot;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

/// Fibonacci hashing: instants of one data source often differ only in their high bits.
struct InstantHash {
    std::size_t operator()(std::int64_t nanos) const {
        const std::uint64_t mixed = static_cast<std::uint64_t>(nanos) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(mixed ^ (mixed >> 29));
    }
};

}  // namespace

Result<CatalogScan> scan_catalog(const Catalog& catalog, const DataSource& source, std::string_view index_base,
                                 const EntityOwnership& ownership) {
    CatalogScan scan;
    DenseIds<std::string_view, std::hash<std::string_view>> entity_ids;
    DenseIds<std::int64_t, InstantHash> generation_ids;
    std::vector<std::uint32_t> member_counts;
    const auto& records = catalog.indices();
    scan.named.reserve(records.size());

    // Names lie in the catalog's body, one row apart: by now a large body is out of the cache, so fetch names a few
    // rows ahead while this one is classified.
    constexpr std::uint32_t kPrefetchRows = 8;
    for (std::uint32_t i = 0; i < records.size(); ++i) {
        if (i + kPrefetchRows < records.size()) __builtin_prefetch(records[i + kPrefetchRows].name.data());
        const std::string_view name = records[i].name;
        if (!has_prefix(name, index_base)) {
            scan.ignored.push_back({name, IgnoreReason::OutsideIndexBase});
            continue;
        }
        auto parsed = source.parse_name(index_base, name);
        if (!parsed) return parsed.error();
        if (!parsed->has_value()) {
            scan.ignored.push_back({name, IgnoreReason::NotThisSourcesNaming});
            continue;
        }
        const ParsedName& split = **parsed;
        auto instant = parse_run_id(split.run_id);
        if (!instant) {
            if (ownership.owns_entity(split.entity)) {
                scan.invalid.push_back({name, instant.error().message});
            } else {
                scan.ignored.push_back({name, IgnoreReason::NotThisJobsEntity});
            }
            continue;
        }
        const auto [entity, new_entity] =
            entity_ids.find_or_add(split.entity, static_cast<std::uint32_t>(scan.entity_names.size()));
        if (new_entity) {
            scan.entity_names.push_back(split.entity);
            scan.entity_owned.push_back(ownership.owns_entity(split.entity) ? 1 : 0);
        }
        if (!scan.entity_owned[entity]) {  // another data source's index under the same base: in no generation
            scan.ignored.push_back({name, IgnoreReason::NotThisJobsEntity});
            continue;
        }

        const auto [generation, new_generation] =
            generation_ids.find_or_add(instant->epoch_nanos, static_cast<std::uint32_t>(scan.generations.size()));
        if (new_generation) {
            scan.generations.push_back(Generation{*instant, split.run_id, {}});
            member_counts.push_back(0);
        }
        ++member_counts[generation];
        scan.named.push_back(NamedIndex{i, entity, generation});
    }

    // Members of each generation, in catalog order, laid out one generation after the other.
    std::vector<std::uint32_t> next(member_counts.size());
    std::uint32_t offset = 0;
    for (std::size_t g = 0; g < member_counts.size(); ++g) {
        next[g] = offset;
        offset += member_counts[g];
    }
    scan.member_storage.resize(scan.named.size());
    for (std::uint32_t position = 0; position < scan.named.size(); ++position) {
        scan.member_storage[next[scan.named[position].generation]++] = position;
    }
    for (std::size_t g = 0; g < scan.generations.size(); ++g) {
        scan.generations[g].members =
            std::span<const std::uint32_t>(scan.member_storage).subspan(next[g] - member_counts[g], member_counts[g]);
    }
    return scan;
}

}  // namespace aliasing::detail
