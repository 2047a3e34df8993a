#include "control/config.hpp"

namespace aliasing::sim {

std::string apply_config(Cluster& cluster, const Json& config)
{
    if (!config.is_object()) {
        return "the config must be an object such as {\"replica_delay_millis\":500}";
    }
    Cluster next = cluster;
    Distribution distribution = cluster.version.distribution;
    if (const Json* given = config.find("distribution"); given != nullptr) {
        const auto parsed = given->is_string() ? Version::parse_distribution(given->as_string()) : std::nullopt;
        if (!parsed) {
            return "[distribution] must be \"elasticsearch\" or \"opensearch\", got " + given->dump();
        }
        distribution = *parsed;
        next.version.distribution = distribution;
    }
    for (const auto& [key, value] : config.as_object()) {
        if (key == "version") {
            const auto parsed = value.is_string() ? Version::parse(value.as_string(), distribution) : std::nullopt;
            if (!parsed) {
                return std::string("[version] must be ") +
                       (distribution == Distribution::opensearch ? "1.x.y, 2.x.y or 3.x.y for OpenSearch"
                                                                 : "7.10.x-7.17.x, 8.x.y or 9.x.y") +
                       ", got " + value.dump();
            }
            const bool compat = next.version.override_main_response_version;
            next.version = *parsed;
            next.version.override_main_response_version = compat;
        } else if (key == "distribution") {
            continue;
        } else if (key == "override_main_response_version") {
            if (!value.is_bool()) {
                return "[override_main_response_version] must be a boolean, got " + value.dump();
            }
            next.version.override_main_response_version = value.as_bool();
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
                   "]; known: distribution, version, override_main_response_version, data_nodes, forcemerge_millis_per_gib, replica_delay_millis";
        }
    }
    const Version& version = next.version;
    if (version.override_main_response_version &&
        (!version.opensearch() || version.major >= 3 || (version.major == 2 && version.minor == 0))) {
        // Only OpenSearch 1.x and 2.1-2.19 know it (removed in 2.0 by #3031, restored in 2.1, gone in 3.0).
        return "unknown setting [compatibility.override_main_response_version] on " + version.product_text();
    }
    cluster = std::move(next);
    return "";
}

Json config_json(const Cluster& cluster)
{
    Json body = Json::object();
    body["distribution"] = cluster.version.opensearch() ? "opensearch" : "elasticsearch";
    body["version"] = cluster.version.text();
    body["override_main_response_version"] = cluster.version.override_main_response_version;
    body["data_nodes"] = cluster.data_nodes;
    body["forcemerge_millis_per_gib"] = cluster.forcemerge_millis_per_gib;
    body["replica_delay_millis"] = cluster.replica_delay_millis;
    return body;
}

}  // namespace aliasing::sim
