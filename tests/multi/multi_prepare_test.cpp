// Several clusters are prepared side by side (docs/multi-cluster.md M5): at most --parallel clusters at once, the lock
// of a cluster waiting its turn still renewed, and the first failure stopping the others, no alias moved anywhere.
// The simulators hold answers back (MultiSim::on_request) until the other clusters have been asked something, so
// each test observes the order of requests, not durations: a sequential prepare would never let the held answer go
// and fails on the deadline.

#include "multi_fixture.hpp"

#include <atomic>
#include <algorithm>
#include <condition_variable>
#include <set>
#include <thread>

namespace aliasing::pipeline_testing {
namespace {

using namespace std::chrono_literals;

bool forcemerge(const GlobalRequest& request) { return request.line.find("/_forcemerge") != std::string::npos; }
bool prepare_request(const GlobalRequest& request) {
    return forcemerge(request) || (request.line.rfind("PUT ", 0) == 0 && request.line.find("/_settings") != std::string::npos);
}
bool lock_write(const GlobalRequest& request) {
    return request.line.rfind("GET ", 0) != 0 && request.line.find(cluster::kLockIndex) != std::string::npos;
}

/// What every cluster has been asked so far, seen from inside the simulators, and a wait on it.
class Requests {
public:
    void saw(const GlobalRequest& request) {
        {
            const std::lock_guard<std::mutex> guard(m_mutex);
            m_seen.push_back(request);
        }
        m_changed.notify_all();
    }
    bool wait_until(const std::function<bool(const std::vector<GlobalRequest>&)>& done, std::chrono::milliseconds most) {
        std::unique_lock<std::mutex> guard(m_mutex);
        return m_changed.wait_for(guard, most, [&] { return done(m_seen); });
    }
    std::size_t count(bool (*what)(const GlobalRequest&), const std::string& cluster) {
        const std::lock_guard<std::mutex> guard(m_mutex);
        return static_cast<std::size_t>(std::count_if(m_seen.begin(), m_seen.end(), [&](const GlobalRequest& r) {
            return r.cluster == cluster && what(r);
        }));
    }
    static std::function<bool(const std::vector<GlobalRequest>&)> asked(std::string cluster,
                                                                        bool (*what)(const GlobalRequest&)) {
        return [cluster = std::move(cluster), what](const std::vector<GlobalRequest>& seen) {
            for (const auto& request : seen)
                if (request.cluster == cluster && what(request)) return true;
            return false;
        };
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<GlobalRequest> m_seen;
};

class MultiPrepare : public MultiSim {
protected:
    // Answers are held back here for seconds; and under ThreadSanitizer a plain request can outlast 300 ms.
    MultiPrepare() { m_read_timeout = 20s; }

    /// A lock whose heartbeat interval (TTL / 5) is shorter than the answers held back here.
    static PipelineOptions with_lock(std::chrono::seconds ttl) {
        PipelineOptions options;
        options.lock = cluster::LockRequest{};
        options.lock->id = kAlias;
        options.lock->holder = "test:1";
        options.lock->job = "customer.json";
        options.lock->ttl = ttl;
        return options;
    }
    void expect_served_everywhere(const std::string& run_id) {
        for (std::size_t i = 0; i < m_clusters.size(); ++i)
            EXPECT_EQ(state(i).alias_targets(kAlias), generation(run_id)) << m_clusters[i].spec.name;
    }
};

TEST_F(MultiPrepare, TwoClustersArePreparedAtOnce) {
    start({{"a", "8.15.0"}, {"b", "opensearch-2.19.1"}});
    Requests requests;
    std::atomic<bool> first_held{false}, b_merged_meanwhile{false};
    on_request([&](const GlobalRequest& request) {
        requests.saw(request);
        // a's first force-merge is answered only once b (prepared second, in name order) is merging too.
        if (request.cluster == "a" && forcemerge(request) && !first_held.exchange(true))
            b_merged_meanwhile = requests.wait_until(Requests::asked("b", forcemerge), 10s);
    });
    const auto result = run(customer_job(), with_lock(30s));
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_TRUE(first_held);
    EXPECT_TRUE(b_merged_meanwhile) << "b's force-merge did not start while a's was running:\n" << result.log;
    EXPECT_NE(result.log.find("[prepare] preparing 2 clusters, 2 at a time"), std::string::npos) << result.log;
    EXPECT_NE(result.log.find("[a/prepare] ready to swap"), std::string::npos) << result.log;
    EXPECT_NE(result.log.find("[b/prepare] ready to swap"), std::string::npos) << result.log;
    expect_served_everywhere(kNewRun);
}

TEST_F(MultiPrepare, NoMoreThanParallelClustersArePreparedAtOnce) {
    start({{"a", "8.15.0"}, {"b", "7.17.21"}, {"c", "9.1.5"}});
    Requests requests;
    std::atomic<int> both_merging{0}, c_merged_while_held{0};
    std::mutex first_mutex;
    std::set<std::string> held;
    on_request([&](const GlobalRequest& request) {
        requests.saw(request);
        if (request.cluster == "c" || !forcemerge(request)) return;
        {
            const std::lock_guard<std::mutex> guard(first_mutex);
            if (!held.insert(request.cluster).second) return;  // only each cluster's first force-merge
        }
        // a and b hold their first force-merge until both are merging, then a little longer: a third cluster
        // preparing now would be asked to merge meanwhile.
        const bool both = requests.wait_until(
            [](const auto& seen) { return Requests::asked("a", forcemerge)(seen) && Requests::asked("b", forcemerge)(seen); },
            10s);
        if (both) ++both_merging;
        if (requests.wait_until(Requests::asked("c", forcemerge), 300ms)) ++c_merged_while_held;
    });
    PipelineOptions options = with_lock(30s);
    options.parallel_prepare = 2;
    const auto result = run(customer_job(), options);
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(both_merging, 2) << "a and b were not prepared at once:\n" << result.log;
    EXPECT_EQ(c_merged_while_held, 0) << "a third cluster was prepared beside two with --parallel 2:\n" << result.log;
    EXPECT_TRUE(Requests::asked("c", forcemerge)(global_log())) << "c was never prepared";
    EXPECT_NE(result.log.find("[prepare] preparing 3 clusters, 2 at a time"), std::string::npos) << result.log;
    expect_served_everywhere(kNewRun);
}

TEST_F(MultiPrepare, ParallelOnePreparesOneClusterAfterTheOther) {
    start({{"a", "8.15.0"}, {"b", "opensearch-3.0.0"}});
    PipelineOptions options = with_lock(30s);
    options.parallel_prepare = 1;
    const auto result = run(customer_job(), options);
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    const auto log = global_log();
    std::optional<std::size_t> last_of_a, first_of_b;
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (!prepare_request(log[i])) continue;
        if (log[i].cluster == "a") last_of_a = i;
        if (log[i].cluster == "b" && !first_of_b) first_of_b = i;
    }
    ASSERT_TRUE(last_of_a && first_of_b) << result.log;
    EXPECT_LT(*last_of_a, *first_of_b) << "b was prepared before a was done";
    expect_served_everywhere(kNewRun);
}

TEST_F(MultiPrepare, TheLockOfAClusterWaitingItsTurnIsRenewed) {
    start({{"a", "8.15.0"}, {"b", "8.15.0"}});
    Requests requests;
    std::atomic<bool> first_held{false};
    std::atomic<int> b_renewed_while_held{-1};
    on_request([&](const GlobalRequest& request) {
        requests.saw(request);
        if (request.cluster != "a" || !forcemerge(request) || first_held.exchange(true)) return;
        // One cluster at a time: b waits for a's whole prepare, longer than its lock's heartbeat interval (600 ms).
        const std::size_t before = requests.count(lock_write, "b");
        std::this_thread::sleep_for(2s);
        b_renewed_while_held = static_cast<int>(requests.count(lock_write, "b") - before);
    });
    PipelineOptions options = with_lock(3s);
    options.parallel_prepare = 1;
    const auto result = run(customer_job(), options);
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_GE(b_renewed_while_held, 1) << "b's lock went unrenewed for 2 s while a was prepared:\n" << result.log;
    expect_served_everywhere(kNewRun);
}

const char* kMergeFails =
    R"({"method":"POST","path":"*_forcemerge*","nth":1,"action":"respond","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected merge failure"},"status":500}})";

TEST_F(MultiPrepare, EveryClusterThatFailsIsNamedAndNoAliasMoves) {
    start({{"a", "8.15.0"}, {"b", "opensearch-2.19.1"}});
    add_fault(index_of("a"), kMergeFails);
    add_fault(index_of("b"), kMergeFails);
    Requests requests;
    std::atomic<bool> both{false};
    on_request([&](const GlobalRequest& request) {
        requests.saw(request);
        // a's failure is answered only once b has been asked too: both fail on their own.
        if (request.cluster == "a" && forcemerge(request))
            both = requests.wait_until(Requests::asked("b", forcemerge), 10s);
    });
    const auto result = run(customer_job(), with_lock(30s));
    ASSERT_TRUE(both) << result.log;
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(result.outcome.message.rfind("cluster [a]: ", 0), 0u) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("no alias was moved on any cluster; also failed: b: "), std::string::npos)
        << result.outcome.message;
    for (const auto& request : global_log())
        EXPECT_NE(request.line.rfind("POST /_aliases", 0), 0u) << request.cluster << ": " << request.line;
    expect_served_everywhere(kOldRun);
}

TEST_F(MultiPrepare, AFailureStopsAClusterStillPreparingAtItsNextSafePoint) {
    start({{"a", "8.15.0"}, {"b", "8.15.0"}});
    add_fault(index_of("a"), kMergeFails);
    Requests requests;
    std::atomic<bool> held{false};
    on_request([&](const GlobalRequest& request) {
        requests.saw(request);
        // a's failure is answered only once b has started merging (so b is stopped, not "not started"), and b's
        // first force-merge well after that: b then stops at its next safe point instead of going on.
        if (request.cluster == "a" && forcemerge(request)) requests.wait_until(Requests::asked("b", forcemerge), 10s);
        if (request.cluster == "b" && forcemerge(request) && !held.exchange(true)) {
            requests.wait_until(Requests::asked("a", forcemerge), 10s);
            std::this_thread::sleep_for(1s);
        }
    });
    const auto result = run(customer_job(), with_lock(30s));
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(result.outcome.message.rfind("cluster [a]: ", 0), 0u) << result.outcome.message;
    EXPECT_EQ(result.outcome.message.find("also failed"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.log.find("[b/prepare] stopped at a safe point: another cluster could not be prepared"),
              std::string::npos)
        << result.log;
    for (const auto& request : global_log())
        EXPECT_FALSE(request.cluster == "b" && prepare_request(request) && !forcemerge(request))
            << "b went on preparing after a failed: " << request.line;
    expect_served_everywhere(kOldRun);
}

}  // namespace
}  // namespace aliasing::pipeline_testing
