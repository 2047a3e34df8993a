// Help and behaviour cannot drift apart: walk `--help` and every `help COMMAND`, and run each listed command
// with each option it lists at least once. An option the tool does not know, or refuses for a command whose help
// lists it, fails here; so does a newly listed option nobody gave a sample value to (add one below).

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// The command names of `aliasing --help` ("Commands:" up to the next blank line).
std::vector<std::string> listed_commands(const std::string& help) {
    std::vector<std::string> out;
    bool in_commands = false;
    for (const auto& line : lines_of(help)) {
        if (line == "Commands:") {
            in_commands = true;
        } else if (in_commands && line.empty()) {
            break;
        } else if (in_commands && line.rfind("  ", 0) == 0) {
            out.push_back(line.substr(2, line.find(' ', 2) - 2));
        }
    }
    return out;
}

struct ListedOption {
    std::string name;
    bool takes_argument = false;
};

/// The options of `aliasing help COMMAND` ("  --name [ARG]  text" lines).
std::vector<ListedOption> listed_options(const std::string& help) {
    std::vector<ListedOption> out;
    for (const auto& line : lines_of(help)) {
        if (line.rfind("  --", 0) != 0) continue;
        const auto end = line.find(' ', 4);
        ListedOption option{line.substr(4, end - 4), false};
        option.takes_argument = end != std::string::npos && end + 1 < line.size() && line[end + 1] != ' ';
        out.push_back(option);
    }
    return out;
}

class CliHelpWalk : public ::testing::Test {
protected:
    void SetUp() override {
        m_sim = std::make_unique<SimProcess>(ALIASING_SIM_BIN,
                                             std::vector<std::string>{"--state", kSource + "/examples/demo-cluster.json"});
        const auto dir = std::filesystem::temp_directory_path();
        m_report = (dir / ("aliasing-walk-" + std::to_string(::getpid()) + ".json")).string();
        m_metrics = (dir / ("aliasing-walk-" + std::to_string(::getpid()) + ".prom")).string();
        m_connection = (dir / ("aliasing-walk-" + std::to_string(::getpid()) + ".ini")).string();
        std::ofstream(m_connection) << "nodes = " << m_sim->url() << "\n";
        std::filesystem::permissions(m_connection, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        m_clusters = (dir / ("aliasing-walk-clusters-" + std::to_string(::getpid()) + ".ini")).string();
        std::ofstream(m_clusters) << "[walk]\nnodes = " << m_sim->url() << "\n";
        std::filesystem::permissions(m_clusters, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        m_values = {{"output", "json"},
                    {"catalog", kSource + "/examples/catalogs/customer.json"},
                    {"aliases", kSource + "/examples/catalogs/customer-aliases.json"},
                    {"plugin-dir", ALIASING_BUILD_PLUGIN_DIR},
                    {"pattern", "customer-*"},
                    {"max-segment-size", "1073741824"},
                    {"now", "20261124t000000"},
                    {"es-url", m_sim->url()},
                    {"ca-file", kSource + "/README.md"},  // read, not used: every URL here is http://
                    {"report", m_report},
                    {"metrics-file", m_metrics},
                    {"connection", m_connection},
                    {"clusters", m_clusters},
                    {"log-format", "json"},
                    {"timeout", "60"},
                    {"aws-region", "eu-west-1"},
                    {"aws-service", "es"},
                    {"lock-ttl", "600"},
                    {"parallel", "2"},
                    {"lock-index", "aliasing-locks"}};
    }
    void TearDown() override {
        std::filesystem::remove(m_report);
        std::filesystem::remove(m_metrics);
        std::filesystem::remove(m_connection);
        std::filesystem::remove(m_clusters);
    }

    /// What a command needs to run at all, given the option under test.
    std::vector<std::string> base_args(const std::string& command, const std::string& option) const {
        const std::string job = kSource + "/examples/jobs/customer.json";
        // --cluster replaces --es-url (and --catalog for plan): one named cluster is the plain single-cluster run.
        if (option == "cluster" || option == "parallel") return {job, "--cluster", "walk=" + m_sim->url()};
        if (option == "clusters") return {job};  // a clusters file of one cluster: the plain single-cluster run
        if (command == "run" || command == "status" || command == "rollback") return {job, "--es-url", m_sim->url()};
        if (command == "plan")
            return {job, "--catalog", m_values.at("catalog"), "--aliases", m_values.at("aliases"), "--now", "20261124t000000"};
        if (command == "audit") {
            static const std::vector<std::string> online = {"es-url", "connection", "ca-file", "insecure", "apply", "timeout",
                                                            "log-format", "quiet"};
            // --apply needs an explicit --pattern: force-merging a whole cluster is never a default.
            if (option == "apply") return {"--es-url", m_sim->url(), "--pattern", m_values.at("pattern")};
            if (std::find(online.begin(), online.end(), option) != online.end()) return {"--es-url", m_sim->url()};
            return {"--catalog", m_values.at("catalog")};
        }
        return {};
    }

    std::unique_ptr<SimProcess> m_sim;
    std::string m_report;
    std::string m_metrics;
    std::string m_connection;
    std::string m_clusters;
    std::map<std::string, std::string> m_values;
};

TEST_F(CliHelpWalk, EveryListedCommandHasHelpAndRunsWithEveryOptionItLists) {
    ProcessResult general = run_process(ALIASING_BIN, {"--help"});
    ASSERT_EQ(general.exit_code, 0);
    const auto commands = listed_commands(general.out);
    ASSERT_GE(commands.size(), 7u) << general.out;
    for (const auto& command : commands) {
        ProcessResult help = run_process(ALIASING_BIN, {"help", command});
        ASSERT_EQ(help.exit_code, 0) << command << ": " << help.err;
        EXPECT_EQ(help.out.rfind("Usage: aliasing " + command, 0), 0u) << help.out;
        if (command == "help") continue;

        ProcessResult bare = run_process(ALIASING_BIN, [&] {
            auto args = base_args(command, "");
            args.insert(args.begin(), command);
            return args;
        }());
        EXPECT_NE(bare.exit_code, 2) << "aliasing " << command << ": " << bare.err;

        for (const auto& option : listed_options(help.out)) {
            std::vector<std::string> args = base_args(command, option.name);
            args.insert(args.begin(), command);
            const std::string flag = "--" + option.name;
            if (std::find(args.begin(), args.end(), flag) == args.end()) {
                args.push_back(flag);
                if (option.takes_argument) {
                    auto value = m_values.find(option.name);
                    ASSERT_NE(value, m_values.end()) << flag << " is listed by `help " << command
                                                     << "`: give this test a sample value for it";
                    args.push_back(value->second);
                }
            }
            // --aws-sigv4 needs a region and credentials; the plain simulator accepts the signed requests.
            ProcessResult r = run_process(ALIASING_BIN, args,
                                          {{"AWS_REGION", "eu-west-1"}, {"AWS_ACCESS_KEY_ID", "AKIDWALK"},
                                           {"AWS_SECRET_ACCESS_KEY", "walk-secret"}});
            std::string shown = "aliasing";
            for (const auto& arg : args) shown += " " + arg;
            EXPECT_NE(r.exit_code, 2) << shown << "\n" << r.err;
            EXPECT_EQ(r.err.find("unknown option"), std::string::npos) << shown << "\n" << r.err;
            EXPECT_EQ(r.err.find("is not used by"), std::string::npos) << shown << "\n" << r.err;
            if (option.name == "help") {
                EXPECT_EQ(r.out.rfind("Usage: aliasing " + command, 0), 0u) << shown;
            }
        }
    }
}

}  // namespace
}  // namespace aliasing

#endif
