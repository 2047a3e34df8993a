// The real `aliasing` executable against the in-process sim (issue 4 item 4): `--report FILE` (SPEC §9) for a
// successful, a refused and a failed run; `--log-format json` gives one JSON object per stderr line; credentials
// never appear in stdout, stderr or the report; `status` and `run --dry-run` change nothing. Real-cluster capable
// but for the fault-injected and the credential tests.

#include "pipeline_fixture.hpp"
#include "process.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace aliasing::pipeline_testing {
namespace {

using cluster::Method;
using testing::ProcessResult;

const std::string kJob = std::string(ALIASING_SOURCE_DIR) + "/examples/jobs/customer.json";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string base64(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder << text;
    encoder.close();
    return out.str();
}

class CliReport : public PipelineSim {
protected:
    bool real_cluster_capable() const override { return true; }
    void SetUp() override {
        PipelineSim::SetUp();
        m_report = (std::filesystem::temp_directory_path() /
                    ("aliasing-pipeline-" + std::to_string(::getpid()) + "-" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json"))
                       .string();
        std::filesystem::remove(m_report);
    }
    void TearDown() override {
        std::filesystem::remove(m_report);
        PipelineSim::TearDown();
    }

    ProcessResult aliasing(const std::string& command, std::vector<std::string> extra = {},
                           std::map<std::string, std::string> env = {}) {
        std::vector<std::string> args = {command, cluster_job_file(kJob), "--log-format", "json"};
        for (const auto& argument : cli_cluster_arguments()) args.push_back(argument);
        if (command == "run") args.insert(args.end(), {"--report", m_report, "--timeout", "30"});
        args.insert(args.end(), extra.begin(), extra.end());
        return testing::run_process(ALIASING_BIN, args, env);
    }

    /// Parses the report and checks the fields every report has; returns it.
    Poco::JSON::Object::Ptr report(int exit_code, const std::string& outcome) {
        const std::string text = read_text(m_report);
        EXPECT_FALSE(text.empty()) << "no report written to " << m_report;
        if (text.empty()) return new Poco::JSON::Object;
        Poco::JSON::Parser parser;
        const auto report = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
        const auto job = report->getObject("job");
        EXPECT_TRUE(job);
        if (job) {
            EXPECT_EQ(job->getValue<std::string>("alias_name"), named(kAlias));
            EXPECT_EQ(job->getValue<std::string>("data_source"), "customer");
            EXPECT_EQ(job->getValue<std::string>("index_base"), named("customer-2_0_0"));
        }
        const auto plugin = report->getObject("plugin");
        EXPECT_TRUE(plugin);
        if (plugin) {
            EXPECT_EQ(plugin->getValue<std::string>("name"), "customer");
            EXPECT_FALSE(plugin->getValue<std::string>("version").empty());
        }
        EXPECT_TRUE(report->has("plan"));
        const auto actions = report->getArray("actions");
        EXPECT_TRUE(actions);
        for (std::size_t i = 0; actions && i < actions->size(); ++i) {
            const auto action = actions->getObject(static_cast<unsigned>(i));
            const std::string status = action->getValue<std::string>("status");
            EXPECT_TRUE(status == "ok" || status == "failed" || status == "skipped") << status;
            EXPECT_FALSE(action->getValue<std::string>("step").empty());
            EXPECT_GE(action->getValue<double>("seconds"), 0.0);
        }
        EXPECT_EQ(report->getValue<std::string>("outcome"), outcome);
        EXPECT_EQ(report->getValue<int>("exit_code"), exit_code);
        return report;
    }

    static std::vector<std::string> steps_with_status(const Poco::JSON::Object::Ptr& report, const std::string& status) {
        std::vector<std::string> out;
        const auto actions = report->getArray("actions");
        for (std::size_t i = 0; actions && i < actions->size(); ++i) {
            const auto action = actions->getObject(static_cast<unsigned>(i));
            if (action->getValue<std::string>("status") == status) out.push_back(action->getValue<std::string>("step"));
        }
        return out;
    }

    static void expect_json_lines(const std::string& err) {
        std::istringstream lines(err);
        std::string line;
        int count = 0;
        while (std::getline(lines, line)) {
            if (line.empty()) continue;
            ++count;
            Poco::JSON::Parser parser;
            Poco::JSON::Object::Ptr object;
            try {
                object = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
            } catch (const std::exception& error) {
                ADD_FAILURE() << "stderr line is not a JSON object: " << line;
                continue;
            }
            for (const char* key : {"ts", "level", "step", "message"})
                EXPECT_TRUE(object->has(key) && object->get(key).isString()) << key << " missing in " << line;
        }
        EXPECT_GT(count, 0) << "nothing logged";
    }

    /// The cluster without the run lock index, which a run creates and releases by design.
    NormalState cluster_view() {
        NormalState view = state();
        view.indices.erase("aliasing-locks");
        return view;
    }

    std::string m_report;
};

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

TEST_F(CliReport, SuccessfulRunReportsEveryStepOk) {
    // The example catalog's new generation has several segments per primary; a cluster that keeps its two
    // documents in one segment (as aliasing-sim standing in for a real cluster does) gives the merge no work.
    bool merge_has_work = false;
    const NormalState before = state();
    for (const auto& name : generation(kNewRun))
        merge_has_work = merge_has_work || before.indices.at(name).segments_per_primary > 1;
    EXPECT_TRUE(merge_has_work || on_real_cluster()) << before.describe();
    const auto result = aliasing("run");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto json = report(0, "promoted");
    EXPECT_TRUE(json->getObject("plan")) << "a promotion's report carries its plan";
    const auto ok = steps_with_status(json, "ok");
    for (const char* step : {"preflight", "discover", "plan", "forcemerge", "replicas", "swap", "verify", "delete"})
        EXPECT_TRUE(contains(ok, step) || (std::string(step) == "forcemerge" && !merge_has_work) ||
                    (std::string(step) == "replicas" && replicas_capped()))
            << step;
    EXPECT_TRUE(steps_with_status(json, "failed").empty());
    expect_json_lines(result.err);
}

TEST_F(CliReport, ReportListsEveryDeletedIndexNotTheFirstSix) {
    const NormalState before = cluster_view();
    const auto result = aliasing("run");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const NormalState after = cluster_view();
    std::set<std::string> deleted;
    for (const auto& name : before.names())
        if (!after.indices.count(name)) deleted.insert(name);
    ASSERT_GT(deleted.size(), 6u) << "the example must delete more than six indices";

    const auto json = report(0, "promoted");
    std::set<std::string> reported;
    const auto actions = json->getArray("actions");
    for (std::size_t i = 0; actions && i < actions->size(); ++i) {
        const auto action = actions->getObject(static_cast<unsigned>(i));
        if (action->getValue<std::string>("step") != "delete" || action->getValue<std::string>("status") != "ok")
            continue;
        const auto indices = action->getArray("indices");
        ASSERT_TRUE(indices) << "a delete action names its indices: " << read_text(m_report);
        for (std::size_t k = 0; k < indices->size(); ++k)
            reported.insert(unprefixed(indices->getElement<std::string>(static_cast<unsigned>(k))));
    }
    EXPECT_EQ(reported, deleted);
}

TEST_F(CliReport, RefusedRunOfAnIncompleteGenerationReportsExit4) {
    ASSERT_EQ(control(Method::Delete, "/" + named("customer-2_0_0-contact-20261122t020000")).status, 200);
    const NormalState before = cluster_view();
    const auto result = aliasing("run");
    ASSERT_EQ(result.exit_code, 4) << result.err;
    const auto json = report(4, "refused");
    EXPECT_NE(json->getValue<std::string>("message").find("incomplete generation"), std::string::npos)
        << json->getValue<std::string>("message");
    EXPECT_EQ(cluster_view(), before);
    expect_json_lines(result.err);
}

TEST_F(CliReport, FailedRunReportsTheFailedStepAndExit6) {
    ALIASING_SIMULATOR_ONLY(on_real_cluster(), "fault injection");
    add_fault(R"({"method":"PUT","path":"/*/_settings","status":500,"body":{"error":{"type":"illegal_state_exception","reason":"injected settings failure"},"status":500}})");
    const auto result = aliasing("run");
    ASSERT_EQ(result.exit_code, 6) << result.err;
    const auto json = report(6, "failed");
    EXPECT_TRUE(contains(steps_with_status(json, "failed"), "replicas"));
    EXPECT_NE(json->getValue<std::string>("message").find("injected settings failure"), std::string::npos);
    EXPECT_EQ(state().alias_targets(kAlias), generation(kOldRun));
    expect_json_lines(result.err);
}

TEST_F(CliReport, BasicAuthCredentialsNeverAppearInOutputOrReport) {
    ALIASING_SIMULATOR_ONLY(on_real_cluster(), "fault injection, and credentials the cluster would refuse");
    const std::string user = "zq-user-7f3a9", password = "Pw-Secret-91XKq";
    const std::map<std::string, std::string> env = {{"ALIASING_ES_USERNAME", user},
                                                    {"ALIASING_ES_PASSWORD", password}};
    const std::string encoded = base64(user + ":" + password);
    const auto success = aliasing("run", {}, env);
    EXPECT_EQ(success.exit_code, 0) << success.err;
    const std::string first_report = read_text(m_report);
    load(customer_state());
    add_fault(R"({"method":"POST","path":"/_aliases","status":500})");
    const auto failure = aliasing("run", {}, env);
    EXPECT_EQ(failure.exit_code, 6) << failure.err;
    for (const std::string& text : {success.out, success.err, first_report, failure.out, failure.err, read_text(m_report)}) {
        EXPECT_EQ(text.find(user), std::string::npos) << text;
        EXPECT_EQ(text.find(password), std::string::npos) << text;
        EXPECT_EQ(text.find(encoded), std::string::npos) << text;
    }
}

TEST_F(CliReport, ApiKeyNeverAppearsInOutputOrReport) {
    ALIASING_SIMULATOR_ONLY(on_real_cluster(), "fault injection, and an API key the cluster would refuse");
    const std::string key = "ApiKeySecret-55QZ-x9";
    const auto failure = aliasing("run", {}, {{"ALIASING_ES_API_KEY", key}});
    EXPECT_EQ(failure.exit_code, 0) << failure.err;
    load(customer_state());
    add_fault(R"({"method":"GET","path":"/","status":401,"body":{"error":{"type":"security_exception","reason":"unable to authenticate with provided credentials"},"status":401}})");
    const auto refused = aliasing("run", {}, {{"ALIASING_ES_API_KEY", key}});
    EXPECT_EQ(refused.exit_code, 5) << refused.err;
    for (const std::string& text : {failure.out, failure.err, refused.out, refused.err, read_text(m_report)})
        EXPECT_EQ(text.find(key), std::string::npos) << text;
}

TEST_F(CliReport, StatusChangesNothing) {
    const NormalState before = cluster_view();
    const auto result = aliasing("status");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find(kNewRun), std::string::npos) << result.out;
    EXPECT_EQ(cluster_view(), before);
    if (!on_real_cluster()) {  // no request log there: the unchanged state is what is checked
        for (const auto& request : requests()) EXPECT_EQ(request.method, "GET") << request.path;
    }
}

TEST_F(CliReport, DryRunChangesNothing) {
    const NormalState before = cluster_view();
    const auto result = aliasing("run", {"--dry-run"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(cluster_view(), before);
    if (!on_real_cluster()) {  // no request log there: the unchanged state is what is checked
        for (const auto& request : requests()) EXPECT_EQ(request.method, "GET") << request.path;
    }
}

}  // namespace
}  // namespace aliasing::pipeline_testing
