// POST /{index}/_forcemerge and GET /_tasks/{id} (reference §7, §8).
#include "sim_fixture.hpp"

#include <chrono>
#include <regex>
#include <thread>

namespace aliasing::sim::test {
namespace {


class ForceMergeTest : public SimTest {
protected:
    ServerOptions options() const override
    {
        ServerOptions given;
        given.forcemerge_millis_per_gib = 400;
        return given;
    }
    void SetUp() override
    {
        SimTest::SetUp();
        create_index("big", 2, 1, 1073741824LL / 2, 100, 12);  // 0.5 GiB: 200 ms
        create_index("tiny", 1, 0, 1000, 1, 4);
    }
    Json segments(const std::string& index)
    {
        return get("/_cat/indices/" + index + "?format=json&h=pri.segments.count").json.at(0)["pri.segments.count"];
    }
};

TEST_F(ForceMergeTest, SynchronousMergeBlocksUntilDoneAndSetsSegments)
{
    const auto start = std::chrono::steady_clock::now();
    const HttpResult result = post("/big/_forcemerge?max_num_segments=1");
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"_shards":{"total":4,"successful":4,"failed":0}})"));
    EXPECT_GE(took, std::chrono::milliseconds(150));
    EXPECT_EQ(segments("big"), Json("2"));
}

TEST_F(ForceMergeTest, SimFailureSettingGivesAFailedShardInTheSyncAndTaskResponses)
{
    ASSERT_EQ(put("/big/_settings", R"({"index":{"sim":{"forcemerge_failure":"merge aborted: disk full"}}})").status, 200);
    const Json expected = J(R"({"_shards":{"total":4,"successful":3,"failed":1,"failures":[{"shard":0,"index":"big","status":"INTERNAL_SERVER_ERROR","reason":{"type":"illegal_state_exception","reason":"merge aborted: disk full"}}]}})");
    EXPECT_EQ(post("/big/_forcemerge?max_num_segments=1").json, expected);
    EXPECT_EQ(segments("big"), Json("24")) << "a failed merge changes nothing";

    const std::string task = post("/big/_forcemerge?max_num_segments=1&wait_for_completion=false").json["task"].as_string();
    const HttpResult done = get("/_tasks/" + task + "?wait_for_completion=true&timeout=5s");
    EXPECT_EQ(done.json["completed"], Json(true));
    EXPECT_EQ(done.json["response"], expected);
    EXPECT_TRUE(get("/big/_settings?flat_settings=true").body.find("sim.") == std::string::npos);
}

TEST_F(ForceMergeTest, MaxSegmentsNeverRaisesTheCount)
{
    ASSERT_EQ(post("/tiny/_forcemerge?max_num_segments=10").status, 200);
    EXPECT_EQ(segments("tiny"), Json("4"));
}

TEST_F(ForceMergeTest, UnassignedReplicasCountInTotalButNotSuccessful)
{
    create_index("lonely", 1, 5, 10, 1, 2);
    EXPECT_EQ(post("/lonely/_forcemerge?max_num_segments=1").json,
              J(R"({"_shards":{"total":6,"successful":3,"failed":0}})"));
}

TEST_F(ForceMergeTest, AsyncMergeReturnsTaskIdThenCompletes)
{
    const HttpResult started = post("/big/_forcemerge?max_num_segments=1&wait_for_completion=false");
    ASSERT_EQ(started.status, 200);
    const std::string task = started.json["task"].as_string();
    EXPECT_TRUE(std::regex_match(task, std::regex(R"(^\w+:\d+$)"))) << task;

    const HttpResult running = get("/_tasks/" + task);
    EXPECT_EQ(running.status, 200);
    EXPECT_EQ(running.json["completed"], Json(false));
    EXPECT_TRUE(running.json.find("response") == nullptr);
    EXPECT_EQ(running.json["task"]["action"], Json("indices:admin/forcemerge"));
    EXPECT_EQ(running.json["task"]["description"],
              Json("Force-merge indices [big], maxSegments[1], onlyExpungeDeletes[false], flush[true]"));
    EXPECT_EQ(segments("big"), Json("24"));

    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    const HttpResult done = get("/_tasks/" + task);
    EXPECT_EQ(done.json["completed"], Json(true));
    EXPECT_EQ(done.json["response"], J(R"({"_shards":{"total":4,"successful":4,"failed":0}})"));
    EXPECT_EQ(segments("big"), Json("2"));
}

TEST_F(ForceMergeTest, TaskWaitForCompletionBlocksUntilDone)
{
    const std::string task = post("/big/_forcemerge?max_num_segments=1&wait_for_completion=false").json["task"].as_string();
    const HttpResult done = get("/_tasks/" + task + "?wait_for_completion=true&timeout=5s");
    EXPECT_EQ(done.json["completed"], Json(true));
}

TEST_F(ForceMergeTest, TaskBodyHasTheDocumentedKeys)
{
    const std::string task = post("/tiny/_forcemerge?wait_for_completion=false").json["task"].as_string();
    const HttpResult result = get("/_tasks/" + task);
    const Json& info = result.json["task"];
    for (const char* key : {"node", "id", "type", "action", "description", "start_time_in_millis",
                            "running_time_in_nanos", "cancellable", "headers"}) {
        EXPECT_NE(info.find(key), nullptr) << key;
    }
    EXPECT_EQ(info["node"].as_string() + ":" + std::to_string(info["id"].as_int()), task);
}

TEST_F(ForceMergeTest, ExpungeDeletesWithMaxSegmentsIsRefusedIn8x)
{
    const HttpResult result = post("/big/_forcemerge?only_expunge_deletes=true&max_num_segments=1");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"action_request_validation_exception","reason":"Validation Failed: 1: cannot set only_expunge_deletes and max_num_segments at the same time, those two parameters are mutually exclusive;"}],"type":"action_request_validation_exception","reason":"Validation Failed: 1: cannot set only_expunge_deletes and max_num_segments at the same time, those two parameters are mutually exclusive;"},"status":400})"));
}

TEST_F(ForceMergeTest, ClosedIndexAnswersIndexClosed)
{
    ASSERT_EQ(post("/tiny/_close").status, 200);
    const std::string uuid = get("/_cat/indices/tiny?format=json&h=uuid").json.at(0)["uuid"].as_string();
    const HttpResult result = post("/tiny/_forcemerge?max_num_segments=1");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"index_closed_exception","reason":"closed","index_uuid":")" + uuid + R"(","index":"tiny"}],"type":"index_closed_exception","reason":"closed","index_uuid":")" + uuid + R"(","index":"tiny"},"status":400})"));
}

TEST_F(ForceMergeTest, MissingIndexAnswers404)
{
    EXPECT_EQ(post("/nope/_forcemerge").status, 404);
}

TEST_F(ForceMergeTest, TaskOnUnknownNodeAnswers404)
{
    const HttpResult result = get("/_tasks/nosuchnode:1");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("task [nosuchnode:1] belongs to the node [nosuchnode] which isn't part of the cluster and there is "
                   "no record of the task"));
}

TEST_F(ForceMergeTest, UnknownTaskOnKnownNodeAnswers404WithTasksIndexCause)
{
    const std::string node = get("/_cat/segments/tiny?format=json&h=id").json.at(0)["id"].as_string();
    const HttpResult result = get("/_tasks/" + node + ":999");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["type"], Json("resource_not_found_exception"));
    EXPECT_EQ(result.json["error"]["reason"], Json("task [" + node + ":999] isn't running and hasn't stored its results"));
    EXPECT_EQ(result.json["error"]["caused_by"]["reason"], Json("no such index [.tasks]"));
}

TEST_F(ForceMergeTest, UnknownTaskAfterAStoredResultHasNoCause)
{
    const std::string task = post("/tiny/_forcemerge?wait_for_completion=false").json["task"].as_string();
    const std::string node = task.substr(0, task.find(':'));
    const HttpResult result = get("/_tasks/" + node + ":999");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"].find("caused_by"), nullptr);
}

TEST_F(ForceMergeTest, FinishedSynchronousMergeTaskIsNotStored)
{
    const std::string node = get("/_cat/segments/tiny?format=json&h=id").json.at(0)["id"].as_string();
    ASSERT_EQ(post("/tiny/_forcemerge?max_num_segments=1").status, 200);
    EXPECT_EQ(get("/_tasks/" + node + ":1").status, 404);
}

TEST_F(ForceMergeTest, MalformedTaskIdAnswers400)
{
    const HttpResult result = get("/_tasks/foo");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("malformed task id foo"));
}

TEST_F(Sim717Test, WaitForCompletionIsAnUnrecognizedParameterIn717)
{
    create_index("a");
    const HttpResult result = post("/a/_forcemerge?max_num_segments=1&wait_for_completion=false");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"request [/a/_forcemerge] contains unrecognized parameter: [wait_for_completion]"}],"type":"illegal_argument_exception","reason":"request [/a/_forcemerge] contains unrecognized parameter: [wait_for_completion]"},"status":400})"));
}

TEST_F(Sim717Test, ExpungeDeletesWithMaxSegmentsIsAcceptedIn717)
{
    create_index("a");
    EXPECT_EQ(post("/a/_forcemerge?only_expunge_deletes=true&max_num_segments=1").status, 200);
}

}  // namespace
}  // namespace aliasing::sim::test
