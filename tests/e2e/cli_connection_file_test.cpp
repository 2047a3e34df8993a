// `--connection FILE` / ALIASING_CONNECTION: one path instead of a dozen environment variables.

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace aliasing

#endif
