// `aliasing run|plan|status JOB --clusters FILE` (and ALIASING_CLUSTERS) as an operator runs it: the real executable
// against aliasing-sim processes, among them an on-prem primary demanding basic auth and an AWS twin checking SigV4
// in another region, each reached only with its own section's credentials.

#include "demo_cluster.hpp"

#include <sys/stat.h>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using e2e::aliasing;
using e2e::demo_sim;
using e2e::kCustomerJob;
using e2e::kNewGeneration;
using e2e::kOldGeneration;
using e2e::TempFile;
using testing::SimProcess;

/// A file only this user may read, as a clusters file and the secrets it names must be.
std::unique_ptr<TempFile> private_file(const std::string& name, const std::string& content, mode_t mode = 0600) {
    auto file = std::make_unique<TempFile>(name, content);
    ::chmod(file->path().c_str(), mode);
    return file;
}

/// The indices a simulator holds, read through /_sim/ (open even where the API demands credentials).
std::string sim_state(const SimProcess& sim) { return testing::http(sim.url(), "GET", "/_sim/state").body; }

std::string account_index(const char* generation) { return std::string("customer-2_0_0-account-") + generation; }

TEST(CliClustersFile, PlanRunAndStatusThroughAClustersFileOrAliasingClusters) {
    auto primary = demo_sim();
    auto dr = demo_sim({"--distribution", "opensearch", "--version", "2.19.1"});
    const auto ini = private_file("clusters.ini", "; the primary and its DR twin\n[primary]\nnodes = " + primary.url() +
                                                      "\nread_timeout = 30\n\n[dr]\nnodes = " + dr.url() + "\n");
    const auto json = private_file("clusters.json", R"({"primary": {"nodes": [")" + primary.url() +
                                                        R"("]}, "dr": {"nodes": ")" + dr.url() + R"("}})");

    for (const auto* file : {ini.get(), json.get()}) {
        const auto plan = aliasing({"plan", kCustomerJob, "--clusters", file->path()});
        EXPECT_EQ(plan.exit_code, 0) << file->path() << "\n" << plan.err;
        EXPECT_NE(plan.out.find("=== Cluster [dr] OpenSearch 2.19.1 ==="), std::string::npos) << plan.out;
        EXPECT_NE(plan.out.find("Every cluster promotes generation " + std::string(kNewGeneration)), std::string::npos)
            << plan.out;
    }
    EXPECT_TRUE(e2e::alias_on(primary.url(), kOldGeneration)) << "plan changes nothing";

    const auto run = aliasing({"run", kCustomerJob, "--clusters", ini->path(), "--parallel", "2"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("[dr/swap]"), std::string::npos) << run.err;
    EXPECT_TRUE(e2e::alias_on(primary.url(), kNewGeneration));
    EXPECT_TRUE(e2e::alias_on(dr.url(), kNewGeneration));

    const auto status = aliasing({"status", kCustomerJob}, {{"ALIASING_CLUSTERS", ini->path()}});
    EXPECT_EQ(status.exit_code, 3) << "already live on both\n" << status.err;
    EXPECT_NE(status.out.find("=== Cluster [primary]"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("=== Cluster [dr]"), std::string::npos) << status.out;
}

TEST(CliClustersFile, AnExplicitSingleClusterWinsOverAliasingClusters) {
    auto primary = demo_sim();
    const auto file = private_file("env-clusters.ini", "[primary]\nnodes = " + primary.url() +
                                                           "\n[dr]\nnodes = http://127.0.0.1:1\n");
    const auto status = aliasing({"status", kCustomerJob, "--es-url", primary.url()}, {{"ALIASING_CLUSTERS", file->path()}});
    EXPECT_EQ(status.exit_code, 0) << status.err;
    EXPECT_EQ(status.out.find("=== Cluster ["), std::string::npos) << "a plain single-cluster status\n" << status.out;
}

TEST(CliClustersFile, EachClusterAuthenticatesWithItsOwnSectionOnly) {
    // The on-prem primary takes basic auth only; the AWS twin in us-east-1 takes only SigV4 signed with its profile.
    SimProcess primary(ALIASING_SIM_BIN, {"--state", e2e::kSource + "/examples/demo-cluster.json", "--basic-auth",
                                          "etl:primary-s3cret"});
    SimProcess dr(ALIASING_SIM_BIN, {"--distribution", "opensearch", "--version", "2.19.1", "--state",
                                     e2e::kSource + "/examples/demo-cluster.json", "--aws-sigv4", "AKIDDR:dr/secret+key",
                                     "--aws-region", "us-east-1"});
    const auto password = private_file("primary-password", "primary-s3cret\n");
    const auto aws = private_file("aws-credentials", "[dr]\naws_access_key_id = AKIDDR\n"
                                                     "aws_secret_access_key = dr/secret+key\n");
    const std::string dr_section = "[dr]\nnodes = " + dr.url() + "\nsigv4_region = us-east-1\nsigv4_profile = dr\n"
                                   "sigv4_credentials_file = " + aws->path() + "\n";
    const auto file = private_file("auth-clusters.ini", "[primary]\nnodes = " + primary.url() + "\nusername = etl\n"
                                                            "password_file = " + password->path() + "\n\n" + dr_section);
    // Everything the environment and the command line say is wrong for these clusters: the sections win, and the
    // run-wide --aws-sigv4 does not sign the primary, whose section names its user.
    const std::map<std::string, std::string> env = {{"ALIASING_PRIMARY_USERNAME", "intruder"},
                                                    {"ALIASING_PRIMARY_PASSWORD", "env-password"},
                                                    {"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                    {"AWS_SECRET_ACCESS_KEY", "env-secret"},
                                                    {"AWS_REGION", "eu-west-1"}};
    const auto run = aliasing({"run", kCustomerJob, "--clusters", file->path(), "--aws-sigv4"}, env);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const auto* sim : {&primary, &dr}) {
        EXPECT_EQ(sim_state(*sim).find(account_index(kOldGeneration)), std::string::npos) << sim_state(*sim);
        EXPECT_NE(sim_state(*sim).find(account_index(kNewGeneration)), std::string::npos);
    }

    const auto wrong_password = private_file("wrong-password", "not-the-password\n");
    const auto wrong = private_file("wrong-clusters.ini", "[primary]\nnodes = " + primary.url() + "\nusername = etl\n"
                                                              "password_file = " + wrong_password->path() + "\n\n" +
                                                              dr_section);
    const auto refused = aliasing({"status", kCustomerJob, "--clusters", wrong->path()}, env);
    EXPECT_EQ(refused.exit_code, 5) << refused.err;
    EXPECT_NE(refused.err.find("cluster [primary]"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("401"), std::string::npos) << refused.err;

    for (const auto* result : {&run, &refused}) {
        const std::string printed = result->out + result->err;
        for (const char* secret : {"primary-s3cret", "not-the-password", "dr/secret+key", "env-password", "env-secret"})
            EXPECT_EQ(printed.find(secret), std::string::npos) << secret << " was printed";
    }
}

TEST(CliClustersFile, UsageErrorsNameTheFileTheClusterAndTheKey) {
    auto sim = demo_sim();
    const std::string nodes = "nodes = " + sim.url() + "\n";
    const auto open = private_file("open.ini", "[primary]\n" + nodes, 0644);
    const auto typo = private_file("typo.ini", "[primary]\n" + nodes + "[dr]\nnode = " + sim.url() + "\n");
    const auto twice = private_file("twice.ini", "[dr]\n" + nodes + "[primary]\n" + nodes + "[dr]\n" + nodes);
    const auto inline_secret = private_file("inline.ini", "[primary]\n" + nodes + "[dr]\n" + nodes + "password = hunter2\n");
    const auto good = private_file("good.ini", "[primary]\n" + nodes + "[dr]\n" + nodes);
    const auto connection = private_file("connection.ini", nodes);
    const std::string job = kCustomerJob;
    e2e::expect_usage_errors({
        {{"run", job, "--clusters", open->path()}, {},
         "clusters file " + open->path() + ": group or others may read it, and it names credentials; run chmod 600"},
        {{"run", job, "--clusters", typo->path()}, {},
         "clusters file " + typo->path() + ": cluster [dr]: node is not a known key; did you mean nodes?"},
        {{"plan", job, "--clusters", twice->path()}, {}, "clusters file " + twice->path() + ": cluster [dr] is given twice"},
        {{"run", job, "--clusters", inline_secret->path()}, {},
         "cluster [dr]: password: secrets are never written inline"},
        {{"run", job, "--clusters", good->path(), "--cluster", "x=" + sim.url()}, {},
         "--cluster and --clusters cannot be combined"},
        {{"run", job, "--clusters", good->path(), "--es-url", sim.url()}, {}, "--clusters and --es-url cannot be combined"},
        {{"run", job, "--clusters", good->path(), "--connection", connection->path()}, {},
         "--clusters cannot be combined with a connection file"},
        {{"status", job}, {{"ALIASING_CLUSTERS", good->path()}, {"ALIASING_CONNECTION", connection->path()}},
         "ALIASING_CLUSTERS cannot be combined with a connection file"},
        {{"plan", job, "--clusters", good->path(), "--catalog", e2e::kSource + "/examples/catalogs/customer.json"}, {},
         "--clusters reads the clusters; --catalog and --aliases plan offline"},
        {{"rollback", job}, {{"ALIASING_CLUSTERS", good->path()}, {"ALIASING_ES_URL", sim.url()}},
         "rollback does not take several clusters yet (ALIASING_CLUSTERS)"},
        {{"rollback", job, "--clusters", good->path()}, {}, "option --clusters is not used by `aliasing rollback`"},
    }, "hunter2");
    EXPECT_EQ(testing::http(sim.url(), "GET", "/_sim/requests").body.find("/_cat/indices"), std::string::npos)
        << "every refusal comes before any request";
}

TEST(CliClustersFile, HelpDocumentsClustersAndAliasingClusters) {
    for (const char* command : {"run", "plan", "status"}) {
        const auto help = aliasing({command, "--help"});
        EXPECT_NE(help.out.find("--clusters FILE"), std::string::npos) << command << "\n" << help.out;
    }
    EXPECT_NE(aliasing({"--help"}).out.find("ALIASING_CLUSTERS (a clusters file, see --clusters)"), std::string::npos);
}

}  // namespace
}  // namespace aliasing

#endif
