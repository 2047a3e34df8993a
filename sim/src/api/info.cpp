// GET / and HEAD / (reference §1).
#include "api/handlers.hpp"

namespace aliasing::sim {

Reply handle_info(Call& call)
{
    if (call.is_head()) {
        return empty_reply(200);
    }
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const Version& version = cluster.version;
    Json number = Json::object();
    number["number"] = version.text();
    number["build_flavor"] = "default";
    number["build_type"] = "docker";
    number["build_hash"] = version.is_7x() ? "bee86328705acaa9a6daede7140defd4d9ec56bd"
                                           : "1a77947f34deddb41af25e6f0ddb8e830159c179";
    number["build_date"] = version.is_7x() ? "2022-06-23T22:48:39.327148327Z" : "2024-08-05T10:05:34.233336849Z";
    number["build_snapshot"] = false;
    number["lucene_version"] = version.lucene();
    number["minimum_wire_compatibility_version"] = version.is_7x() ? "6.8.0" : "7.17.0";
    number["minimum_index_compatibility_version"] = version.is_7x() ? "6.0.0-beta1" : "7.0.0";
    Json body = Json::object();
    body["name"] = cluster.node_name;
    body["cluster_name"] = cluster.cluster_name;
    body["cluster_uuid"] = cluster.cluster_uuid;
    body["version"] = std::move(number);
    body["tagline"] = "You Know, for Search";
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
