#pragma once
// Index settings as Elasticsearch shows and accepts them: flat keys ("index.number_of_replicas"), body forms
// normalised, known/dynamic/static classification, and the simulator-only "index.sim.*" size settings.

#include "aliasing/sim/json.hpp"
#include "cluster/cluster.hpp"

#include <map>
#include <optional>
#include <string>

namespace aliasing::sim {

using FlatSettings = std::map<std::string, std::optional<std::string>>;  ///< nullopt = reset to default

/// Flattens any accepted body form ({"index":{...}}, {"settings":{...}}, {"index.x":"1"}, {"x":1}) into
/// "index."-prefixed keys with string values. Throws ApiError on a non-object body.
FlatSettings normalize_settings_body(const Json& body);

enum class SettingKind { unknown, dynamic, static_only };
SettingKind setting_kind(const std::string& key);

/// Applies the settings to an index at creation or update time (no dynamic/static check here).
/// Throws ApiError for invalid values.
void apply_index_settings(Index& index, const FlatSettings& settings, bool preserve_existing,
                          const Cluster& cluster, Clock::time_point now);

/// Every setting the index shows in GET _settings, by flat key, sorted.
std::map<std::string, std::string> index_settings_view(const Index& index, const Cluster& cluster);

/// Turns flat keys into nested objects ({"index":{"number_of_replicas":"1"}}).
Json nest_settings(const std::map<std::string, std::string>& flat);

/// The settings as GET _settings renders them: flat keys with flat_settings=true, nested objects otherwise.
Json render_settings(const std::map<std::string, std::string>& view, bool flat);

}  // namespace aliasing::sim
