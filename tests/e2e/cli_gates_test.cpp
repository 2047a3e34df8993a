// The content gates as a user meets them (SPEC §13): `aliasing run` against an aliasing-sim process, and offline
// `aliasing plan` on a saved catalog. Each gate: pass, refusal with the numbers, and the boundary value.

#include "demo_cluster.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using e2e::alias_on;
using e2e::kNewGeneration;
using e2e::kOldGeneration;
using e2e::TempFile;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;
using Poco::JSON::Object;

const std::string kNew = std::string("customer-2_0_0-individual-") + kNewGeneration;
const std::string kLive = std::string("customer-2_0_0-individual-") + kOldGeneration;

ProcessResult aliasing(const std::vector<std::string>& args) { return run_process(ALIASING_BIN, args); }

Object::Ptr parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
}

std::string stringify(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

/// The demo cluster with the live and new individual indices at these primary document counts.
std::string demo_with_counts(std::uint64_t live, std::uint64_t now) {
    auto document = parse(e2e::read_text(e2e::kSource + "/examples/demo-cluster.json"));
    auto rows = document->getArray("cat_indices");
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto row = rows->getObject(static_cast<unsigned>(i));
        const auto name = row->getValue<std::string>("index");
        if (name == kLive) row->set("docs.count", std::to_string(live));
        if (name == kNew) row->set("docs.count", std::to_string(now));
    }
    return stringify(document);
}

struct Cluster {
    explicit Cluster(const std::string& state) : file("gates-state.json", state), sim(ALIASING_SIM_BIN, {"--state", file.path()}) {}
    ProcessResult run(const std::string& job, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"run", job, "--es-url", sim.url()};
        args.insert(args.end(), extra.begin(), extra.end());
        return aliasing(args);
    }
    TempFile file;
    SimProcess sim;
};

const char* kJob = R"({"alias_name":"customer-prod","data_source":"customer","index_base":"customer-2_0_0",
    "delete_old":true,"forcemerge_new":false})";

TEST(CliGatesTest, RunRefusesADropBeyondTheLimitWithTheNumbersAndExitFour) {
    Cluster cluster(demo_with_counts(2041118, 1204332));
    TempFile job("gates-job.json", kJob);
    const ProcessResult result = cluster.run(job.path());
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("error: " + kNew + " has 1,204,332 documents, 41% fewer than the live " +
                              kLive + " (2,041,118); max_docs_drop_pct is 20"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("refused: exit 4"), std::string::npos) << result.err;
    EXPECT_TRUE(alias_on(cluster.sim.url(), kOldGeneration));
    EXPECT_NE(result.out.find("max_docs_drop_pct: refused"), std::string::npos) << result.out;
}

TEST(CliGatesTest, RunPromotesADropExactlyAtTheLimit) {
    Cluster cluster(demo_with_counts(1000, 800));
    TempFile job("gates-job.json", kJob);
    const ProcessResult result = cluster.run(job.path());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(alias_on(cluster.sim.url(), kNewGeneration));
}

TEST(CliGatesTest, RunRefusesOneDocumentBelowTheLimit) {
    Cluster cluster(demo_with_counts(1000, 799));
    TempFile job("gates-job.json", kJob);
    EXPECT_EQ(cluster.run(job.path()).exit_code, 4);
    EXPECT_TRUE(alias_on(cluster.sim.url(), kOldGeneration));
}

TEST(CliGatesTest, RunReportCarriesEachGatesInputsAndVerdict) {
    Cluster cluster(demo_with_counts(2041118, 1204332));
    TempFile job("gates-job.json", kJob);
    TempFile report("gates-report.json");
    ASSERT_EQ(cluster.run(job.path(), {"--report", report.path()}).exit_code, 4);
    const auto root = parse(e2e::read_text(report.path()));
    const auto gates = root->getObject("plan")->getObject("gates");
    ASSERT_TRUE(gates) << e2e::read_text(report.path());
    EXPECT_EQ(gates->getValue<std::string>("counts"), "primary documents");
    EXPECT_EQ(gates->getValue<std::string>("counts_from"), "refreshed");
    const auto results = gates->getArray("results");
    bool seen = false;
    for (std::size_t i = 0; i < results->size(); ++i) {
        const auto result = results->getObject(static_cast<unsigned>(i));
        if (result->getValue<std::string>("gate") != "max_docs_drop_pct") continue;
        seen = true;
        EXPECT_EQ(result->getValue<std::string>("verdict"), "refused");
        EXPECT_EQ(result->getObject("inputs")->getValue<std::string>(kNew), "1204332 vs 2041118");
        EXPECT_EQ(result->getObject("inputs")->getValue<std::string>("max_docs_drop_pct"), "20");
    }
    EXPECT_TRUE(seen);
}

// --- offline plan, from the catalog's docs.count

std::string catalog_with_counts(std::uint64_t live, std::uint64_t now) {
    Poco::JSON::Parser parser;
    auto rows = parser.parse(e2e::read_text(e2e::kSource + "/examples/catalogs/customer.json")).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto row = rows->getObject(static_cast<unsigned>(i));
        const auto name = row->getValue<std::string>("index");
        if (name == kLive) row->set("docs.count", std::to_string(live));
        if (name == kNew) row->set("docs.count", std::to_string(now));
    }
    return stringify(rows);
}

ProcessResult offline_plan(const std::string& catalog, const std::string& job, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan", job, "--catalog", catalog, "--aliases",
                                     e2e::kSource + "/examples/catalogs/customer-aliases.json", "--now", "20261124t000000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return aliasing(args);
}

TEST(CliGatesTest, OfflinePlanRefusesTheDropFromTheCatalogsCounts) {
    TempFile catalog("gates-catalog.json", catalog_with_counts(2041118, 1204332));
    TempFile job("gates-job.json", kJob);
    const ProcessResult result = offline_plan(catalog.path(), job.path());
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.out.find("REFUSED: " + kNew + " has 1,204,332 documents, 41% fewer"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("primary documents"), std::string::npos) << result.out;
}

TEST(CliGatesTest, OfflinePlanPassesAtTheLimitAndRefusesOneBelow) {
    TempFile job("gates-job.json", kJob);
    TempFile at("gates-at.json", catalog_with_counts(1000, 800));
    const ProcessResult passed = offline_plan(at.path(), job.path());
    EXPECT_EQ(passed.exit_code, 0) << passed.out;
    EXPECT_NE(passed.out.find("max_docs_drop_pct: passed"), std::string::npos) << passed.out;
    EXPECT_NE(passed.out.find("-20%"), std::string::npos) << passed.out;
    TempFile below("gates-below.json", catalog_with_counts(1000, 799));
    EXPECT_EQ(offline_plan(below.path(), job.path()).exit_code, 4);
}

TEST(CliGatesTest, OfflinePlanSaysTheMappingSmokeAndDiskGatesAreNotEvaluated) {
    TempFile job("gates-job.json", R"({"alias_name":"customer-prod","data_source":"customer",
        "index_base":"customer-2_0_0","forcemerge_new":true,"smoke_query":{"query":{"match_all":{}},"min_hits":10}})");
    const ProcessResult result =
        offline_plan(e2e::kSource + "/examples/catalogs/customer.json", job.path(), {"--output", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto results = parse(result.out)->getObject("gates")->getArray("results");
    int offline = 0;
    for (std::size_t i = 0; i < results->size(); ++i) {
        const auto gate = results->getObject(static_cast<unsigned>(i));
        if (gate->getValue<std::string>("verdict") == "not evaluated") {
            ++offline;
            EXPECT_EQ(gate->getValue<std::string>("detail"), "not evaluated offline (needs the cluster)");
        }
    }
    EXPECT_EQ(offline, 3) << result.out;
}

}  // namespace
}  // namespace aliasing

#endif
