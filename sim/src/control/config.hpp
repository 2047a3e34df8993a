#pragma once
// Live configuration of the simulated cluster (PUT /_sim/config), by ServerOptions field name.

#include "aliasing/sim/json.hpp"
#include "cluster/cluster.hpp"

#include <string>

namespace aliasing::sim {

/// Applies {"version":..,"data_nodes":..,"forcemerge_millis_per_gib":..,"replica_delay_millis":..}.
/// Returns "" or an error message (nothing is changed on error).
std::string apply_config(Cluster& cluster, const Json& config);
Json config_json(const Cluster& cluster);

}  // namespace aliasing::sim
