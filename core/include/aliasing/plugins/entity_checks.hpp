#pragma once
/// What the host checks of the entities a data source declares (docs/ownership.md O6): declared entities are the
/// job's owned set, so one that no index name can carry would make every generation incomplete and every index of
/// the source "ignored".

#include "aliasing/plugins/data_source.hpp"
#include "aliasing/common/result.hpp"

namespace aliasing {

/// Every declared entity is a valid index-name part (lowercase, no forbidden character, no empty `-`-part), is
/// listed once, and survives a round trip through the source's own naming: format_name then parse_name, for each
/// layout, gives the same entity back. The error (ErrorKind::Usage) names the source, the entity and the rule.
Status check_declared_entities(const DataSource& source);

}  // namespace aliasing
