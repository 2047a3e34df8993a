// The real executables on every supported line (SPEC §14): `aliasing-sim --distribution D --version V --state
// demo-cluster.json` (the flags win over the file's version) and `aliasing run` promoting, reporting product and
// version; the refusals of Elasticsearch 7.10 and OpenSearch 2.11; and a run signed with SigV4 (--aws-sigv4).

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kJob = kSource + "/examples/jobs/customer.json";

SimProcess line_sim(const std::string& distribution, const std::string& version, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--distribution", distribution, "--version", version,
                                     "--state", kSource + "/examples/demo-cluster.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return SimProcess(ALIASING_SIM_BIN, args);
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

using Line = std::tuple<std::string, std::string, std::string>;  ///< distribution, version, product name

class CliLines : public ::testing::TestWithParam<Line> {};

TEST_P(CliLines, RunPromotesAndTheReportNamesProductAndVersion) {
    const auto& [distribution, version, product] = GetParam();
    SimProcess sim = line_sim(distribution, version);
    EXPECT_NE(http(sim.url(), "GET", "/").body.find("\"number\":\"" + version + "\""), std::string::npos)
        << "the command line's version wins over the state file's";
    // One file per process: ctest runs the parameterized cases in parallel.
    const std::string report =
        ::testing::TempDir() + "/aliasing-lines-report-" + std::to_string(::getpid()) + ".json";
    const ProcessResult run = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url(), "--report", report});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find(product), std::string::npos) << run.err;
    EXPECT_NE(read_text(report).find("\"product\":\"" + product + "\""), std::string::npos);
    std::remove(report.c_str());
    const ProcessResult status = run_process(ALIASING_BIN, {"status", kJob, "--es-url", sim.url()});
    EXPECT_EQ(status.exit_code, 3) << status.err;
    EXPECT_NE(status.err.find(product), std::string::npos) << status.err;
}

INSTANTIATE_TEST_SUITE_P(Supported, CliLines,
                         ::testing::Values(Line{"elasticsearch", "7.17.21", "Elasticsearch 7.17.21"},
                                           Line{"elasticsearch", "8.15.0", "Elasticsearch 8.15.0"},
                                           Line{"elasticsearch", "9.1.5", "Elasticsearch 9.1.5"},
                                           Line{"opensearch", "2.19.1", "OpenSearch 2.19.1"}),
                         [](const auto& info) {
                             std::string name = std::get<0>(info.param) + "_" + std::get<1>(info.param);
                             for (auto& c : name) c = c == '.' ? '_' : c;
                             return name;
                         });

TEST(CliRefusals, OldLinesExit5NamingWhatWasFoundAndWhatIsRequired) {
    for (const auto& [distribution, version, found, required] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"elasticsearch", "7.10.2", "Elasticsearch 7.10.2", "Elasticsearch 7.11"},
             {"opensearch", "2.11.1", "OpenSearch 2.11.1", "OpenSearch 2.12"}}) {
        SimProcess sim = line_sim(distribution, version);
        const ProcessResult run = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url()});
        EXPECT_EQ(run.exit_code, 5) << run.err;
        EXPECT_NE(run.err.find(found + " is not supported"), std::string::npos) << run.err;
        EXPECT_NE(run.err.find(required + " or later"), std::string::npos) << run.err;
        EXPECT_NE(http(sim.url(), "GET", "/_alias/customer-prod").body.find("20261121t020000123"), std::string::npos)
            << "nothing moved";
    }
}

TEST(CliSigV4, ASignedRunAgainstTheCheckingSimulatorPromotes) {
    SimProcess sim = line_sim("opensearch", "2.19.1", {"--aws-sigv4", "AKIDE2E:e2e/secret+key", "--aws-region", "eu-north-1"});
    const std::map<std::string, std::string> env = {{"AWS_ACCESS_KEY_ID", "AKIDE2E"},
                                                    {"AWS_SECRET_ACCESS_KEY", "e2e/secret+key"},
                                                    {"AWS_REGION", "eu-north-1"}};
    const ProcessResult unsigned_run = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url()}, env);
    EXPECT_EQ(unsigned_run.exit_code, 5) << unsigned_run.err;
    const ProcessResult run = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url(), "--aws-sigv4"}, env);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err.find("e2e/secret+key"), std::string::npos);
    EXPECT_EQ(run.out.find("e2e/secret+key"), std::string::npos);
}

}  // namespace
}  // namespace aliasing

#endif
