// RunLock against the in-process aliasing-sim with injected clocks: heartbeats, loss, clock-free expiry, and a
// cluster that refuses the lock index.
#ifdef ALIASING_HAVE_SIM
#include "sim_fixture.hpp"

#include "aliasing/cluster/run_lock.hpp"

namespace aliasing::cluster {
namespace {

using testing::SimTest;

/// A steady clock that only moves when the lock sleeps (or the test says so).
struct ManualClock {
    std::chrono::steady_clock::time_point now{};
    std::chrono::milliseconds slept{0};
};

LockRequest request_with(ManualClock& clock, std::chrono::seconds ttl = std::chrono::seconds(60)) {
    LockRequest request;
    request.id = "customer-prod";
    request.holder = "here:1";
    request.job = "customer.json";
    request.ttl = ttl;
    request.now_ms = [] { return std::int64_t{1795315620000}; };
    request.steady_now = [&clock] { return clock.now; };
    request.sleep = [&clock](std::chrono::milliseconds d) {
        clock.now += d;
        clock.slept += d;
    };
    return request;
}

class RunLockTest : public SimTest {
protected:
    std::string lock_body(const std::string& index = kLockIndex) {
        return control(Method::Get, "/" + index + "/_doc/customer-prod").body;
    }
};

TEST_F(RunLockTest, HeartbeatRenewsOnlyWhenDueAndChangesTheLocksSeqNo) {
    ManualClock clock;
    auto es = client();
    auto lock = RunLock::acquire(es, request_with(clock));
    ASSERT_TRUE(lock.ok()) << lock.error().message;
    EXPECT_EQ(lock->heartbeat_interval(), std::chrono::seconds(10)) << "a fifth of 60 s, at most 10 s";
    const std::string before = lock_body();
    ASSERT_TRUE(lock->heartbeat(es, Renewal::IfDue).ok());
    EXPECT_EQ(lock_body(), before) << "not due yet: no request";
    clock.now += std::chrono::seconds(11);
    ASSERT_TRUE(lock->heartbeat(es, Renewal::IfDue).ok());
    const std::string after = lock_body();
    EXPECT_NE(after, before);
    EXPECT_NE(after.find("\"beats\":1"), std::string::npos) << after;
    EXPECT_TRUE(lock->release(es).ok());
    EXPECT_NE(lock_body().find("\"found\":false"), std::string::npos);
}

TEST_F(RunLockTest, RenewalOfALockTakenOverFailsAndReleaseLeavesTheOtherRunsLock) {
    ManualClock clock;
    auto es = client();
    auto lock = RunLock::acquire(es, request_with(clock));
    ASSERT_TRUE(lock.ok()) << lock.error().message;
    control(Method::Delete, "/aliasing-locks/_doc/customer-prod");
    control(Method::Put, "/aliasing-locks/_create/customer-prod", R"({"holder":"there:2","token":"x"})");
    auto renewed = lock->heartbeat(es, Renewal::Now);
    ASSERT_FALSE(renewed.ok());
    EXPECT_EQ(renewed.error().kind, ErrorKind::StepFailed);
    EXPECT_NE(renewed.error().message.find("lost its lock"), std::string::npos) << renewed.error().message;
    EXPECT_TRUE(lock->release(es).ok());
    EXPECT_NE(lock_body().find("there:2"), std::string::npos) << "never deletes another run's lock";
}

TEST_F(RunLockTest, LockUnchangedForTheHoldersTtlIsTakenOverMeasuredByTheWaitersOwnClock) {
    control(Method::Put, "/aliasing-locks/_create/customer-prod",
            R"({"holder":"dead:9","job":"customer.json","token":"x","ttl_ms":30000,"heartbeat_ms":6000,
                "expires_at_ms":99999999999999})");
    ManualClock clock;
    auto es = client();
    std::vector<std::string> told;
    LockRequest request = request_with(clock, std::chrono::seconds(600));
    request.on_wait = [&told](const std::string& line) { told.push_back(line); };
    auto lock = RunLock::acquire(es, request);
    ASSERT_TRUE(lock.ok()) << lock.error().message;
    EXPECT_GE(clock.slept, std::chrono::seconds(30)) << "the holder's own TTL, by the waiter's clock";
    EXPECT_LT(clock.slept, std::chrono::seconds(32));
    ASSERT_EQ(told.size(), 2u);
    EXPECT_NE(told.back().find("taking over the lock on alias [customer-prod] left by dead:9"), std::string::npos);
    EXPECT_NE(lock_body().find("here:1"), std::string::npos);
}

TEST_F(RunLockTest, LockThatChangesWhileWatchedIsRefusedAsAlive) {
    control(Method::Put, "/aliasing-locks/_create/customer-prod",
            R"({"holder":"alive:3","job":"customer.json","token":"x","ttl_ms":30000,"heartbeat_ms":1000})");
    ManualClock clock;
    auto es = client();
    LockRequest request = request_with(clock);
    request.sleep = [&](std::chrono::milliseconds d) {  // the holder heartbeats while we wait
        clock.now += d;
        control(Method::Put, "/aliasing-locks/_doc/customer-prod",
                R"({"holder":"alive:3","job":"customer.json","token":"x","ttl_ms":30000,"heartbeat_ms":1000})");
    };
    auto lock = RunLock::acquire(es, request);
    ASSERT_FALSE(lock.ok());
    EXPECT_EQ(lock.error().kind, ErrorKind::StepFailed);
    EXPECT_NE(lock.error().message.find("alive:3"), std::string::npos) << lock.error().message;
    EXPECT_NE(lock.error().message.find("it is alive"), std::string::npos) << lock.error().message;
    EXPECT_LT(clock.now - std::chrono::steady_clock::time_point{}, std::chrono::seconds(2));
}

TEST_F(RunLockTest, InterruptedWhileWatchingIsInterruptedAndTakesNothing) {
    control(Method::Put, "/aliasing-locks/_create/customer-prod", R"({"holder":"alive:3","token":"x"})");
    ManualClock clock;
    auto es = client();
    LockRequest request = request_with(clock);
    request.interrupted = [&clock] { return clock.slept > std::chrono::seconds(1); };
    auto lock = RunLock::acquire(es, request);
    ASSERT_FALSE(lock.ok());
    EXPECT_EQ(lock.error().kind, ErrorKind::Interrupted);
    EXPECT_NE(lock_body().find("alive:3"), std::string::npos);
}

TEST_F(RunLockTest, LockIndexThatCannotBeAutoCreatedIsUnreachableNamingIndexPrivilegeAndOption) {
    control(Method::Put, "/_cluster/settings", R"({"persistent":{"action.auto_create_index":"false"}})");
    ManualClock clock;
    auto es = client();
    auto lock = RunLock::acquire(es, request_with(clock));
    ASSERT_FALSE(lock.ok());
    EXPECT_EQ(lock.error().kind, ErrorKind::Unreachable);
    EXPECT_NE(lock.error().message.find("[aliasing-locks]"), std::string::npos) << lock.error().message;
    EXPECT_NE(lock.error().message.find("index_not_found_exception"), std::string::npos) << lock.error().message;
    EXPECT_NE(lock.error().message.find("create_index"), std::string::npos) << lock.error().message;
    EXPECT_NE(lock.error().message.find("--lock-index NAME"), std::string::npos) << lock.error().message;
}

TEST_F(RunLockTest, LockInAnotherIndexWhenAskedFor) {
    create_index("ops-locks");
    control(Method::Put, "/_cluster/settings", R"({"persistent":{"action.auto_create_index":"false"}})");
    ManualClock clock;
    auto es = client();
    LockRequest request = request_with(clock);
    request.index = "ops-locks";
    auto lock = RunLock::acquire(es, request);
    ASSERT_TRUE(lock.ok()) << lock.error().message;
    EXPECT_NE(lock_body("ops-locks").find("\"found\":true"), std::string::npos);
    EXPECT_TRUE(lock->release(es).ok());
}

}  // namespace
}  // namespace aliasing::cluster
#endif
