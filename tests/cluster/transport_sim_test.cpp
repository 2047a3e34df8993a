// Transport behaviour over real loopback HTTP against aliasing-sim: keep-alive, no leaks, failover, retries,
// dropped connections and timeouts.
#ifdef ALIASING_HAVE_SIM
#include "sim_fixture.hpp"

namespace aliasing::cluster {
namespace {

using testing::SimTest;

TEST_F(SimTest, KeepAliveReusesOneConnectionAcrossRequests) {
    const auto before = connections();
    {
        auto es = client();
        for (int i = 0; i < 25; ++i) ASSERT_TRUE(es.info().ok());
        EXPECT_EQ(connections().total - before.total, 1);
    }
}

TEST_F(SimTest, NoConnectionLeftOpenAfterClientDestroyed) {
    const auto before = connections();
    {
        auto es = client();
        ASSERT_TRUE(es.info().ok());
        EXPECT_EQ(connections().open, before.open + 1);
    }
    EXPECT_EQ(wait_for_open_connections(before.open), before.open);
}

TEST_F(SimTest, NoConnectionLeftOpenAfterErrors) {
    const auto before = connections();
    {
        auto es = client();
        add_fault(R"({"method":"POST","path":"/_aliases","action":"drop","when":"after","count":1})");
        add_fault(R"({"method":"GET","path":"/_alias/*","action":"respond","status":500,"count":1})");
        EXPECT_FALSE(es.update_aliases(R"({"actions":[{"add":{"index":"nope","alias":"a"}}]})").ok());
        EXPECT_FALSE(es.get_alias("x").ok());
        EXPECT_FALSE(es.delete_indices({"missing-index"}).ok());
        EXPECT_TRUE(es.info().ok());
    }
    EXPECT_EQ(wait_for_open_connections(before.open), before.open);
}

TEST_F(SimTest, ExplicitCloseReleasesTheSocket) {
    const auto before = connections();
    auto es = client();
    ASSERT_TRUE(es.info().ok());
    es.close();
    EXPECT_EQ(wait_for_open_connections(before.open), before.open);
    ASSERT_TRUE(es.info().ok());  // reconnects after close()
}

TEST_F(SimTest, FailsOverFromDeadNodeToLiveNode) {
    auto es = client([&](ConnectionOptions& options) {
        options.urls = {testing::loopback_url(testing::closed_loopback_port()), m_sim->url()};
    });
    auto info = es.info();
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_TRUE(m_clock.sleeps->empty());  // failing over to an untried node needs no backoff
    ASSERT_TRUE(es.info().ok());
    EXPECT_EQ(es.requests_sent(), 3u);  // dead + live, then the live node directly
}

TEST_F(SimTest, EveryNodeDeadIsUnreachableAfterAllAttempts) {
    auto es = client([&](ConnectionOptions& options) {
        options.urls = {testing::loopback_url(testing::closed_loopback_port()),
                        testing::loopback_url(testing::closed_loopback_port())};
    });
    auto info = es.info();
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().kind, ErrorKind::Unreachable);
    EXPECT_EQ(es.requests_sent(), 4u);  // max_attempts
    EXPECT_FALSE(m_clock.sleeps->empty());
}

class TransientStatus : public SimTest, public ::testing::WithParamInterface<int> {};

TEST_P(TransientStatus, RetriedWithBackoffThenSucceeds) {
    add_fault(R"({"method":"GET","path":"/_cat/indices*","action":"respond","status":)" + std::to_string(GetParam()) +
              R"(,"count":2})");
    auto es = client();
    auto body = es.cat_indices("*");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(m_clock.sleeps->size(), 2u);
    EXPECT_EQ(request_log().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Statuses, TransientStatus, ::testing::Values(429, 502, 503, 504));

TEST_F(SimTest, TooManyRequestsOnUnsafeRequestIsRetried) {
    create_index("gen-1");
    add_fault(R"({"method":"POST","path":"/_aliases","action":"respond","status":429,"count":2})");
    auto es = client();
    auto status = es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})");
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_EQ(m_clock.sleeps->size(), 2u);
    EXPECT_TRUE(alias_points_to("live", "gen-1"));
}

class GatewayStatus : public SimTest, public ::testing::WithParamInterface<int> {};

TEST_P(GatewayStatus, AfterApplyingUnsafeRequestIsOutcomeUnknownNotRepeated) {
    create_index("gen-1");
    add_fault(R"({"method":"POST","path":"/_aliases","action":"respond","when":"after","status":)" +
              std::to_string(GetParam()) + R"(,"count":1})");
    auto es = client();
    auto status = es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})");
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.outcome_unknown());
    EXPECT_EQ(es.requests_sent(), 1u);
    EXPECT_TRUE(alias_points_to("live", "gen-1"));
}

INSTANTIATE_TEST_SUITE_P(Statuses, GatewayStatus, ::testing::Values(502, 503, 504));

TEST_F(SimTest, BackoffGrowsBetweenRetries) {
    add_fault(R"({"method":"GET","path":"/","action":"respond","status":503,"count":3})");
    auto es = client();
    ASSERT_TRUE(es.info().ok());
    ASSERT_EQ(m_clock.sleeps->size(), 3u);
    EXPECT_LT((*m_clock.sleeps)[0], (*m_clock.sleeps)[1]);
    EXPECT_LT((*m_clock.sleeps)[1], (*m_clock.sleeps)[2]);
}

TEST_F(SimTest, RetryExhaustionReportsTheClusterErrorType) {
    add_fault(R"({"method":"GET","path":"/_cat/indices*","action":"respond","status":429,"count":100,
                  "body":{"error":{"root_cause":[],"type":"es_rejected_execution_exception","reason":"rejected execution of search"},"status":429}})");
    auto es = client();
    auto body = es.cat_indices("*");
    ASSERT_FALSE(body.ok());
    EXPECT_EQ(body.error().kind, ErrorKind::StepFailed);
    EXPECT_NE(body.error().message.find("es_rejected_execution_exception"), std::string::npos) << body.error().message;
    EXPECT_NE(body.error().message.find("GET /_cat/indices/"), std::string::npos) << body.error().message;
    EXPECT_EQ(es.requests_sent(), 4u);
}

TEST_F(SimTest, NonTransientStatusIsAResponseNotARetry) {
    auto es = client();
    auto response = es.transport().request(Method::Get, "/missing-index", {}, Replay::Safe);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 404);
    EXPECT_TRUE(m_clock.sleeps->empty());
}

TEST_F(SimTest, HeadResponseWithoutBodyIsComplete) {
    auto es = client();
    auto response = es.transport().request(Method::Head, "/", {}, Replay::Safe);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(response->body.empty());
    ASSERT_TRUE(es.info().ok());  // the kept-alive socket is still usable
    EXPECT_EQ(es.requests_sent(), 2u);
}

TEST_F(SimTest, DroppedConnectionOnSafeRequestIsRetried) {
    add_fault(R"({"method":"GET","path":"/_alias/*","action":"drop","when":"before","count":1})");
    auto es = client();
    auto body = es.get_alias("live");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(request_log().size(), 2u);
}

TEST_F(SimTest, DroppedAfterUnsafeAliasUpdateIsOutcomeUnknownAndWasApplied) {
    create_index("gen-1");
    add_fault(R"({"method":"POST","path":"/_aliases","action":"drop","when":"after","count":1})");
    auto es = client();
    auto status = es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})");
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.outcome_unknown());
    EXPECT_EQ(status.error().kind, ErrorKind::StepFailed);
    EXPECT_NE(status.error().message.find("outcome is unknown"), std::string::npos) << status.error().message;
    EXPECT_EQ(request_log().size(), 2u);  // the PUT that created the index, then one POST: never repeated
    EXPECT_TRUE(alias_points_to("live", "gen-1"));  // this is why callers must re-read
}

TEST_F(SimTest, DroppedBeforeUnsafeAliasUpdateIsAlsoOutcomeUnknown) {
    create_index("gen-1");
    add_fault(R"({"method":"POST","path":"/_aliases","action":"drop","when":"before","count":1})");
    auto es = client();
    auto status = es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})");
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.outcome_unknown());
    EXPECT_FALSE(alias_points_to("live", "gen-1"));
}

TEST_F(SimTest, ReadTimeoutOnSafeRequestIsRetried) {
    add_fault(R"({"method":"GET","path":"/","action":"delay","delay_ms":700,"count":1})");
    auto es = client([](ConnectionOptions& options) { options.read_timeout = std::chrono::milliseconds{200}; });
    auto info = es.info();
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(es.requests_sent(), 2u);
}

TEST_F(SimTest, ReadTimeoutOnUnsafeRequestIsOutcomeUnknown) {
    create_index("gen-1");
    add_fault(R"({"method":"POST","path":"/_aliases","action":"delay","delay_ms":700,"count":1})");
    auto es = client([](ConnectionOptions& options) { options.read_timeout = std::chrono::milliseconds{200}; });
    auto status = es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})");
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.outcome_unknown());
    EXPECT_NE(status.error().message.find("timeout"), std::string::npos) << status.error().message;
}

TEST_F(SimTest, StaleKeptAliveSocketRetriedOnceWithoutCountingAnAttempt) {
    auto es = client([](ConnectionOptions& options) { options.retry.max_attempts = 1; });
    ASSERT_TRUE(es.info().ok());  // the socket is now kept alive
    add_fault(R"({"method":"GET","path":"/","action":"drop","when":"before","count":1})");
    auto info = es.info();  // fails on the reused socket before any byte of the response
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_TRUE(m_clock.sleeps->empty());
}

TEST_F(SimTest, FreshSocketDropOnSafeRequestCountsAsAnAttempt) {
    add_fault(R"({"method":"GET","path":"/","action":"drop","when":"before","count":1})");
    auto es = client([](ConnectionOptions& options) { options.retry.max_attempts = 1; });
    auto info = es.info();
    ASSERT_FALSE(info.ok());
}

}  // namespace
}  // namespace aliasing::cluster
#endif
