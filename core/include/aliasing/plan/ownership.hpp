#pragma once
/// Ownership (docs/ownership.md): which indices under a job's index_base are the job's own, to promote,
/// merge, re-replicate and delete. Everything else under index_base is ignored, never touched. Pure: no I/O.

#include "aliasing/plugins/data_source.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/common/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// Where the expected (and owned) entities come from (SPEC §6.2).
enum class EntitySource { Job, Plugin, Discovered };

/// The entities a job owns: pinned by the job's `entities`, else declared by the data source, else none fixed
/// (discovery mode, rule O3 of docs/ownership.md).
class EntityOwnership {
  public:
    EntityOwnership(const Job& job, const DataSourceInfo& source);

    EntitySource source() const { return m_source; }
    /// True when the set is pinned or declared; false in discovery mode.
    bool fixed() const { return m_source != EntitySource::Discovered; }
    /// The pinned or declared entities, sorted, without duplicates; empty in discovery mode.
    const std::vector<std::string>& entities() const { return m_entities; }
    /// Whether an index of `entity` may be the job's: in the fixed set. In discovery mode every entity is,
    /// and the ambiguity refusal (O4) and the deletion rule (R3) guard instead.
    bool owns_entity(std::string_view entity) const;

  private:
    EntitySource m_source = EntitySource::Discovered;
    std::vector<std::string> m_entities;
};

/// Whether the index `name` is owned by the job (O1): it starts with "{index_base}-", the data source splits
/// it into (entity, run id), and `ownership` owns the entity. The run id's validity is not ownership: an
/// owned name with an invalid run id is "invalid" and never touched either. Errors only when the data source
/// fails.
Result<bool> owns_index(const EntityOwnership& ownership, const DataSource& source,
                        std::string_view index_base, std::string_view name);

/// An entity name seen in discovery mode that may belong to another data source (O4).
struct AmbiguousEntity {
    std::string entity;
    std::string why;  ///< e.g. "is [individual] with a prefix: archive-… may be another index_base"
};

/// The ambiguous names among the distinct `entities`, sorted by name: another entity plus a `-`-separated
/// prefix or suffix (`archive-individual`, `individual-archive` beside `individual`), or a part that looks
/// like a schema version (`eu-3_1_0-person`, `v2.1-account`): a nested index_base.
std::vector<AmbiguousEntity> ambiguous_entities(const std::vector<std::string_view>& entities);

/// Why `entity` can never be a valid entity of an index name, or empty: the rules of an index name part
/// (non-empty, lowercase, no forbidden character), and no empty `-`-separated part (leading, trailing or
/// doubled
/// `-`), since the naming layouts split on `-`.
std::string entity_name_problem(std::string_view entity);

}  // namespace aliasing
