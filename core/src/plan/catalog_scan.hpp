#pragma once
// Private to planning: the catalog classified by a data source and grouped into generations by instant.

#include "aliasing/plan/ownership.hpp"
#include "aliasing/plan/plan.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace aliasing::detail {

struct NamedIndex {
    std::uint32_t record;      // position in the catalog
    std::uint32_t entity;      // interned entity id
    std::uint32_t generation;  // position in CatalogScan::generations
};

struct Generation {
    RunInstant instant;
    std::string_view run_id;              // first spelling seen
    std::span<const std::uint32_t> members;  // positions in CatalogScan::named, ascending (in CatalogScan::member_storage)
};

struct CatalogScan {
    CatalogScan() = default;
    CatalogScan(CatalogScan&&) noexcept = default;
    CatalogScan& operator=(CatalogScan&&) noexcept = default;
    CatalogScan(const CatalogScan&) = delete;  // generations view member_storage: a copy would view the original's
    CatalogScan& operator=(const CatalogScan&) = delete;

    std::vector<NamedIndex> named;
    std::vector<Generation> generations;  // in first-seen order; order by instant with `newest_first`
    std::vector<std::string_view> entity_names;  // every entity of a valid run id, owned or not
    std::vector<std::uint8_t> entity_owned;      // by entity id
    std::vector<IgnoredIndex> ignored;
    std::vector<IndexNote> invalid;
    std::vector<std::uint32_t> member_storage;  // every generation's members, one generation after the other

    /// Generation positions sorted newest first.
    std::vector<std::uint32_t> newest_first() const;
};

/// Parses every catalog name with the data source and groups the valid ones whose entity `ownership` owns by run-id
/// instant (SPEC §5, §6.1; docs/ownership.md O1–O2): names of an entity not owned are ignored, in no generation.
/// Fails only when the data source fails.
Result<CatalogScan> scan_catalog(const Catalog& catalog, const DataSource& source, std::string_view index_base,
                                 const EntityOwnership& ownership);

}  // namespace aliasing::detail
