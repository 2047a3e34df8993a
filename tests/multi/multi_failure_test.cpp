// Several clusters under failure (docs/multi-cluster.md M5–M7): a later swap failing swaps the earlier clusters back
// (exit 6); a swap back failing too is exit 8 naming which cluster serves which generation, `status` shows the
// split and the next run converges. Then the failure matrix extended to several clusters: a fault at every request
// of every cluster; afterwards every cluster serves the same complete generation or the run exited 8 and named the
// split as the clusters show it; no old index is deleted anywhere unless every cluster serves the new generation; a
// rerun converges to the clean run's state.

#include "multi_fixture.hpp"

#include <iostream>

namespace aliasing::pipeline_testing {
namespace {

const char* kError500 =
    R"("action":"respond","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected failure"},"status":500})";

std::string served_by(const NormalState& state) {
    const auto targets = state.alias_targets(kAlias);
    if (targets == generation(kNewRun)) return kNewRun;
    if (targets == generation(kOldRun)) return kOldRun;
    return "a mix";
}

class MultiFailure : public MultiSim {};

TEST_F(MultiFailure, ALaterSwapFailingSwapsTheEarlierClustersBack) {
    start({{"dr", "8.15.0"}, {"primary", "opensearch-2.19.1"}});  // dr swaps first (name order)
    add_fault(index_of("primary"), R"({"method":"POST","path":"/_aliases","nth":1,)" + std::string(kError500) + "}");
    const auto result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("cluster [primary]"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("swapped back"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.log.find("[dr/swap-back]"), std::string::npos) << result.log;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) {
        EXPECT_EQ(served_by(state(i)), kOldRun) << m_clusters[i].spec.name << "\n" << state(i).describe();
        for (const auto& name : generation(kOldRun)) EXPECT_TRUE(state(i).indices.count(name)) << "deleted " << name;
    }
    const auto rerun = run(customer_job());
    EXPECT_EQ(rerun.outcome.exit_code, 0) << rerun.outcome.message << "\n" << rerun.log;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) EXPECT_EQ(served_by(state(i)), kNewRun);
}

TEST_F(MultiFailure, ASwapBackFailingIsExit8NamingTheSplitAndTheNextRunConverges) {
    start({{"dr", "8.15.0"}, {"primary", "7.17.21"}, {"zz-third", "9.1.5"}});
    add_fault(index_of("primary"), R"({"method":"POST","path":"/_aliases","nth":1,)" + std::string(kError500) + "}");
    add_fault(index_of("dr"), R"({"method":"POST","path":"/_aliases","nth":2,)" + std::string(kError500) + "}");
    const auto result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 8) << result.outcome.message << "\n" << result.log;
    const std::string split = "dr serves generation " + std::string(kNewRun) + ", primary serves generation " +
                              kOldRun + ", zz-third serves generation " + kOldRun;
    EXPECT_NE(result.outcome.message.find(split), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.report.find(R"("name":"dr","product":"Elasticsearch 8.15.0","plan_outcome":"promote","serves":")" +
                                 std::string(kNewRun)),
              std::string::npos)
        << result.report;
    EXPECT_EQ(served_by(state(index_of("dr"))), kNewRun);
    EXPECT_EQ(served_by(state(index_of("primary"))), kOldRun);
    for (std::size_t i = 0; i < m_clusters.size(); ++i)
        for (const auto& name : generation(kOldRun)) EXPECT_TRUE(state(i).indices.count(name)) << "deleted " << name;

    PipelineOptions dry;
    dry.execution = Execution::DryRun;
    const auto status = run(customer_job(), dry);
    EXPECT_NE(status.plan.find("SPLIT: the clusters serve different generations (" + split + ")"), std::string::npos)
        << status.plan;

    const auto rerun = run(customer_job());
    EXPECT_EQ(rerun.outcome.exit_code, 0) << rerun.outcome.message << "\n" << rerun.log;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) {
        EXPECT_EQ(served_by(state(i)), kNewRun) << m_clusters[i].spec.name;
        for (const auto& name : generation(kOldRun)) EXPECT_FALSE(state(i).indices.count(name)) << "kept " << name;
    }
}

struct FaultKind {
    const char* name;
    const char* fault;
    bool swap_back_fails = false;  ///< also: every swap back on the first cluster (its 2nd POST /_aliases) fails
};

const FaultKind kKinds[] = {
    {"error_500", R"("action":"respond","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected failure"},"status":500})"},
    {"dropped_before", R"("action":"drop","when":"before")"},
    {"dropped_after_applying", R"("action":"drop","when":"after")"},
    {"error_500_after_applying", R"("action":"respond","when":"after","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected failure after applying"},"status":500})"},
    {"error_500_and_the_swap_back_fails", R"("action":"respond","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected failure"},"status":500})", true},
};

class MultiFailureMatrix : public MultiSim, public ::testing::WithParamInterface<FaultKind> {
protected:
    void run_matrix(const FaultKind& kind, const std::vector<ClusterSpec>& specs);
};

TEST_P(MultiFailureMatrix, AFaultAtEveryRequestOfEveryClusterLeavesOneGenerationOrANamedSplit) {
    run_matrix(GetParam(), {{"dr", "opensearch-2.19.1"}, {"primary", "8.15.0"}});
}

class MultiFailureMatrixThree : public MultiFailureMatrix {};

TEST_F(MultiFailureMatrixThree, AFaultAtEveryRequestOfThreeClustersWithTheSwapBackFailing) {
    run_matrix(kKinds[std::size(kKinds) - 1], {{"ap", "7.17.21"}, {"eu", "9.1.5"}, {"us", "opensearch-3.0.0"}});
}

void MultiFailureMatrix::run_matrix(const FaultKind& kind, const std::vector<ClusterSpec>& specs) {
    start(specs);
    const Job job = customer_job();
    std::vector<NormalState> initial, clean;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) initial.push_back(state(i));
    const auto clean_run = run(job);
    ASSERT_EQ(clean_run.outcome.exit_code, 0) << clean_run.outcome.message << "\n" << clean_run.log;
    std::vector<std::size_t> request_counts;
    std::vector<std::vector<LoggedRequest>> clean_requests;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) {
        clean.push_back(state(i));
        clean_requests.push_back(requests(i));
        request_counts.push_back(clean_requests.back().size());
    }

    std::map<int, int> exits;
    std::size_t runs = 0;
    for (std::size_t c = 0; c < m_clusters.size(); ++c) {
        for (std::size_t k = 1; k <= request_counts[c]; ++k) {
            SCOPED_TRACE("fault " + std::string(kind.name) + " at request " + std::to_string(k) + " of " +
                         std::to_string(request_counts[c]) + " on cluster " + m_clusters[c].spec.name + ": " +
                         clean_requests[c][k - 1].method + " " + clean_requests[c][k - 1].path);
            reset();
            add_fault(c, R"({"path":"*","nth":)" + std::to_string(k) + "," + kind.fault + "}");
            if (kind.swap_back_fails) {
                add_fault(0, R"({"method":"POST","path":"/_aliases","nth":2,"count":5,)" + std::string(kError500) + "}");
            }
            const auto faulted = run(job);
            ++runs;
            for (std::size_t i = 0; i < m_clusters.size(); ++i) clear_faults(i);
            const int code = faulted.outcome.exit_code;
            ++exits[code];
            const LoggedRequest& target = clean_requests[c][k - 1];
            const bool preflight = target.method == "GET" && target.path == "/";
            EXPECT_TRUE(code == 0 || (code == 5 && preflight) || code == 6 || code == 8)
                << "exit " << code << ": " << faulted.outcome.message << "\n" << faulted.log;

            std::vector<std::string> served;
            for (std::size_t i = 0; i < m_clusters.size(); ++i) {
                const NormalState after = state(i);
                served.push_back(served_by(after));
                EXPECT_NE(served.back(), "a mix") << m_clusters[i].spec.name << ":\n" << after.describe();
            }
            const bool all_new = std::all_of(served.begin(), served.end(), [](const std::string& s) { return s == kNewRun; });
            const bool one_generation = std::all_of(served.begin(), served.end(),
                                                    [&](const std::string& s) { return s == served.front(); });
            if (code == 8) {
                std::string split;
                for (std::size_t i = 0; i < m_clusters.size(); ++i)
                    split += (i ? ", " : "") + m_clusters[i].spec.name + " serves generation " + served[i];
                EXPECT_FALSE(one_generation) << "exit 8 without a split";
                EXPECT_NE(faulted.outcome.message.find(split), std::string::npos)
                    << "the report does not name the split as the clusters show it (" << split
                    << "): " << faulted.outcome.message;
            } else {
                EXPECT_TRUE(one_generation) << "exit " << code << " but the clusters serve different generations: "
                                            << faulted.outcome.message << "\n" << faulted.log;
            }
            if (code == 0) {
                EXPECT_TRUE(all_new) << faulted.outcome.message;
            }
            for (std::size_t i = 0; i < m_clusters.size(); ++i) {
                const NormalState after = state(i);
                for (const auto& name : generation(kNewRun)) EXPECT_TRUE(after.indices.count(name)) << "deleted new " << name;
                for (const auto& name : initial[i].names()) {
                    if (after.indices.count(name)) continue;
                    EXPECT_TRUE(all_new) << "deleted " << name << " on " << m_clusters[i].spec.name
                                         << " while not every cluster serves the new generation";
                    EXPECT_FALSE(clean[i].indices.count(name)) << "deleted " << name << ", which a clean run keeps";
                }
            }

            const auto rerun = run(job);
            ++runs;
            EXPECT_TRUE(rerun.outcome.exit_code == 0 || rerun.outcome.exit_code == 3)
                << "rerun exit " << rerun.outcome.exit_code << ": " << rerun.outcome.message << "\n" << rerun.log;
            for (std::size_t i = 0; i < m_clusters.size(); ++i)
                EXPECT_EQ(state(i), clean[i]) << "rerun did not converge on " << m_clusters[i].spec.name << ":\n"
                                              << state(i).describe();
        }
    }
    std::cout << "[ matrix   ] " << kind.name << " on " << m_clusters.size() << " clusters: ";
    for (std::size_t i = 0; i < request_counts.size(); ++i) std::cout << (i ? "+" : "") << request_counts[i];
    std::cout << " requests, " << runs << " runs; exit codes:";
    for (const auto& [code, count] : exits) std::cout << " " << code << " x" << count;
    std::cout << "\n";
}

INSTANTIATE_TEST_SUITE_P(Kinds, MultiFailureMatrix, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<FaultKind>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aliasing::pipeline_testing
