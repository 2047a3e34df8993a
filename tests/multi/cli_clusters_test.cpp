// `aliasing run|plan|status JOB --cluster NAME=URL …` as a user runs it: the real executable against aliasing-sim
// processes of different products and versions; usage errors of --cluster; credentials per cluster; --help.

#include "demo_cluster.hpp"

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using e2e::alias_on;
using e2e::aliasing;
using e2e::demo_sim;
using e2e::kCustomerJob;
using e2e::kNewGeneration;
using e2e::kOldGeneration;

TEST(CliClusters, RunPromotesEveryClusterAndStatusShowsOneRowPerCluster) {
    auto primary = demo_sim();
    auto dr = demo_sim({"--distribution", "opensearch", "--version", "2.19.1"});
    const std::vector<std::string> clusters = {"--cluster", "primary=" + primary.url(), "--cluster", "dr=" + dr.url()};

    std::vector<std::string> plan_args = {"plan", kCustomerJob};
    plan_args.insert(plan_args.end(), clusters.begin(), clusters.end());
    const auto plan = aliasing(plan_args);
    EXPECT_EQ(plan.exit_code, 0) << plan.err;
    EXPECT_NE(plan.out.find("=== Cluster [dr] OpenSearch 2.19.1 ==="), std::string::npos) << plan.out;
    EXPECT_NE(plan.out.find("Every cluster promotes generation " + std::string(kNewGeneration)), std::string::npos)
        << plan.out;
    EXPECT_TRUE(alias_on(primary.url(), kOldGeneration)) << "plan changes nothing";

    std::vector<std::string> run_args = {"run", kCustomerJob};
    run_args.insert(run_args.end(), clusters.begin(), clusters.end());
    const auto run = aliasing(run_args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(alias_on(primary.url(), kNewGeneration));
    EXPECT_TRUE(alias_on(dr.url(), kNewGeneration));
    EXPECT_NE(run.err.find("[dr/swap]"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("on 2 clusters"), std::string::npos) << run.err;

    std::vector<std::string> status_args = {"status", kCustomerJob, "--output", "json", "--log-format", "json"};
    status_args.insert(status_args.end(), clusters.begin(), clusters.end());
    const auto status = aliasing(status_args);
    EXPECT_EQ(status.exit_code, 3) << status.err;
    EXPECT_NE(status.out.find(R"("split":false)"), std::string::npos) << status.out;
    EXPECT_EQ(status.out.rfind(R"({"run_id":)", 0), 0u) << "stdout is one JSON document:\n" << status.out;
    EXPECT_EQ(status.out.find("Cluster ["), std::string::npos) << status.out;
    EXPECT_NE(status.err.find(R"("cluster":"dr")"), std::string::npos) << "JSON log lines name their cluster\n"
                                                                        << status.err;
    EXPECT_NE(status.out.find(R"("name":"dr","product":"OpenSearch 2.19.1","serves":")" + std::string(kNewGeneration)),
              std::string::npos)
        << status.out;
}

TEST(CliClusters, OneClusterIsThePlainSingleClusterRun) {
    auto sim = demo_sim();
    const auto run = aliasing({"run", kCustomerJob, "--cluster", "only=" + sim.url()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out.find("Clusters:"), std::string::npos) << "no per-cluster table for one cluster";
    EXPECT_EQ(run.err.find("[only/"), std::string::npos) << run.err;
    EXPECT_TRUE(alias_on(sim.url(), kNewGeneration));
}

TEST(CliClusters, SigV4SignsForEachClustersOwnRegion) {
    // Two SigV4-checking simulators in different regions: the DR twin's region comes from ALIASING_DR_AWS_REGION.
    testing::SimProcess primary(ALIASING_SIM_BIN, {"--state", e2e::kSource + "/examples/demo-cluster.json",
                                                   "--aws-sigv4", "AKIDMULTI:multi-secret", "--aws-region", "eu-west-1"});
    testing::SimProcess dr(ALIASING_SIM_BIN, {"--state", e2e::kSource + "/examples/demo-cluster.json", "--aws-sigv4",
                                              "AKIDMULTI:multi-secret", "--aws-region", "us-east-1"});
    const std::map<std::string, std::string> env = {{"AWS_REGION", "eu-west-1"},
                                                    {"AWS_ACCESS_KEY_ID", "AKIDMULTI"},
                                                    {"AWS_SECRET_ACCESS_KEY", "multi-secret"}};
    const std::vector<std::string> args = {"run", kCustomerJob, "--aws-sigv4", "--cluster", "primary=" + primary.url(),
                                           "--cluster", "dr=" + dr.url()};
    const auto refused = aliasing(args, env);
    EXPECT_EQ(refused.exit_code, 5) << "dr signed for eu-west-1 is refused\n" << refused.err;
    EXPECT_NE(refused.err.find("cluster [dr]"), std::string::npos) << refused.err;

    auto with_region = env;
    with_region["ALIASING_DR_AWS_REGION"] = "us-east-1";
    const auto run = aliasing(args, with_region);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // The sims answer unsigned reads only under /_sim/: the old generation is gone from both.
    for (const auto* sim : {&primary, &dr}) {
        const auto state = testing::http(sim->url(), "GET", "/_sim/state").body;
        EXPECT_EQ(state.find(std::string("customer-2_0_0-account-") + kOldGeneration), std::string::npos) << state;
        EXPECT_NE(state.find(std::string("customer-2_0_0-account-") + kNewGeneration), std::string::npos);
    }
}

TEST(CliClusters, UsageErrorsNameTheProblem) {
    const std::string job = kCustomerJob;
    e2e::expect_usage_errors({
        {{"run", job, "--cluster", "primary"}, {}, "is not NAME=URL"},
        {{"run", job, "--cluster", "Primary=http://127.0.0.1:1"}, {}, "name \"Primary\" is not valid"},
        {{"run", job, "--cluster", "a=http://127.0.0.1:1", "--cluster", "a=http://127.0.0.1:2"}, {}, "given twice"},
        {{"run", job, "--cluster", "a-b=http://127.0.0.1:1", "--cluster", "a_b=http://127.0.0.1:2"}, {},
         "would both read ALIASING_A_B_"},
        {{"run", job, "--cluster", "a=http://127.0.0.1:1", "--es-url", "http://127.0.0.1:2"}, {},
         "--cluster and --es-url cannot be combined"},
        {{"run", job, "--cluster", "a=ftp://x", "--cluster", "b=http://127.0.0.1:2"}, {}, "--cluster a: "},
        {{"run", job, "--cluster", "dr-eu=http://127.0.0.1:1", "--cluster", "b=http://127.0.0.1:2"},
         {{"ALIASING_DR_EU_USERNAME", "svc"}}, "ALIASING_DR_EU_USERNAME is set but ALIASING_DR_EU_PASSWORD is not"},
        {{"rollback", job, "--cluster", "a=http://127.0.0.1:1", "--cluster", "b=http://127.0.0.1:2"}, {},
         "option --cluster is not used by `aliasing rollback`"},
        {{"run", job, "--cluster", "a=http://127.0.0.1:1", "--cluster", "b=http://127.0.0.1:2", "--parallel", "0"}, {},
         "--parallel: value \"0\" is not valid: expected 1 to 64 clusters"},
        {{"run", job, "--cluster", "a=http://127.0.0.1:1", "--cluster", "b=http://127.0.0.1:2", "--parallel", "2x"},
         {}, "--parallel: value \"2x\" is not valid"},
        {{"run", job, "--es-url", "http://127.0.0.1:1", "--parallel", "2"}, {},
         "--parallel is for several clusters (--cluster NAME=URL, repeatable, or --clusters FILE)"},
        {{"status", job, "--cluster", "a=http://127.0.0.1:1", "--cluster", "b=http://127.0.0.1:2", "--parallel", "2"},
         {}, "option --parallel is not used by `aliasing status`"},
    });
}

TEST(CliClusters, HelpDocumentsClusterAndExit8) {
    const auto general = aliasing({"--help"});
    EXPECT_NE(general.out.find("8 several clusters left serving different generations"), std::string::npos)
        << general.out;
    EXPECT_NE(general.out.find("ALIASING_<NAME>_USERNAME"), std::string::npos) << general.out;
    for (const char* command : {"run", "plan", "status"}) {
        const auto help = aliasing({command, "--help"});
        EXPECT_NE(help.out.find("--cluster NAME=URL"), std::string::npos) << command << "\n" << help.out;
    }
}

}  // namespace
}  // namespace aliasing

#endif
