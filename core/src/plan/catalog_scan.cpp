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

Result<CatalogScan> scan_catalog(const Catalog& catalog, const DataSource& source, std::string_view index_base) {
    CatalogScan scan;
    std::unordered_map<std::string_view, std::uint32_t> entity_ids;
    std::unordered_map<std::int64_t, std::uint32_t> generation_ids;
    const auto& records = catalog.indices();
    scan.named.reserve(records.size());

    for (std::uint32_t i = 0; i < records.size(); ++i) {
        const std::string_view name = records[i].name;
        if (name.size() <= index_base.size() + 1 || name.compare(0, index_base.size(), index_base) != 0 ||
            name[index_base.size()] != '-') {
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
            scan.invalid.push_back({name, instant.error().message});
            continue;
        }
        auto [entity, new_entity] =
            entity_ids.try_emplace(split.entity, static_cast<std::uint32_t>(scan.entity_names.size()));
        if (new_entity) scan.entity_names.push_back(split.entity);

        auto [generation, new_generation] =
            generation_ids.try_emplace(instant->epoch_nanos, static_cast<std::uint32_t>(scan.generations.size()));
        if (new_generation) scan.generations.push_back(Generation{*instant, split.run_id, {}});
        scan.generations[generation->second].members.push_back(static_cast<std::uint32_t>(scan.named.size()));
        scan.named.push_back(NamedIndex{i, entity->second, generation->second});
    }
    return scan;
}

}  // namespace aliasing::detail
