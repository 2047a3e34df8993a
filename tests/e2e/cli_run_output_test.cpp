// What `aliasing run` prints for a scheduler and a person: stdout JSON that ends with the real outcome and exit
// code, JSON log lines that carry the job and run id, and one summary line at the end of every log.

#include "demo_cluster.hpp"
#include "process.hpp"
#include "sim_process.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kJob = kSource + "/examples/jobs/customer.json";

using e2e::demo_sim;

void fail_the_swap(const SimProcess& sim) {
    auto added = http(sim.url(), "POST", "/_sim/faults",
                      R"({"method":"POST","path":"/_aliases","status":400,"body":{"error":{"type":"illegal_argument_exception","reason":"refused by test"},"status":400}})");
    ASSERT_EQ(added.status, 200) << added.body;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

Poco::JSON::Object::Ptr parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

TEST(CliRunOutputTest, JsonOutputOfAFailedRunEndsWithTheProcessExitCode) {
    SimProcess sim = demo_sim();
    fail_the_swap(sim);
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url(), "--output", "json"});
    ASSERT_NE(r.exit_code, 0) << r.err;
    auto document = parse(r.out);  // exactly one JSON document
    EXPECT_EQ(document->getValue<int>("exit_code"), r.exit_code) << r.out;
    EXPECT_EQ(document->getValue<std::string>("outcome"), "failed") << r.out;
    EXPECT_EQ(document->getObject("plan")->getValue<std::string>("outcome"), "promote") << "the plan is inside";
    const std::string tail = "\"exit_code\":" + std::to_string(r.exit_code) + "}\n";
    EXPECT_EQ(r.out.substr(r.out.size() - tail.size()), tail) << "the exit code is the document's last field";
}

TEST(CliRunOutputTest, JsonOutputOfARunRefusedBeforePlanningCarriesNoPlan) {
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", "http://127.0.0.1:1", "--output", "json"});
    EXPECT_EQ(r.exit_code, 5) << r.err;
    auto document = parse(r.out);
    EXPECT_TRUE(document->isNull("plan")) << r.out;
    EXPECT_EQ(document->getValue<int>("exit_code"), 5);
}

TEST(CliRunOutputTest, EveryJsonLogLineCarriesTheJobAndOneRunIdAndTheLastOneTheExitCode) {
    SimProcess sim = demo_sim();
    const auto report = std::filesystem::temp_directory_path() / ("aliasing-run-output-" + std::to_string(::getpid()) + ".json");
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url(), "--log-format", "json",
                                                 "--report", report.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.err);
    ASSERT_GE(lines.size(), 3u) << r.err;
    std::set<std::string> run_ids;
    for (const auto& line : lines) {
        auto object = parse(line);
        EXPECT_EQ(object->getValue<std::string>("alias"), "customer-prod") << line;
        EXPECT_EQ(object->getValue<std::string>("data_source"), "customer") << line;
        run_ids.insert(object->getValue<std::string>("run_id"));
    }
    EXPECT_EQ(run_ids.size(), 1u) << "one id per process run";
    auto last = parse(lines.back());
    EXPECT_EQ(last->getValue<int>("exit_code"), 0);
    EXPECT_TRUE(last->has("duration_ms"));
    std::ifstream in(report);
    std::stringstream body;
    body << in.rdbuf();
    EXPECT_EQ(parse(body.str())->getValue<std::string>("run_id"), *run_ids.begin()) << "the report has the same id";
    std::filesystem::remove(report);
}

TEST(CliRunOutputTest, HumanLogEndsWithOneSummaryLine) {
    SimProcess sim = demo_sim();
    fail_the_swap(sim);
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url()});
    const auto lines = lines_of(r.err);
    ASSERT_FALSE(lines.empty());
    const std::string expected = "[summary] failed: exit " + std::to_string(r.exit_code) + " in ";
    EXPECT_NE(lines.back().find(expected), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("aliasing: error: "), std::string::npos) << "the error in the one error format\n" << r.err;
}

TEST(CliRunOutputTest, QuietPrintsOnlyErrorsAndTheSummary) {
    SimProcess sim = demo_sim();
    ProcessResult ok = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url(), "--quiet"});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    const auto lines = lines_of(ok.err);
    ASSERT_EQ(lines.size(), 1u) << ok.err;
    EXPECT_NE(lines[0].find("[summary] promoted: exit 0"), std::string::npos) << ok.err;

    ProcessResult refused = run_process(ALIASING_BIN, {"run", kJob, "--es-url", "http://127.0.0.1:1", "--quiet"});
    EXPECT_EQ(refused.exit_code, 5);
    const auto refused_lines = lines_of(refused.err);
    ASSERT_EQ(refused_lines.size(), 2u) << refused.err;
    EXPECT_EQ(refused_lines[0].rfind("aliasing: error: cannot reach the cluster", 0), 0u) << refused.err;
}

TEST(CliRunOutputTest, InsecureWithOnlyHttpUrlsWarnsThatItHasNoEffect) {
    SimProcess sim = demo_sim();
    ProcessResult r = run_process(ALIASING_BIN, {"status", kJob, "--es-url", sim.url(), "--insecure"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("--insecure has no effect"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace aliasing

#endif
