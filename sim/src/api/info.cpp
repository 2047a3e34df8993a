// GET / and HEAD / (reference §1; opensearch-and-es9.md §1 for OpenSearch and its compatibility mode).
#include "api/handlers.hpp"

namespace aliasing::sim {
namespace {

Json elasticsearch_version(const Version& version)
{
    Json number = Json::object();
    number["number"] = version.text();
    number["build_flavor"] = "default";
    number["build_type"] = "docker";
    number["build_hash"] = version.is_7x() ? "bee86328705acaa9a6daede7140defd4d9ec56bd"
                                           : "1a77947f34deddb41af25e6f0ddb8e830159c179";
    number["build_date"] = version.is_7x() ? "2022-06-23T22:48:39.327148327Z" : "2024-08-05T10:05:34.233336849Z";
    number["build_snapshot"] = false;
    number["lucene_version"] = version.lucene();
    if (version.is_9x()) {
        number["minimum_wire_compatibility_version"] = "8.19.0";
        number["minimum_index_compatibility_version"] = "8.0.0";
    } else {
        number["minimum_wire_compatibility_version"] = version.is_7x() ? "6.8.0" : "7.17.0";
        number["minimum_index_compatibility_version"] = version.is_7x() ? "6.0.0-beta1" : "7.0.0";
    }
    return number;
}

/// OpenSearch has no build_flavor (OpenSearch PR #104); compatibility mode reads 7.10.2 without a distribution.
Json opensearch_version(const Version& version)
{
    Json number = Json::object();
    if (!version.override_main_response_version) {
        number["distribution"] = "opensearch";
    }
    number["number"] = version.override_main_response_version ? std::string("7.10.2") : version.text();
    number["build_type"] = "tar";
    number["build_hash"] = "fd9a9d90df25bea1af2c6a85039692e815b894f5";
    number["build_date"] = "2025-02-27T01:24:21.474016738Z";
    number["build_snapshot"] = false;
    number["lucene_version"] = version.lucene();
    number["minimum_wire_compatibility_version"] = version.major >= 3 ? "2.19.0" : "7.10.0";
    number["minimum_index_compatibility_version"] = version.major >= 3 ? "2.0.0" : "7.0.0";
    return number;
}

}  // namespace

Reply handle_info(Call& call)
{
    if (call.is_head()) {
        return empty_reply(200);
    }
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const Version& version = cluster.version;
    Json body = Json::object();
    body["name"] = cluster.node_name;
    body["cluster_name"] = cluster.cluster_name;
    body["cluster_uuid"] = cluster.cluster_uuid;
    body["version"] = version.opensearch() ? opensearch_version(version) : elasticsearch_version(version);
    body["tagline"] = version.opensearch() ? "The OpenSearch Project: https://opensearch.org/" : "You Know, for Search";
    return json_reply(std::move(body));
}

/// GET /_nodes/_local: the local node's real version (also in OpenSearch's compatibility mode, where GET / lies).
Reply handle_nodes_local(Call& call)
{
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    Json node = Json::object();
    node["name"] = cluster.node_name;
    node["version"] = cluster.version.text();
    node["build_type"] = cluster.version.opensearch() ? "tar" : "docker";
    if (!cluster.version.opensearch()) {
        node["build_flavor"] = "default";
    }
    Json nodes = Json::object();
    nodes[cluster.node_id] = std::move(node);
    Json counts = Json::object();
    counts["total"] = 1;
    counts["successful"] = 1;
    counts["failed"] = 0;
    Json body = Json::object();
    body["_nodes"] = std::move(counts);
    body["cluster_name"] = cluster.cluster_name;
    body["nodes"] = std::move(nodes);
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
