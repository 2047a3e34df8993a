#include "control/config.hpp"

namespace aliasing::sim {

std::string apply_config(Cluster& cluster, const Json& config)
{
    if (!config.is_object()) {
        return "the config must be an object such as {\"replica_delay_millis\":500}";
    }
    Cluster next = cluster;
    for (const auto& [key, value] : config.as_object()) {
        if (key == "version") {
            const auto parsed = value.is_string() ? Version::parse(value.as_string()) : std::nullopt;
            if (!parsed) {
                return "[version] must be \"7.17.x\" or \"8.x.y\", got " + value.dump();
            }
            next.version = *parsed;
        } else if (key == "data_nodes" || key == "forcemerge_millis_per_gib" || key == "replica_delay_millis") {
            // data_nodes 0 is every data node gone: every shard unassigned, every index red.
            if (!value.is_integer() || value.as_int() < 0) {
                return "[" + key + "] must be a non-negative integer, got " + value.dump();
            }
            if (key == "data_nodes") {
                next.data_nodes = static_cast<int>(value.as_int());
            } else if (key == "forcemerge_millis_per_gib") {
                next.forcemerge_millis_per_gib = static_cast<std::uint64_t>(value.as_int());
            } else {
                next.replica_delay_millis = static_cast<std::uint64_t>(value.as_int());
            }
        } else if (key == "host" || key == "port") {
            return "[" + key + "] cannot change while the server runs";
        } else {
            return "unknown config field [" + key +
                   "]; known: version, data_nodes, forcemerge_millis_per_gib, replica_delay_millis";
        }
    }
    cluster = std::move(next);
    return "";
}

Json config_json(const Cluster& cluster)
{
    Json body = Json::object();
    body["version"] = cluster.version.text();
    body["data_nodes"] = cluster.data_nodes;
    body["forcemerge_millis_per_gib"] = cluster.forcemerge_millis_per_gib;
    body["replica_delay_millis"] = cluster.replica_delay_millis;
    return body;
}

}  // namespace aliasing::sim
