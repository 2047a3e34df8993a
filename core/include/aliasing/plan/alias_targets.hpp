#pragma once
/// The alias change of a promotion (SPEC §6): which current targets are removed, which properties each new index
/// carries over from the old target of its entity, and what happens to targets that are not this job's indices.
/// Pure: no I/O, decided before anything is touched.

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/common/result.hpp"

#include <string_view>
#include <vector>

namespace aliasing {

/// An index of this job with its entity, as the data source's naming parses it.
struct EntityIndex {
    std::string_view index;
    std::string_view entity;
};

/// An index behind the alias with the alias's properties on it.
struct AliasTarget {
    std::string_view index;
    AliasProperties properties;  ///< empty for a plain alias
};

struct AliasChange {
    ForeignAliasTargets foreign_policy = ForeignAliasTargets::Refuse;
    std::vector<std::string_view> foreign;  ///< current targets that are not this job's indices, sorted
    std::vector<std::string_view> removes;  ///< `remove` (must_exist), sorted: every current target but kept ones
    std::vector<AliasTarget> current;       ///< every current target with its properties, sorted (shown in the plan)
    std::vector<AliasTarget> adds;          ///< one `add` per new index, sorted, with the properties carried
    std::vector<std::string_view> after;    ///< the targets once the swap is applied, sorted (what verify expects)
    bool per_entity = false;                ///< the old targets' properties differed: each entity carries its own
};

struct AliasChangeRequest {
    std::string_view alias;
    const AliasTable& aliases;                 ///< the properties of the current targets
    const std::vector<std::string_view>& current;  ///< every current target of the alias, sorted
    const std::vector<EntityIndex>& ours;      ///< the current targets that are this job's indices
    const std::vector<EntityIndex>& next;      ///< the new indices
    ForeignAliasTargets foreign_policy = ForeignAliasTargets::Refuse;
};

/// Decides the alias change. A Validation error (exit 4, the plan is refused) says why it cannot be made: foreign
/// targets under the default policy (naming them), or a property that cannot be carried — one this version does not
/// know, old targets of one entity that disagree, a new entity without an old target while the old targets disagree,
/// or `is_write_index` true on more than one index after the swap.
Result<AliasChange> plan_alias_change(const AliasChangeRequest& request);

/// The properties as a short text for the plan, e.g. `filter {"term":{"region":"eu"}}, routing 1, write index`;
/// empty for a plain alias.
std::string describe_properties(const AliasProperties& properties);

}  // namespace aliasing
