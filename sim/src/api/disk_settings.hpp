#pragma once
// The disk-based allocation settings cluster.routing.allocation.disk.* as Elasticsearch 8.x knows them: which keys
// exist (by version), their defaults (watermarks low 85%, high 90%, flood_stage 95%), the values they accept
// (a percentage, a ratio or an absolute free-space byte size) and the order the watermarks must keep.

#include "cluster/version.hpp"

#include <map>
#include <string>
#include <string_view>

namespace aliasing::sim {

constexpr std::string_view disk_prefix = "cluster.routing.allocation.disk.";

bool disk_key_known(const std::string& key, const Version& version);
/// Throws ApiError (400 illegal_argument_exception) for a value the setting does not accept.
void check_disk_value(const std::string& key, const std::string& value);
/// The defaults by flat key.
std::map<std::string, std::string> disk_defaults(const Version& version);
/// Checks low ≤ high ≤ flood_stage (percentages/ratios) or low ≥ high ≥ flood_stage (free bytes) on the values
/// in effect after an update, and that they are not mixed. `changed` is the first watermark key the update
/// sets and `old_value` its previous effective value, for Elasticsearch's "illegal value can't update" error.
/// Throws ApiError.
void check_watermark_order(const std::map<std::string, std::string>& effective, const std::string& changed,
                           const std::string& old_value);

}  // namespace aliasing::sim
