// `--connection FILE` / ALIASING_CONNECTION: one path instead of a dozen environment variables, SigV4 included.

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kJob = kSource + "/examples/jobs/customer.json";

std::string connection_file(const std::string& name, const std::string& content, mode_t mode = 0600) {
    const auto path = std::filesystem::temp_directory_path() / ("aliasing-e2e-conn-" + std::to_string(::getpid()) + name);
    std::ofstream(path) << content;
    ::chmod(path.c_str(), mode);
    return path.string();
}

TEST(CliConnectionFileTest, StatusReadsTheNodesFromTheFileAndFromAliasingConnection) {
    SimProcess sim(ALIASING_SIM_BIN, {"--state", kSource + "/examples/demo-cluster.json"});
    const std::string file = connection_file(".ini", "nodes = " + sim.url() + "\nread_timeout = 30\n");
    ProcessResult given = run_process(ALIASING_BIN, {"status", kJob, "--connection", file});
    EXPECT_EQ(given.exit_code, 0) << given.err;
    EXPECT_NE(given.out.find("PROMOTE generation 20261122t020000"), std::string::npos) << given.out;
    ProcessResult from_env = run_process(ALIASING_BIN, {"status", kJob}, {{"ALIASING_CONNECTION", file}});
    EXPECT_EQ(from_env.exit_code, 0) << from_env.err;
    std::filesystem::remove(file);
}

TEST(CliConnectionFileTest, FileOthersMayReadIsRefusedBeforeAnyRequest) {
    const std::string file = connection_file("-open.ini", "nodes = http://127.0.0.1:1\n", 0644);
    ProcessResult r = run_process(ALIASING_BIN, {"status", kJob, "--connection", file});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("aliasing: error: connection file " + file + ": group or others may read it"),
              std::string::npos)
        << r.err;
    std::filesystem::remove(file);
}

TEST(CliConnectionFileTest, SigV4KeysSignEveryRequestForTheCheckingSimulator) {
    SimProcess sim(ALIASING_SIM_BIN, {"--distribution", "opensearch", "--version", "2.19.1", "--state",
                                      kSource + "/examples/demo-cluster.json", "--aws-sigv4", "AKIDFILE:file/secret+key",
                                      "--aws-region", "eu-north-1"});
    const std::string credentials = connection_file("-aws", "[batch]\naws_access_key_id = AKIDFILE\n"
                                                            "aws_secret_access_key = file/secret+key\n"
                                                            "[stale]\naws_access_key_id = AKIDFILE\n"
                                                            "aws_secret_access_key = not-the-secret\n");
    const std::string head = "nodes = " + sim.url() + "\nsigv4_region = eu-north-1\nsigv4_credentials_file = " +
                             credentials + "\n";
    const std::string signing = connection_file("-sigv4.ini", head + "sigv4_profile = batch\n");
    // The environment's keys are wrong on purpose: the file's profile replaces them.
    const std::map<std::string, std::string> env = {{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                    {"AWS_SECRET_ACCESS_KEY", "env-secret"}};
    ProcessResult run = run_process(ALIASING_BIN, {"run", kJob, "--connection", signing}, env);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ((run.out + run.err).find("file/secret+key"), std::string::npos) << "no secret in the output";

    const std::string stale = connection_file("-stale.ini", head + "sigv4_profile = stale\n");
    ProcessResult refused = run_process(ALIASING_BIN, {"status", kJob, "--connection", stale}, env);
    EXPECT_EQ(refused.exit_code, 5) << refused.err;
    EXPECT_NE(refused.err.find("403"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("not-the-secret"), std::string::npos) << refused.err;
    for (const auto& path : {credentials, signing, stale}) std::filesystem::remove(path);
}

}  // namespace
}  // namespace aliasing

#endif
