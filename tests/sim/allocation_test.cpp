// GET _cat/allocation, GET _nodes/stats/fs, GET _cat/shards: nodes, disk and shard placement.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

constexpr long long gib = 1073741824LL;

TEST_F(SimTest, CatAllocationListsEveryDataNodeWithItsShardsAndDisk)
{
    create_index("a-1", 3, 1, 3000);  // 6 copies of 1000 bytes, two on each of the three nodes
    const HttpResult result = get("/_cat/allocation?format=json&bytes=b");
    ASSERT_EQ(result.status, 200);
    ASSERT_EQ(result.json.size(), 3U);
    EXPECT_EQ(result.json.at(0), J(R"({"shards":"2","disk.indices":"2000","disk.used":"2000","disk.avail":"1099511625776",
        "disk.total":"1099511627776","disk.percent":"0","host":"127.0.0.1","ip":"127.0.0.1","node":"sim-node-1","node.role":"dim"})"));
    EXPECT_EQ(result.json.at(2)["node"], Json("sim-node-3"));
}

TEST_F(SimTest, CatAllocationShowsUnassignedCopies)
{
    create_index("a-1", 1, 4);  // 5 copies, 3 nodes
    const HttpResult result = get("/_cat/allocation?format=json&h=shards,node");
    ASSERT_EQ(result.json.size(), 4U);
    EXPECT_EQ(result.json.at(3), J(R"({"shards":"2","node":"UNASSIGNED"})"));
}

TEST_F(SimTest, StateDiskGivesNodeTotalsAndUsedIncludingShards)
{
    const std::string state = R"({"data_nodes":2,"cat_indices":[{"index":"big","pri":"2","rep":"0","pri.store.size":")" +
                              std::to_string(200 * gib) + R"("}],
        "cat_allocation":[{"node":"sim-node-1","disk.total":"1tb","disk.used":"900gb"},{"node":"sim-node-2","disk.total":"1000gb"}]})";
    ASSERT_EQ(put("/_sim/state", state).status, 200) << get("/_sim/state").body;
    const HttpResult result = get("/_cat/allocation?format=json&bytes=b&h=node,disk.indices,disk.used,disk.avail,disk.total,disk.percent");
    EXPECT_EQ(result.json.at(0), J(R"({"node":"sim-node-1","disk.indices":")" + std::to_string(100 * gib) +
                                   R"(","disk.used":")" + std::to_string(900 * gib) + R"(","disk.avail":")" +
                                   std::to_string(124 * gib) + R"(","disk.total":")" + std::to_string(1024 * gib) +
                                   R"(","disk.percent":"87"})"));
    EXPECT_EQ(result.json.at(1)["disk.used"], Json(std::to_string(100 * gib)));
    EXPECT_EQ(result.json.at(1)["disk.total"], Json(std::to_string(1000 * gib)));
    // Deleting the index frees its shards' bytes; the other data stays.
    ASSERT_EQ(del("/big").status, 200);
    EXPECT_EQ(get("/_cat/allocation?format=json&bytes=b&h=disk.used").json.at(0)["disk.used"], Json(std::to_string(800 * gib)));
    const Json dumped = get("/_sim/state").json;
    EXPECT_EQ(dumped["cat_allocation"].at(0), J(R"({"node":"sim-node-1","disk.total":")" + std::to_string(1024 * gib) +
                                                R"(","disk.used":")" + std::to_string(800 * gib) + R"("})"));
}

TEST_F(SimTest, StateAllocationWithoutDataNodesGivesTheNodeCount)
{
    ASSERT_EQ(put("/_sim/state", R"({"cat_indices":[],"cat_allocation":[{"node":"es-a","disk.total":"10gb"},{"node":"es-b"},{"node":"UNASSIGNED","shards":"3"}]})").status, 200);
    EXPECT_EQ(get("/_cat/allocation?format=json&h=node").json.size(), 2U);
    EXPECT_EQ(get("/_sim/config").json["data_nodes"], Json(2));
}

TEST_F(SimTest, NodesStatsFsAnswersTotalsPerNodeId)
{
    create_index("a-1", 1, 0, 5000);
    const HttpResult result = get("/_nodes/stats/fs");
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["_nodes"], J(R"({"total":3,"successful":3,"failed":0})"));
    ASSERT_EQ(result.json["nodes"].size(), 3U);
    const auto& [id, first] = result.json["nodes"].as_object().front();
    EXPECT_EQ(id.size(), 22U);
    EXPECT_EQ(first["name"], Json("sim-node-1"));
    EXPECT_EQ(first["fs"]["total"], J(R"({"total_in_bytes":1099511627776,"free_in_bytes":1099511622776,"available_in_bytes":1099511622776})"));
    EXPECT_EQ(get("/_nodes/sim-node-2/stats/fs").json["nodes"].size(), 1U);
    EXPECT_EQ(get("/_nodes/stats/jvm").status, 400);
}

TEST_F(SimTest, TaskIdOnAnotherKnownNodeIsNotRunningRatherThanOutsideTheCluster)
{
    create_index("a-1", 1, 1);
    const Json nodes = get("/_nodes/stats/fs").json["nodes"];
    const std::string second = nodes.as_object().at(1).first;
    const HttpResult result = get("/_tasks/" + second + ":1");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["reason"].as_string().find("isn't running"), std::string("task [" + second + ":1] ").size());
}

TEST_F(SimTest, CatShardsShowsPlacementOnDifferentNodes)
{
    create_index("s-1", 2, 1, 3000, 11);
    const HttpResult result = get("/_cat/shards/s-1?format=json&bytes=b&h=index,shard,prirep,state,docs,store,node");
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"([
        {"index":"s-1","shard":"0","prirep":"p","state":"STARTED","docs":"6","store":"1500","node":"sim-node-1"},
        {"index":"s-1","shard":"0","prirep":"r","state":"STARTED","docs":"6","store":"1500","node":"sim-node-2"},
        {"index":"s-1","shard":"1","prirep":"p","state":"STARTED","docs":"5","store":"1500","node":"sim-node-2"},
        {"index":"s-1","shard":"1","prirep":"r","state":"STARTED","docs":"5","store":"1500","node":"sim-node-3"}])"));
}

TEST_F(SimTest, CatShardsShowsUnassignedReplicas)
{
    create_index("s-1", 1, 3);
    const HttpResult result = get("/_cat/shards/s-1?format=json&h=prirep,state,node");
    ASSERT_EQ(result.json.size(), 4U);
    EXPECT_EQ(result.json.at(3), J(R"({"prirep":"r","state":"UNASSIGNED","node":null})"));
}

TEST_F(SimTest, CatShardsOfMissingIndexAnswers404)
{
    EXPECT_EQ(get("/_cat/shards/nope?format=json").status, 404);
}

}  // namespace
}  // namespace aliasing::sim::test
