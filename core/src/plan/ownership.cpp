// Ownership (docs/ownership.md, rules O1–O5): the one place that says which entities, and so which indices,
// are the job's own.
#include "aliasing/plan/ownership.hpp"

#include "plan_context.hpp"

#include <algorithm>

namespace aliasing {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "2_0_0", "3_1", "2.1", "v2_0": digits in at least two groups joined by '_' or '.', optionally after a 'v'.
bool looks_like_schema_version(std::string_view part) {
    if (!part.empty() && part.front() == 'v') part.remove_prefix(1);
    if (part.empty() || !is_digit(part.front()) || !is_digit(part.back())) return false;
    bool separated = false;
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (is_digit(part[i])) continue;
        if ((part[i] != '_' && part[i] != '.') || !is_digit(part[i - 1])) return false;
        separated = true;
    }
    return separated;
}

std::string version_part(std::string_view entity) {
    std::size_t start = 0;
    while (start <= entity.size()) {
        const std::size_t end = std::min(entity.find('-', start), entity.size());
        const std::string_view part = entity.substr(start, end - start);
        if (looks_like_schema_version(part)) return std::string(part);
        start = end + 1;
    }
    return {};
}

}  // namespace

EntityOwnership::EntityOwnership(const Job& job, const DataSourceInfo& source) {
    if (job.entities) {
        m_source = EntitySource::Job;
        m_entities = *job.entities;
    } else if (!source.entities.empty()) {
        m_source = EntitySource::Plugin;
        m_entities = source.entities;
    }
    std::sort(m_entities.begin(), m_entities.end());
    m_entities.erase(std::unique(m_entities.begin(), m_entities.end()), m_entities.end());
}

bool EntityOwnership::owns_entity(std::string_view entity) const {
    if (!fixed()) return true;
    return std::binary_search(m_entities.begin(), m_entities.end(), entity);
}

Result<bool> owns_index(const EntityOwnership& ownership, const DataSource& source,
                        std::string_view index_base, std::string_view name) {
    if (name.size() <= index_base.size() + 1 || name.substr(0, index_base.size()) != index_base ||
        name[index_base.size()] != '-') {
        return false;
    }
    auto parsed = source.parse_name(index_base, name);
    if (!parsed) return parsed.error();
    return parsed->has_value() && ownership.owns_entity((*parsed)->entity);
}

std::vector<AmbiguousEntity> ambiguous_entities(const std::vector<std::string_view>& entities) {
    std::vector<AmbiguousEntity> found;
    for (std::string_view entity : entities) {
        std::string why;
        for (std::string_view other : entities) {
            if (other.size() + 1 >= entity.size()) continue;
            const std::size_t extra = entity.size() - other.size() - 1;
            if (entity.substr(extra + 1) == other && entity[extra] == '-') {
                why = "is [" + std::string(other) + "] with the prefix [" +
                      std::string(entity.substr(0, extra + 1)) +
                      "]: its indices may be another data source's [" + std::string(other) +
                      "] under a longer index_base";
                break;
            }
            if (entity.substr(0, other.size()) == other && entity[other.size()] == '-') {
                why = "is [" + std::string(other) + "] with the suffix [" +
                      std::string(entity.substr(other.size())) +
                      "]: its indices may be another data source's copy of [" + std::string(other) + "]";
                break;
            }
        }
        if (why.empty()) {
            if (const std::string version = version_part(entity); !version.empty()) {
                why = "has a part [" + version +
                      "] that looks like a schema version: its indices may be under "
                      "another data source's (nested) index_base";
            }
        }
        if (!why.empty()) found.push_back({std::string(entity), std::move(why)});
    }
    std::sort(found.begin(), found.end(),
              [](const AmbiguousEntity& a, const AmbiguousEntity& b) { return a.entity < b.entity; });
    return found;
}

std::string entity_name_problem(std::string_view entity) {
    if (std::string problem = index_name_part_problem(entity); !problem.empty()) return problem;
    if (entity.front() == '-' || entity.back() == '-' || entity.find("--") != std::string_view::npos) {
        return "has an empty '-'-separated part (a leading, trailing or doubled '-'): the naming layouts "
               "split "
               "names on '-', so no index name can carry it";
    }
    return {};
}

namespace detail {

std::optional<std::string> ambiguity_refusal(const PlanContext& context, const Plan& plan) {
    if (context.ownership.fixed()) return std::nullopt;
    const std::vector<AmbiguousEntity> ambiguous = ambiguous_entities(context.scan.entity_names);
    if (ambiguous.empty()) return std::nullopt;
    std::vector<std::string> names;
    std::string details;
    for (const auto& entity : ambiguous) {
        names.push_back(entity.entity);
        details += (details.empty() ? "" : "; ") + entity.entity + " " + entity.why;
    }
    std::vector<std::string> clear;
    for (const auto& entity : plan.expected_entities) {
        if (std::find(names.begin(), names.end(), entity) == names.end()) clear.push_back(entity);
    }
    return std::string("ambiguous entit") + (names.size() == 1 ? "y [" : "ies [") + join(names) +
           "] under index_base [" + plan.index_base + "] (" + details + "). Data source [" +
           plan.data_source +
           "] declares no entities, so nothing tells this job's indices from "
           "another data source's: nothing is promoted, merged or deleted until the job file pins its "
           "entities: "
           "\"entities\": " +
           (clear.empty() ? quoted_list(names) + " if these really are this job's entities"
                          : quoted_list(clear) + " (add an ambiguous one only if it really is this job's)");
}

std::vector<std::string> new_entities(const PlanContext& context, const Plan& plan,
                                      const Generation& candidate) {
    std::vector<std::uint8_t> live(context.scan.entity_names.size(), 0);
    bool any_live = false;
    for (std::size_t rank = 0; rank < plan.generations.size(); ++rank) {
        if (!plan.generations[rank].live) continue;
        any_live = true;
        for (std::uint32_t member : context.at_rank(rank).members)
            live[context.scan.named[member].entity] = 1;
    }
    std::vector<std::string> added;
    if (!any_live) return added;
    for (std::uint32_t member : candidate.members) {
        const std::uint32_t entity = context.scan.named[member].entity;
        if (live[entity]) continue;
        live[entity] = 1;  // once
        added.emplace_back(context.scan.entity_names[entity]);
    }
    std::sort(added.begin(), added.end());
    return added;
}

}  // namespace detail
}  // namespace aliasing
