// A force-merge whose response has failed shards (_shards.failed > 0, in the task's stored response on 8.x or in
// the synchronous response on 7.17) is not "merged": the step fails with exit 6, naming the shard failure's
// reason, and the alias is not moved.

#include "pipeline_fixture.hpp"

namespace aliasing::pipeline_testing {
namespace {

using cluster::Method;

const std::string kFailing = std::string("customer-2_0_0-address-") + kNewRun;

class MergeFailure : public PipelineSim {
protected:
    void fail_merges_of(const std::string& index) {
        const auto response = control(Method::Put, "/" + index + "/_settings",
                                      R"({"index":{"sim":{"forcemerge_failure":"merge aborted: disk watermark"}}})");
        ASSERT_EQ(response.status, 200) << response.body;
    }

    void expect_refused(const RunResult& result) {
        EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
        EXPECT_NE(result.outcome.message.find("merge aborted: disk watermark"), std::string::npos)
            << result.outcome.message;
        EXPECT_NE(result.outcome.message.find(kFailing), std::string::npos) << result.outcome.message;
        EXPECT_EQ(state().alias_targets(kAlias), generation(kOldRun));
        for (const auto& request : requests()) {
            EXPECT_NE(request.path, "/_aliases") << "a swap was sent";
            EXPECT_NE(request.method, "DELETE") << request.path;
        }
    }
};

TEST_F(MergeFailure, TaskWithFailedShardsFailsTheStepWithItsReason) {
    fail_merges_of(kFailing);
    expect_refused(run(customer_job(), {}, 5s));
}

TEST_F(MergeFailure, SynchronousMergeWithFailedShardsFailsTheStepWithItsReasonOn717) {
    load(customer_state("7.17.21"));
    fail_merges_of(kFailing);
    const RunResult result = run(customer_job(), {}, 5s);
    expect_refused(result);
    EXPECT_EQ(result.outcome.message.find("\"_shards\""), std::string::npos)
        << "the reason is given, not the raw body: " << result.outcome.message;
}

}  // namespace
}  // namespace aliasing::pipeline_testing
