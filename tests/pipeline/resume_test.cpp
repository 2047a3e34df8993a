// I3 resume, rollback end to end, read-only commands, and the 7.17 synchronous force-merge path. Rollback and the
// dry run also run against a real cluster (ALIASING_TEST_ES_URL).

#include "pipeline_fixture.hpp"

namespace aliasing::pipeline_testing {
namespace {

using cluster::Method;

class Resume : public PipelineSim {
protected:
    bool real_cluster_capable() const override { return true; }
};

TEST_F(Resume, RunInterruptedAfterTheSwapExits6AndARerunOnlyCleansUp) {
    ALIASING_SIMULATOR_ONLY(on_real_cluster(), "fault injection");
    const std::string initial = customer_state();
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 0);
    const NormalState clean = state();

    load(initial);
    add_fault(R"({"method":"DELETE","path":"*","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected"},"status":500}})");
    const RunResult interrupted = run(customer_job());
    EXPECT_EQ(interrupted.outcome.exit_code, 6) << interrupted.outcome.message;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kNewRun)) << "the swap happened before the delete";
    clear_faults();

    const RunResult rerun = run(customer_job());
    EXPECT_EQ(rerun.outcome.exit_code, 0) << rerun.outcome.message << "\n" << rerun.log;
    EXPECT_EQ(rerun.outcome.outcome, "cleaned_up");
    EXPECT_EQ(state(), clean) << state().describe();
}

TEST_F(Resume, RollbackPointsTheAliasBackToThePreviousGenerationAndDeletesNothing) {
    Job job = customer_job();
    job.keep_generations = 1;
    ASSERT_EQ(run(job).outcome.exit_code, 0);
    const NormalState promoted = state();
    ASSERT_EQ(promoted.alias_targets(kAlias), generation(kNewRun));
    for (const auto& name : generation(kOldRun)) ASSERT_TRUE(promoted.indices.count(name)) << "kept " << name;

    PipelineOptions options;
    options.mode = PipelineMode::Rollback;
    const RunResult rolled = run(job, options);
    EXPECT_EQ(rolled.outcome.exit_code, 0) << rolled.outcome.message << "\n" << rolled.log;
    EXPECT_EQ(rolled.outcome.outcome, "rolled_back");
    const NormalState after = state();
    EXPECT_EQ(after.alias_targets(kAlias), generation(kOldRun));
    EXPECT_EQ(after.names(), promoted.names()) << "rollback deleted something";
}

TEST_F(Resume, DryRunPrintsThePlanAndChangesNothing) {
    const std::string before = raw_state();
    PipelineOptions options;
    options.execution = Execution::DryRun;
    const RunResult result = run(customer_job(), options);
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message;
    EXPECT_NE(result.plan.find(kNewRun), std::string::npos) << result.plan;
    EXPECT_EQ(raw_state(), before);
    if (!on_real_cluster()) {  // no request log there: the unchanged state is what is checked
        for (const auto& request : requests()) EXPECT_EQ(request.method, "GET") << request.path;
    }
}

TEST_F(Resume, PromotionOn717UsesSynchronousForceMerge) {
    ALIASING_SIMULATOR_ONLY(on_real_cluster(), "a 7.17 cluster and the request log");
    load(customer_state("7.17.21"));
    const NormalState before = state();
    const RunResult result = run(customer_job(), {}, 5s);
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    const NormalState after = state();
    EXPECT_EQ(after.alias_targets(kAlias), generation(kNewRun));
    int merges = 0;
    for (const auto& request : requests()) {
        if (request.path.find("_forcemerge") == std::string::npos) continue;
        ++merges;
        EXPECT_EQ(request.query.find("wait_for_completion=false"), std::string::npos) << request.query;
    }
    EXPECT_EQ(merges, 4);
    for (const auto& name : generation(kNewRun)) {
        EXPECT_EQ(after.indices.at(name).replicas, 1) << name;
        EXPECT_LT(after.indices.at(name).segments_per_primary, before.indices.at(name).segments_per_primary) << name;
    }
}

}  // namespace
}  // namespace aliasing::pipeline_testing
