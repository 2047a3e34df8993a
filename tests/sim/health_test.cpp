// GET /_cluster/health[/{index}] (reference §9).
#include "sim_fixture.hpp"

#include <chrono>

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, HealthBodyHasDocumentedKeysInOrder)
{
    create_index("a", 2, 1);
    const HttpResult result = get("/_cluster/health");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.body, R"({"cluster_name":"aliasing-sim","status":"green","timed_out":false,"number_of_nodes":3,"number_of_data_nodes":3,"active_primary_shards":2,"active_shards":4,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":0,"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":100.0})");
}

TEST_F(SimTest, ReplicasBeyondNodesMinusOneAreUnassignedAndYellow)
{
    create_index("a", 1, 3);
    const HttpResult result = get("/_cluster/health/a");
    EXPECT_EQ(result.json["status"], Json("yellow"));
    EXPECT_EQ(result.json["unassigned_shards"], Json(1));
    EXPECT_EQ(result.json["active_shards"], Json(3));
    EXPECT_EQ(result.json["active_shards_percent_as_number"], Json(75.0));
}

TEST_F(SimTest, NoDataNodesLeftMakesEveryIndexRed)
{
    create_index("a", 1, 0);
    ASSERT_EQ(put("/_sim/config", R"({"data_nodes":0})").status, 200);
    EXPECT_EQ(get("/_cluster/health/a").json["status"], Json("red"));
    EXPECT_EQ(get("/_cat/indices/a?format=json&h=health").json.at(0)["health"], Json("red"));
}

TEST_F(SimTest, WaitForStatusAlreadySatisfiedAnswersAtOnce)
{
    create_index("a");
    const HttpResult result = get("/_cluster/health/a?wait_for_status=green&timeout=5s");
    EXPECT_EQ(result.json["timed_out"], Json(false));
    EXPECT_EQ(result.json["status"], Json("green"));
}

TEST_F(SimTest, WaitForStatusTimesOutWith408In8x)
{
    // opensearch-and-es9.md §0.1: 408 with the full body on every line (the 200 change was reverted).
    create_index("a", 1, 5);
    const auto start = std::chrono::steady_clock::now();
    const HttpResult result = get("/_cluster/health/a?wait_for_status=green&timeout=200ms");
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(190));
    EXPECT_EQ(result.status, 408);
    EXPECT_EQ(result.json["timed_out"], Json(true));
    EXPECT_EQ(result.json["status"], Json("yellow"));
}

TEST_F(Sim717Test, WaitForStatusTimesOutWith408In717)
{
    create_index("a", 1, 5);
    const HttpResult result = get("/_cluster/health/a?wait_for_status=green&timeout=100ms");
    EXPECT_EQ(result.status, 408);
    EXPECT_EQ(result.json["timed_out"], Json(true));
    EXPECT_EQ(result.header("Warning"), "") << "the deprecation of 408 was reverted with the 200 change";
}

TEST_F(Sim717Test, Return200ParameterWasRevertedBeforeRelease)
{
    create_index("a", 1, 5);
    const HttpResult result =
        get("/_cluster/health/a?wait_for_status=green&timeout=50ms&return_200_for_cluster_health_timeout=true");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_argument_exception"));
}

TEST_F(SimTest, MissingIndexIsRedAndTimesOut)
{
    const HttpResult result = get("/_cluster/health/nope?timeout=50ms");
    EXPECT_EQ(result.status, 408);
    EXPECT_EQ(result.json["status"], Json("red"));
    EXPECT_EQ(result.json["timed_out"], Json(true));
}

TEST_F(SimTest, LevelIndicesAddsPerIndexEntries)
{
    create_index("a", 2, 1);
    EXPECT_EQ(get("/_cluster/health?level=indices").json["indices"],
              J(R"({"a":{"status":"green","number_of_shards":2,"number_of_replicas":1,"active_primary_shards":2,"active_shards":4,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":0}})"));
}

TEST_F(SimTest, InvalidWaitForStatusAnswers400)
{
    EXPECT_EQ(get("/_cluster/health?wait_for_status=blue").status, 400);
}

class ReplicaDelayTest : public SimTest {
protected:
    ServerOptions options() const override
    {
        ServerOptions given;
        given.replica_delay_millis = 300;
        return given;
    }
};

TEST_F(ReplicaDelayTest, ReplicaIncreaseIsYellowWhileAllocatingThenGreen)
{
    create_index("a", 2, 0);
    ASSERT_EQ(put("/a/_settings", R"({"number_of_replicas":1})").status, 200);
    const HttpResult allocating = get("/_cluster/health/a");
    EXPECT_EQ(allocating.json["status"], Json("yellow"));
    EXPECT_EQ(allocating.json["initializing_shards"], Json(2));
    const auto start = std::chrono::steady_clock::now();
    const HttpResult green = get("/_cluster/health/a?wait_for_status=green&timeout=5s");
    EXPECT_EQ(green.json["status"], Json("green"));
    EXPECT_EQ(green.json["timed_out"], Json(false));
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
}

TEST_F(ReplicaDelayTest, ReplicaDecreaseStaysGreen)
{
    create_index("a", 1, 2);
    ASSERT_EQ(put("/a/_settings", R"({"number_of_replicas":1})").status, 200);
    EXPECT_EQ(get("/_cluster/health/a").json["status"], Json("green"));
}

}  // namespace
}  // namespace aliasing::sim::test
