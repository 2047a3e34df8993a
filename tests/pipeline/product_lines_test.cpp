// The pipeline on every supported line and the refusal of the others (SPEC §14): product detection, version-gated
// force-merge, 9.x's 429 timeouts read back, and the report naming product and version.
#include "pipeline_fixture.hpp"

namespace aliasing::pipeline_testing {
namespace {

bool any_request(const std::vector<LoggedRequest>& requests, const std::string& path_part,
                 const std::string& query_part = "") {
    for (const auto& request : requests) {
        if (request.path.find(path_part) != std::string::npos && request.query.find(query_part) != std::string::npos)
            return true;
    }
    return false;
}

class ProductLines : public PipelineSim {};

TEST_F(ProductLines, OpenSearch211IsRefusedWithExit5NamingWhatIsNeededAndWhy) {
    load(customer_state("opensearch-2.11.1"));
    const NormalState before = state();
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 5);
    EXPECT_NE(result.outcome.message.find("OpenSearch 2.11.1 is not supported"), std::string::npos)
        << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("OpenSearch 2.12 or later"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("must_exist"), std::string::npos) << result.outcome.message;
    EXPECT_EQ(state(), before);
    EXPECT_EQ(requests().size(), 1u) << "only GET /";
}

TEST_F(ProductLines, Elasticsearch710IsRefusedWithExit5) {
    load(customer_state("7.10.2"));
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 5);
    EXPECT_NE(result.outcome.message.find("Elasticsearch 7.10.2 is not supported"), std::string::npos)
        << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("Elasticsearch 7.11 or later"), std::string::npos);
}

TEST_F(ProductLines, OpenSearchPromotesWithAsyncMergeAndTheReportNamesIt) {
    load(customer_state("opensearch-2.19.1"));
    const RunResult result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kNewRun));
    EXPECT_TRUE(any_request(requests(), "/_forcemerge", "wait_for_completion=false"));
    EXPECT_NE(result.report.find(R"("product":"OpenSearch 2.19.1")"), std::string::npos) << result.report;
    EXPECT_NE(result.log.find("OpenSearch 2.19.1"), std::string::npos) << result.log;
}

TEST_F(ProductLines, OpenSearchInCompatibilityModeIsDetectedByTaglineAndItsNodeVersion) {
    load(customer_state("opensearch-2.19.1"));
    control(cluster::Method::Put, "/_sim/config", R"({"override_main_response_version":true})");
    const RunResult result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_TRUE(any_request(requests(), "/_nodes/_local"));
    EXPECT_NE(result.report.find(R"("product":"OpenSearch 2.19.1")"), std::string::npos) << result.report;
}

TEST_F(ProductLines, OpenSearchInCompatibilityModeBelow212IsRefused) {
    load(customer_state("opensearch-2.11.1"));
    control(cluster::Method::Put, "/_sim/config", R"({"override_main_response_version":true})");
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 5);
    EXPECT_NE(result.outcome.message.find("OpenSearch 2.11.1"), std::string::npos) << result.outcome.message;
}

TEST_F(ProductLines, Elasticsearch80MergesSynchronouslyAnd81WithTasks) {
    load(customer_state("8.0.1"));
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 0);
    EXPECT_TRUE(any_request(requests(), "/_forcemerge"));
    EXPECT_FALSE(any_request(requests(), "/_forcemerge", "wait_for_completion"));
    load(customer_state("8.1.0"));
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 0);
    EXPECT_TRUE(any_request(requests(), "/_tasks/"));
}

TEST_F(ProductLines, NineTimeoutOnTheSwapIsReadBackNotRetried) {
    load(customer_state("9.1.5"));
    add_fault(R"({"method":"POST","path":"/_aliases","action":"master_timeout","when":"after"})");
    const RunResult result = run(customer_job());
    EXPECT_NE(result.outcome.exit_code, 7) << "a retried must_exist swap would report the alias moved\n" << result.log;
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kNewRun));
    int swaps = 0;
    for (const auto& request : requests()) swaps += request.method == "POST" && request.path == "/_aliases";
    EXPECT_EQ(swaps, 1) << "the 429 with X-Timed-Out must not be resent";
}

TEST_F(ProductLines, OpenSearchSecurityPlugin401WithoutJsonIsAnAuthenticationFailure) {
    for (const std::string version : {"opensearch-2.19.1", "opensearch-2.12.0"}) {
        load(customer_state(version));
        add_fault(R"({"path":"/","status":401})");  // the body is empty from 2.11 ("Unauthorized" before)
        const RunResult result = run(customer_job());
        EXPECT_EQ(result.outcome.exit_code, 5) << version;
        EXPECT_NE(result.outcome.message.find("authentication failed"), std::string::npos) << result.outcome.message;
    }
}

TEST_F(ProductLines, RequestsAreAlwaysPlainJson) {
    load(customer_state("9.1.5"));
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 0);
    // The 9.x simulator answers 400 media_type_header_exception to mixed or unsupported compat headers, and 406 on
    // OpenSearch: a clean run on both proves the tool sends plain application/json.
    load(customer_state("opensearch-2.19.1"));
    EXPECT_EQ(run(customer_job()).outcome.exit_code, 0);
}

}  // namespace
}  // namespace aliasing::pipeline_testing
