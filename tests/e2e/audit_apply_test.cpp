// `aliasing audit --apply` against aliasing-sim: it needs an explicit --pattern, never touches hidden indices (dot
// names, index.hidden=true), and never merges an index of a data source whose merge policy is "never".

#include "demo_cluster.hpp"
#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;

using e2e::demo_sim;

/// The indices named in every POST .../_forcemerge the sim saw.
std::set<std::string> merged_indices(const std::string& url) {
    const std::string log = http(url, "GET", "/_sim/requests").body;
    std::set<std::string> merged;
    const std::string marker = "/_forcemerge\"";
    for (std::size_t at = log.find(marker); at != std::string::npos; at = log.find(marker, at + 1)) {
        const std::size_t start = log.rfind("\"/", at);
        merged.insert(log.substr(start + 2, at - start - 2));
    }
    return merged;
}

void create_unmerged(const std::string& url, const std::string& name, bool hidden) {
    const std::string settings = std::string(R"({"settings":{"index":{)") + (hidden ? R"("hidden":true,)" : "") +
                                 R"("number_of_replicas":0,"sim":{"store_bytes":1073741824,"segments_per_shard":60}}}})";
    const auto created = http(url, "PUT", "/" + name, settings);
    ASSERT_EQ(created.status, 200) << created.body;
}

TEST(AuditApplyTest, ApplyWithoutPatternIsRefusedSayingWhyAndMergesNothing) {
    SimProcess sim = demo_sim();
    ProcessResult result = run_process(ALIASING_BIN, {"audit", "--es-url", sim.url(), "--apply"});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find("--pattern"), std::string::npos) << result.err;
    EXPECT_TRUE(merged_indices(sim.url()).empty());
}

TEST(AuditApplyTest, ApplyNeverMergesHiddenIndices) {
    SimProcess sim = demo_sim();
    create_unmerged(sim.url(), ".internal-audit-log", false);
    create_unmerged(sim.url(), "hidden-metrics", true);
    create_unmerged(sim.url(), "visible-metrics", false);
    ProcessResult result = run_process(ALIASING_BIN, {"audit", "--es-url", sim.url(), "--apply", "--pattern", "*"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto merged = merged_indices(sim.url());
    EXPECT_EQ(merged.count(".internal-audit-log"), 0u) << "a dot index was merged";
    EXPECT_EQ(merged.count("hidden-metrics"), 0u) << "an index.hidden index was merged";
    EXPECT_EQ(merged.count("visible-metrics"), 1u) << "an ordinary unmerged index is merged\n" << result.out;
    for (const auto& name : merged) EXPECT_NE(name.front(), '.') << name;
}

TEST(AuditApplyTest, ApplyNeverMergesAnIndexOfADataSourceWhosePolicyIsNever) {
    SimProcess sim = demo_sim();
    ProcessResult result = run_process(ALIASING_BIN, {"audit", "--es-url", sim.url(), "--apply", "--pattern", "*-*"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto merged = merged_indices(sim.url());
    for (const auto& name : merged) EXPECT_NE(name.rfind("transaction-", 0), 0u) << "merged " << name;
    EXPECT_EQ(merged.count("customer-2_0_0-account-20261122t020000"), 1u) << "customer indices are merged";
    EXPECT_NE(result.out.find("transaction-1_0_0-payment-20261122t020000"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("data source [transaction]"), std::string::npos)
        << "the skip says why\n" << result.out;
}

}  // namespace
}  // namespace aliasing

#endif
