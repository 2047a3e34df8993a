// Several clusters (docs/multi-cluster.md): clean promotions over two and three clusters of different products and
// versions, the agreement rules (a cluster lacking an entity or the generation refuses the whole run and nothing
// changes anywhere), prepare everywhere before any swap, and convergence of a split.

#include "multi_fixture.hpp"

namespace aliasing::pipeline_testing {
namespace {

const std::set<std::string> kUntouchable = {"other-index", "customer-2_0_0-scratch",
                                            "customer-2_0_0-address-20261399t020000"};

bool is_change(const std::string& line) {
    // A request that changes the cluster, other than the run lock's documents.
    if (line.find("aliasing-locks") != std::string::npos) return false;
    return line.rfind("POST", 0) == 0 || line.rfind("PUT", 0) == 0 || line.rfind("DELETE", 0) == 0;
}

class MultiPromotion : public MultiSim {};

TEST_F(MultiPromotion, TwoClustersOfDifferentProductsPromoteOneGeneration) {
    start({{"primary", "8.15.0"}, {"dr", "opensearch-2.19.1"}});
    const NormalState before = state(0);
    const auto result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) {
        SCOPED_TRACE(m_clusters[i].spec.name);
        const NormalState after = state(i);
        EXPECT_EQ(after.alias_targets(kAlias), generation(kNewRun)) << after.describe();
        for (const auto& name : generation(kOldRun)) EXPECT_FALSE(after.indices.count(name)) << "kept " << name;
        for (const auto& name : kUntouchable) EXPECT_EQ(after.indices.at(name), before.indices.at(name)) << name;
        EXPECT_EQ(after.alias_targets("other-alias"), std::set<std::string>{"other-index"});
        EXPECT_EQ(control(i, cluster::Method::Get, "/aliasing-locks/_doc/customer-prod").status, 404) << "lock left";
    }
    // Progress per cluster, one table row per cluster, every cluster named in the report.
    EXPECT_NE(result.log.find("[dr/swap]"), std::string::npos) << result.log;
    EXPECT_NE(result.log.find("[primary/swap]"), std::string::npos) << result.log;
    EXPECT_NE(result.plan.find("Clusters:"), std::string::npos) << result.plan;
    EXPECT_NE(result.plan.find("OpenSearch 2.19.1"), std::string::npos) << result.plan;
    EXPECT_NE(result.report.find(R"("cluster":"dr")"), std::string::npos);
    EXPECT_NE(result.report.find(R"("clusters":[)"), std::string::npos);

    EXPECT_NE(result.report.find(R"("cluster":null)"), std::string::npos) << "no one cluster in a multi-cluster report";

    const auto rerun = run(customer_job());
    EXPECT_EQ(rerun.outcome.exit_code, 3) << rerun.outcome.message << "\n" << rerun.log;
}

TEST_F(MultiPromotion, SigtermWhilePreparingStopsBeforeAnySwapAndReleasesEveryLock) {
    start({{"dr", "8.15.0"}, {"primary", "opensearch-2.19.1"}});
    PipelineOptions options;
    options.interrupted = [this] {  // SIGTERM arrives once the second cluster has started its force-merges
        for (const auto& request : global_log())
            if (request.cluster == "primary" && request.line.find("_forcemerge") != std::string::npos) return true;
        return false;
    };
    const auto result = run(customer_job(), options);
    EXPECT_EQ(result.outcome.exit_code, 6) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(result.outcome.outcome, "interrupted");
    EXPECT_NE(result.outcome.message.find("no alias was moved on any cluster"), std::string::npos)
        << result.outcome.message;
    for (std::size_t i = 0; i < m_clusters.size(); ++i) {
        EXPECT_EQ(state(i).alias_targets(kAlias), generation(kOldRun)) << m_clusters[i].spec.name;
        EXPECT_EQ(control(i, cluster::Method::Get, "/aliasing-locks/_doc/customer-prod").status, 404);
    }
    for (const auto& request : global_log()) EXPECT_NE(request.line.rfind("POST /_aliases", 0), 0u) << request.cluster;
    EXPECT_EQ(run(customer_job()).outcome.exit_code, 0) << "a rerun resumes";
}

TEST_F(MultiPromotion, ThreeClustersPrepareEverywhereBeforeAnySwapAndDeleteOnlyAfterEverySwap) {
    start({{"eu", "7.17.21"}, {"us", "9.1.5"}, {"ap", "opensearch-2.19.1"}});
    const auto result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    for (std::size_t i = 0; i < m_clusters.size(); ++i)
        EXPECT_EQ(state(i).alias_targets(kAlias), generation(kNewRun)) << m_clusters[i].spec.name;

    const auto log = global_log();
    std::size_t first_swap = log.size(), last_swap = 0, last_prepare = 0, first_delete = log.size();
    std::vector<std::string> swap_order;
    for (std::size_t i = 0; i < log.size(); ++i) {
        const std::string& line = log[i].line;
        if (line.rfind("POST /_aliases", 0) == 0) {
            first_swap = std::min(first_swap, i);
            last_swap = i;
            swap_order.push_back(log[i].cluster);
        }
        if (line.find("_forcemerge") != std::string::npos || line.rfind("PUT /customer", 0) == 0 ||
            line.find("_refresh") != std::string::npos)
            last_prepare = i;
        if (line.rfind("DELETE /customer", 0) == 0) first_delete = std::min(first_delete, i);
    }
    EXPECT_LT(last_prepare, first_swap) << "a cluster was prepared after a swap";
    EXPECT_LT(last_swap, first_delete) << "an index was deleted before every swap";
    EXPECT_EQ(swap_order, (std::vector<std::string>{"ap", "eu", "us"})) << "swaps in name order";
}

TEST_F(MultiPromotion, OneClusterLackingAnEntityRefusesTheWholeRunAndChangesNothing) {
    start({{"primary", "8.15.0"}, {"dr", "8.15.0"}});
    const std::string missing = "customer-2_0_0-contact-" + std::string(kNewRun);
    ASSERT_EQ(control(index_of("dr"), cluster::Method::Delete, "/" + missing).status, 200);
    control(index_of("dr"), cluster::Method::Delete, "/_sim/requests");
    control(index_of("primary"), cluster::Method::Delete, "/_sim/requests");
    clear_global_log();
    const NormalState primary_before = state(index_of("primary")), dr_before = state(index_of("dr"));

    const auto result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 4) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("cluster [dr]"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("contact"), std::string::npos) << result.outcome.message;
    EXPECT_EQ(result.outcome.message.find("cluster [primary]"), std::string::npos) << result.outcome.message;
    EXPECT_EQ(state(index_of("primary")), primary_before);
    EXPECT_EQ(state(index_of("dr")), dr_before);
    for (const auto& request : global_log()) EXPECT_FALSE(is_change(request.line)) << request.cluster << " " << request.line;
}

TEST_F(MultiPromotion, AClusterWithoutTheNewGenerationRefusesNamingIt) {
    start({{"primary", "8.15.0"}, {"dr", "7.17.21"}});
    for (const auto& name : generation(kNewRun))
        ASSERT_EQ(control(index_of("dr"), cluster::Method::Delete, "/" + name).status, 200);
    clear_global_log();
    const auto result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 4) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("cluster [dr] has no index of generation " + std::string(kNewRun)),
              std::string::npos)
        << result.outcome.message;
    EXPECT_EQ(state(index_of("primary")).alias_targets(kAlias), generation(kOldRun));
    for (const auto& request : global_log()) EXPECT_FALSE(is_change(request.line)) << request.cluster << " " << request.line;
}

TEST_F(MultiPromotion, AClusterAlreadyOnTheCandidateIsANoOpSwapAndTheOthersConverge) {
    start({{"primary", "8.15.0"}, {"dr", "9.1.5"}});
    ASSERT_EQ(run_single(index_of("dr"), customer_job()).exit_code, 0);  // dr promoted on its own: a split
    const auto status = run(customer_job(), [] {
        PipelineOptions options;
        options.execution = Execution::DryRun;
        return options;
    }());
    EXPECT_EQ(status.outcome.exit_code, 0) << status.outcome.message;
    EXPECT_NE(status.plan.find("SPLIT: the clusters serve different generations (dr serves generation " +
                               std::string(kNewRun) + ", primary serves generation " + kOldRun),
              std::string::npos)
        << status.plan;

    clear_global_log();
    const auto result = run(customer_job());
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    for (const auto& request : global_log())
        if (request.cluster == "dr") {
            EXPECT_NE(request.line.rfind("POST /_aliases", 0), 0u) << "dr was swapped again";
        }
    EXPECT_EQ(state(index_of("dr")).alias_targets(kAlias), generation(kNewRun));
    EXPECT_EQ(state(index_of("primary")).alias_targets(kAlias), generation(kNewRun));
    EXPECT_EQ(run(customer_job()).outcome.exit_code, 3);
}

}  // namespace
}  // namespace aliasing::pipeline_testing
