// Help that answers: suggestions for typos, one error format, help that lists only what exists and works.

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace aliasing {
namespace {

using testing::ProcessResult;
using testing::run_process;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kJob = kSource + "/examples/jobs/customer.json";

ProcessResult aliasing(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    return run_process(ALIASING_BIN, args, env);
}

TEST(CliHelpFixesTest, GeneralHelpListsNoVersionCommandButTheVersionOption) {
    ProcessResult r = aliasing({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.find("\n  version "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--version"), std::string::npos) << r.out;
    EXPECT_EQ(aliasing({"version"}).exit_code, 2) << "there is no version command";
}

TEST(CliHelpFixesTest, PluginsHelpOffersOnlyTheFormatsItAccepts) {
    ProcessResult help = aliasing({"help", "plugins"});
    EXPECT_EQ(help.out.find("markdown"), std::string::npos) << help.out;
    EXPECT_EQ(aliasing({"plugins", "--output", "markdown"}).exit_code, 2);
}

TEST(CliHelpFixesTest, MistypedOptionSuggestsTheCloseOne) {
    ProcessResult r = aliasing({"run", kJob, "--dryrun"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("aliasing: error: unknown option --dryrun; did you mean --dry-run?"), std::string::npos)
        << r.err;
}

TEST(CliHelpFixesTest, MistypedCommandSuggestsTheCloseOne) {
    ProcessResult r = aliasing({"staus", kJob});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("did you mean `aliasing status`?"), std::string::npos) << r.err;
}

TEST(CliHelpFixesTest, MistypedDataSourceSuggestsTheCloseOne) {
    auto job = std::filesystem::temp_directory_path() / ("aliasing-help-" + std::to_string(::getpid()) + ".json");
    std::ofstream(job) << R"({"alias_name":"a","data_source":"custmer","index_base":"customer-2_0_0"})";
    ProcessResult r = aliasing({"plan", job.string(), "--catalog", kSource + "/examples/catalogs/customer.json"});
    std::filesystem::remove(job);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("aliasing: error: unknown data_source [custmer]; did you mean [customer]?"), std::string::npos)
        << r.err;
}

TEST(CliHelpFixesTest, MissingCaFileIsAnErrorEvenForHttpUrls) {
    ProcessResult r = aliasing({"status", kJob, "--es-url", "http://127.0.0.1:1", "--ca-file", "/nonexistent/ca.pem"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("aliasing: error: --ca-file: cannot read '/nonexistent/ca.pem'"), std::string::npos) << r.err;
}

#ifdef ALIASING_SIM_BIN
TEST(CliHelpFixesTest, AuditReadsTheClusterFromAliasingEsUrl) {
    testing::SimProcess sim(ALIASING_SIM_BIN, {"--state", kSource + "/examples/demo-cluster.json"});
    ProcessResult r = aliasing({"audit", "--pattern", "customer-*"}, {{"ALIASING_ES_URL", sim.url()}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("customer-2_0_0-account-20261122t020000"), std::string::npos) << r.out;
}
#endif

}  // namespace
}  // namespace aliasing
