// GET /_nodes[/{node_id}]/stats[/{metric}]: the `fs` metric of every data node (the only metric simulated; no
// metric means fs). 8.x shape: nodes.{id}.{name,host,ip,roles,fs:{timestamp,total:{total_in_bytes,
// free_in_bytes,available_in_bytes},data:[...]}}; free equals available (no reserved blocks).
#include "api/handlers.hpp"
#include "cluster/nodes.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

Json fs_totals(const NodeUsage& usage)
{
    Json totals = Json::object();
    totals["total_in_bytes"] = usage.total_bytes;
    totals["free_in_bytes"] = usage.available_bytes;
    totals["available_in_bytes"] = usage.available_bytes;
    return totals;
}

}  // namespace

Reply handle_nodes_stats(Call& call)
{
    const std::string metric = call.var("metric");
    for (const auto& part : split_list(metric)) {
        if (part != "fs" && part != "_all") {
            throw illegal_argument("aliasing-sim: only the [fs] metric of _nodes/stats is simulated, not [" + part +
                                   "]");
        }
    }
    call.flag("include_segment_file_sizes", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto now = Clock::now();
    const std::int64_t millis = epoch_millis_now();
    const std::string filter = call.var("node_id");
    Json nodes = Json::object();
    for (int node = 0; node < cluster.data_nodes; ++node) {
        if (!node_selected(cluster, node, filter)) {
            continue;
        }
        const NodeUsage usage = node_usage(cluster, node, now);
        Json entry = Json::object();
        entry["timestamp"] = millis;
        entry["name"] = node_name(node);
        entry["transport_address"] = "127.0.0.1:" + std::to_string(9300 + node);
        entry["host"] = "127.0.0.1";
        entry["ip"] = "127.0.0.1:" + std::to_string(9300 + node);
        Json roles = Json::array();
        for (const char* role : {"data", "ingest", "master"}) {
            roles.push_back(role);
        }
        entry["roles"] = std::move(roles);
        entry["attributes"] = Json::object();
        Json fs = Json::object();
        fs["timestamp"] = millis;
        fs["total"] = fs_totals(usage);
        Json data = fs_totals(usage);
        data["path"] = "/var/lib/elasticsearch";
        data["mount"] = "/var/lib/elasticsearch (/dev/sd" + std::string(1, static_cast<char>('a' + node % 26)) + "1)";
        data["type"] = "ext4";
        Json paths = Json::array();
        paths.push_back(std::move(data));
        fs["data"] = std::move(paths);
        entry["fs"] = std::move(fs);
        nodes[node_id(cluster, node)] = std::move(entry);
    }
    Json header = Json::object();
    header["total"] = static_cast<std::int64_t>(nodes.size());
    header["successful"] = static_cast<std::int64_t>(nodes.size());
    header["failed"] = 0;
    Json body = Json::object();
    body["_nodes"] = std::move(header);
    body["cluster_name"] = cluster.cluster_name;
    body["nodes"] = std::move(nodes);
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
