// The new indices are re-read right before the swap: one closed, deleted or turned red since planning refuses the
// swap (exit 6) with nothing changed — the alias stays on the old generation and nothing is deleted.

#include "pipeline_fixture.hpp"

#include <functional>
#include <thread>

namespace aliasing::pipeline_testing {
namespace {

using cluster::Method;

class Recheck : public PipelineSim {
protected:
    /// Runs the customer job (no replica change, so nothing after the merges looks at the indices) and calls
    /// `change` once, while the second force-merge task is polled: after planning, with the first new index
    /// already merged. Returns the run and the name of that first merged index.
    std::pair<RunResult, std::string> run_changing_after_first_merge(
        const std::function<void(const std::string& merged_index)>& change) {
        EXPECT_EQ(control(Method::Put, "/_sim/config", R"({"forcemerge_millis_per_gib":5})").status, 200);
        Job job = customer_job();
        job.new_replicas.reset();
        std::string changed;
        PipelineOptions options;
        options.poll_interval = 10ms;
        options.sleep = [&](std::chrono::milliseconds duration) {
            if (changed.empty()) {
                std::vector<std::string> merged;
                for (const auto& request : requests())
                    if (request.path.size() > 12 && request.path.ends_with("/_forcemerge"))
                        merged.push_back(request.path.substr(1, request.path.size() - 1 - 12));
                if (merged.size() >= 2) {
                    changed = merged.front();
                    change(changed);
                }
            }
            std::this_thread::sleep_for(duration);
        };
        RunResult result = run(job, options, 5s);
        EXPECT_FALSE(changed.empty()) << "the change never happened: fewer than two force-merges were polled\n"
                                      << result.log;
        return {std::move(result), changed};
    }

    void expect_nothing_changed(const NormalState& before, const NormalState& after) {
        EXPECT_EQ(after.alias_targets(kAlias), generation(kOldRun)) << "the alias moved:\n" << after.describe();
        for (const auto& name : before.names()) {
            if (name.find(kNewRun) == std::string::npos) {
                EXPECT_TRUE(after.indices.count(name)) << "deleted " << name;
            }
        }
        for (const auto& request : requests()) {
            if (request.path.find(kNewRun) == std::string::npos) {
                EXPECT_NE(request.method, "DELETE") << request.path;  // the test's own DELETE is of a new index
            }
            EXPECT_NE(request.path, "/_aliases") << "a swap was sent";
        }
    }
};

TEST_F(Recheck, NewIndexClosedSincePlanningRefusesTheSwap) {
    const NormalState before = state();
    auto [result, index] = run_changing_after_first_merge([&](const std::string& name) {
        const auto response = control(Method::Post, "/" + name + "/_close");
        EXPECT_EQ(response.status, 200) << response.body;
    });
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("[" + index + "] is closed"), std::string::npos) << result.outcome.message;
    expect_nothing_changed(before, state());
}

TEST_F(Recheck, NewIndexDeletedSincePlanningRefusesTheSwap) {
    const NormalState before = state();
    auto [result, index] = run_changing_after_first_merge([&](const std::string& name) {
        const auto response = control(Method::Delete, "/" + name);
        EXPECT_EQ(response.status, 200) << response.body;
    });
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("no longer exists"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find(index), std::string::npos) << result.outcome.message;
    expect_nothing_changed(before, state());
}

TEST_F(Recheck, NewIndicesTurnedRedSincePlanningRefuseTheSwap) {
    const NormalState before = state();
    auto [result, index] = run_changing_after_first_merge([&](const std::string&) {
        const auto response = control(Method::Put, "/_sim/config", R"({"data_nodes":0})");
        EXPECT_EQ(response.status, 200) << response.body;
    });
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("is red"), std::string::npos) << result.outcome.message;
    expect_nothing_changed(before, state());
}

TEST_F(Recheck, HealthyNewIndicesStillPromote) {
    auto [result, index] = run_changing_after_first_merge([](const std::string&) {});
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kNewRun));
}

}  // namespace
}  // namespace aliasing::pipeline_testing
