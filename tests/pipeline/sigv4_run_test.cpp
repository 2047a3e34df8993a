// A whole promotion signed with SigV4 against the SigV4-checking simulator (aliasing-sim --aws-sigv4), as against
// Amazon OpenSearch Service: every request verified, a wrong secret refused with 403 and exit 5, no secret or
// signature in the log or the report.
#include "pipeline_fixture.hpp"

namespace aliasing::pipeline_testing {
namespace {

constexpr const char* kKeyId = "AKIDSIMULATED";
constexpr const char* kSecret = "sim/Secret+Key0123456789abcdefEXAMPLE";

class SignedRun : public PipelineSim {
protected:
    sim::ServerOptions sim_options() const override {
        sim::ServerOptions options = PipelineSim::sim_options();
        options.aws_sigv4 = std::string(kKeyId) + ":" + kSecret;
        options.aws_region = "eu-west-1";
        return options;
    }
    cluster::SigV4Config config(const std::string& secret = kSecret, const std::string& token = {}) const {
        cluster::SigV4Config signing;
        signing.region = "eu-west-1";
        signing.service = "es";
        signing.credentials = {kKeyId, secret, token};
        return signing;
    }
};

TEST_F(SignedRun, PromotesOnOpenSearchWithEveryRequestSigned) {
    load(customer_state("opensearch-2.19.1"));
    m_sigv4 = config(kSecret, "session-token-value");
    const RunResult result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kNewRun));
    for (const auto& request : requests()) EXPECT_NE(request.status, 403) << request.method << " " << request.path;
    for (const std::string& text : {result.log, result.report, result.plan, result.outcome.message}) {
        EXPECT_EQ(text.find(kSecret), std::string::npos);
        EXPECT_EQ(text.find("session-token-value"), std::string::npos);
        EXPECT_EQ(text.find("Signature="), std::string::npos);
    }
}

TEST_F(SignedRun, AWrongSecretIs403AndExit5WithNothingChanged) {
    const NormalState before = state();
    m_sigv4 = config("not-the-secret");
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 5) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("403"), std::string::npos) << result.outcome.message;
    EXPECT_EQ(result.outcome.message.find("not-the-secret"), std::string::npos);
    EXPECT_EQ(state(), before);
}

TEST_F(SignedRun, AnUnsignedRunIsRefused) {
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 5) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("Missing Authentication Token"), std::string::npos) << result.outcome.message;
}

}  // namespace
}  // namespace aliasing::pipeline_testing
