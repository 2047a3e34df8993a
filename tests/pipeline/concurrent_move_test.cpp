// I4: someone else moves the alias between discover and the swap; the must_exist swap fails atomically, the run
// exits 7 and deletes nothing. Also when the move happens while the outcome of our swap is unknown.

#include "pipeline_fixture.hpp"

#include <thread>

namespace aliasing::pipeline_testing {
namespace {

using cluster::Method;

std::string move_to_older_generation() {
    std::string actions = R"({"actions":[)";
    for (const auto& name : generation(kOldRun))
        actions += R"({"remove":{"index":")" + name + R"(","alias":"customer-prod"}},)";
    for (const auto& name : generation(kOlderRun))
        actions += R"({"add":{"index":")" + name + R"(","alias":"customer-prod"}},)";
    actions.back() = ']';
    return actions + "}";
}

/// Someone else's move that takes the alias wherever it points now to the older generation.
std::string take_alias_to_older_generation() {
    std::string actions = R"({"actions":[{"remove":{"index":"customer-2_0_0-*","alias":"customer-prod"}},)";
    for (const auto& name : generation(kOlderRun))
        actions += R"({"add":{"index":")" + name + R"(","alias":"customer-prod"}},)";
    actions.back() = ']';
    return actions + "}";
}

class ConcurrentMove : public PipelineSim {};

TEST_F(ConcurrentMove, AliasMovedDuringForceMergeExits7AndDeletesNothing) {
    // Force-merges take a while, so the pipeline polls its task and sleeps through the hook: the "someone else"
    // moves the alias (a manual rollback) during the first sleep, after discover and planning.
    ASSERT_EQ(control(Method::Put, "/_sim/config", R"({"forcemerge_millis_per_gib":5})").status, 200);
    const NormalState before = state();
    bool moved = false;
    PipelineOptions options;
    options.poll_interval = 20ms;
    options.sleep = [&](std::chrono::milliseconds duration) {
        if (!moved) {
            const auto response = control(Method::Post, "/_aliases", move_to_older_generation());
            EXPECT_EQ(response.status, 200) << response.body;
            moved = true;
        }
        std::this_thread::sleep_for(duration);
    };
    const RunResult result = run(customer_job(), options, 5s);
    ASSERT_TRUE(moved) << "the pipeline never polled a force-merge task, so the move never happened\n" << result.log;
    EXPECT_EQ(result.outcome.exit_code, 7) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(result.outcome.outcome, "alias_moved");
    const NormalState after = state();
    EXPECT_EQ(after.names(), before.names()) << "something was deleted:\n" << after.describe();
    EXPECT_EQ(after.alias_targets(kAlias), generation(kOlderRun)) << "the other party's move was undone";
    for (const auto& request : requests()) EXPECT_NE(request.method, "DELETE") << request.path;
}

TEST_F(ConcurrentMove, AliasMovedWhileReplicasAreSetExits7AndDeletesNothing) {
    // The same from another thread: the replicas PUT is delayed on the server; while it waits, the test moves the
    // alias with a real POST /_aliases.
    add_fault(R"({"method":"PUT","path":"/*/_settings","action":"delay","delay_ms":300})");
    const NormalState before = state();
    std::thread mover([&] {
        for (int i = 0; i < 500; ++i) {
            bool seen = false;
            for (const auto& request : requests()) seen = seen || (request.method == "PUT");
            if (seen) break;
            std::this_thread::sleep_for(5ms);
        }
        const auto response = control(Method::Post, "/_aliases", move_to_older_generation());
        EXPECT_EQ(response.status, 200) << response.body;
    });
    const RunResult result = run(customer_job(), {}, 5s);
    mover.join();
    EXPECT_EQ(result.outcome.exit_code, 7) << result.outcome.message << "\n" << result.log;
    const NormalState after = state();
    EXPECT_EQ(after.names(), before.names()) << "something was deleted:\n" << after.describe();
    EXPECT_EQ(after.alias_targets(kAlias), generation(kOlderRun));
}

TEST_F(ConcurrentMove, AliasMovedWhileTheSwapOutcomeIsUnknownStillExits7) {
    // Our swap waits in the master's queue past the client's read timeout; someone else's move arrives meanwhile and
    // is queued behind it. Ours applies, then theirs takes the alias to the older generation; our resend fails
    // must_exist. The alias points where neither our swap nor the state observed at the start put it: exit 7.
    add_fault(R"({"method":"POST","path":"/_aliases","nth":1,"action":"delay","delay_ms":800})");
    const NormalState before = state();
    std::thread mover([&] {
        for (int i = 0; i < 500 && requests_to("POST", "/_aliases").empty(); ++i) std::this_thread::sleep_for(5ms);
        const auto response = control(Method::Post, "/_aliases", take_alias_to_older_generation());
        EXPECT_EQ(response.status, 200) << response.body;
    });
    const RunResult result = run(customer_job(), {}, 500ms);
    mover.join();
    EXPECT_EQ(requests_to("POST", "/_aliases").size(), 3u) << "ours, theirs, our resend\n" << result.log;
    EXPECT_EQ(result.outcome.exit_code, 7) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(result.outcome.outcome, "alias_moved");
    const NormalState after = state();
    EXPECT_EQ(after.names(), before.names()) << "something was deleted:\n" << after.describe();
    EXPECT_EQ(after.alias_targets(kAlias), generation(kOlderRun)) << "the other party's move was undone";
}

}  // namespace
}  // namespace aliasing::pipeline_testing
