// The document-count gates (SPEC §13), pure and through offline planning on the catalog's docs.count.
#include "plan_fixture.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

using testing::index_of;
using testing::Scenario;

const GateResult& result_of(const Plan& plan, const std::string& gate) {
    for (const auto& result : plan.gates.results)
        if (result.gate == gate) return result;
    static const GateResult none;
    ADD_FAILURE() << "no gate " << gate;
    return none;
}

// A live generation (docs `live`) and a new one (docs `now`) of the individual entity.
Scenario promotion(std::uint64_t live, std::uint64_t now) {
    Scenario s;
    const std::string old_index = index_of("individual", "20261121t020000123");
    s.rows = {{old_index}, {index_of("individual", "20261122t020000")}};
    s.rows[0].docs = live;
    s.rows[1].docs = now;
    s.aliases = testing::alias_body({old_index});
    return s;
}

TEST(DocGates, TheIssuesRefusalMessageWordForWord) {
    const std::vector<EntityDocs> docs = {{"individual", "customer-2_0_0-individual-20261122t020000", 1204332,
                                           "customer-2_0_0-individual-20261121t020000123", 2041118}};
    const auto results = evaluate_doc_gates(docs, DocTolerances{});
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[1].verdict, GateVerdict::Refused);
    EXPECT_EQ(results[1].detail,
              "customer-2_0_0-individual-20261122t020000 has 1,204,332 documents, 41% fewer than the live "
              "customer-2_0_0-individual-20261121t020000123 (2,041,118); max_docs_drop_pct is 20");
}

TEST(DocGates, DropExactlyAtTheLimitPasses) {
    Plan plan = promotion(1000, 800).plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(result_of(plan, "max_docs_drop_pct").verdict, GateVerdict::Passed);
}

TEST(DocGates, OneDocumentBelowTheDropLimitIsRefused) {
    Plan plan = promotion(1000, 799).plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(plan.exit_code(), 4);
    EXPECT_EQ(result_of(plan, "max_docs_drop_pct").verdict, GateVerdict::Refused);
    EXPECT_NE(plan.reason.find("has 799 documents, 20.1% fewer than the live"), std::string::npos) << plan.reason;
}

TEST(DocGates, DropOfOneHundredDisablesTheCheck) {
    Scenario s = promotion(1000, 1);
    s.job_file.gates.max_docs_drop_pct = 100;
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(result_of(plan, "max_docs_drop_pct").verdict, GateVerdict::Off);
}

TEST(DocGates, EmptyNewIndexIsRefusedByDefault) {
    Plan plan = promotion(1000, 0).plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(result_of(plan, "min_docs").verdict, GateVerdict::Refused);
    EXPECT_NE(plan.reason.find("has 0 documents, fewer than min_docs 1"), std::string::npos) << plan.reason;
}

TEST(DocGates, MinDocsExactlyMetPassesAndOneBelowIsRefused) {
    Scenario first;
    first.rows = {{index_of("individual", "20261122t020000")}};
    first.rows[0].docs = 500;
    first.job_file.gates.min_docs = 500;
    EXPECT_EQ(first.plan().outcome, PlanOutcome::Promote);
    Scenario below;
    below.rows = {{index_of("individual", "20261122t020000")}};
    below.rows[0].docs = 499;
    below.job_file.gates.min_docs = 500;
    Plan plan = below.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_NE(plan.reason.find("has 499 documents, fewer than min_docs 500"), std::string::npos) << plan.reason;
}

TEST(DocGates, FirstPromotionIsJudgedByMinDocsOnly) {
    Scenario s;
    s.rows = {{index_of("individual", "20261122t020000")}};
    s.rows[0].docs = 3;
    s.job_file.gates.max_docs_growth_pct = 0;
    Plan plan = s.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote) << plan.reason;
    EXPECT_EQ(result_of(plan, "max_docs_drop_pct").detail, "first promotion: no live index to compare with");
    ASSERT_EQ(plan.gates.docs.size(), 1u);
    EXPECT_TRUE(plan.gates.docs[0].live_index.empty());
}

TEST(DocGates, GrowthExactlyAtTheLimitPassesAndOneMoreIsRefused) {
    Scenario at = promotion(1000, 1500);
    at.job_file.gates.max_docs_growth_pct = 50;
    EXPECT_EQ(at.plan().outcome, PlanOutcome::Promote);
    Scenario above = promotion(1000, 1501);
    above.job_file.gates.max_docs_growth_pct = 50;
    Plan plan = above.plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Refused);
    EXPECT_EQ(result_of(plan, "max_docs_growth_pct").verdict, GateVerdict::Refused);
    EXPECT_NE(plan.reason.find("50.1% more than the live"), std::string::npos) << plan.reason;
}

TEST(DocGates, GrowthIsUnlimitedByDefault) {
    Plan plan = promotion(10, 100000).plan();
    EXPECT_EQ(plan.outcome, PlanOutcome::Promote);
    EXPECT_EQ(result_of(plan, "max_docs_growth_pct").verdict, GateVerdict::Off);
}

TEST(DocGates, PluginDefaultsApplyUnlessTheJobSetsTheKey) {
    Scenario s = promotion(1000, 880);
    DocTolerances plugin;
    plugin.max_docs_drop_pct = 10;
    s.source.edit_info().gate_defaults = plugin;
    EXPECT_EQ(s.plan().outcome, PlanOutcome::Refused);
    s.job_file.gates.max_docs_drop_pct = 20;
    EXPECT_EQ(s.plan().outcome, PlanOutcome::Promote);
}

TEST(DocGates, OfflinePlanSaysWhatItCouldNotEvaluate) {
    Scenario s = promotion(1000, 1000);
    s.job_file.gates.smoke_query = SmokeQuery{R"({"match_all":{}})", 1, true};
    Plan plan = s.plan();
    EXPECT_EQ(result_of(plan, "mapping_check").verdict, GateVerdict::NotEvaluated);
    EXPECT_EQ(result_of(plan, "mapping_check").detail, "not evaluated offline (needs the cluster)");
    EXPECT_EQ(result_of(plan, "smoke_query").verdict, GateVerdict::NotEvaluated);
}

TEST(DocGates, CountsAreGroupedAndChangesSigned) {
    EXPECT_EQ(grouped(2041118), "2,041,118");
    EXPECT_EQ(grouped(999), "999");
    EXPECT_EQ(percent_change(2041118, 1204332), "-41%");
    EXPECT_EQ(percent_change(100, 103), "+3%");
    EXPECT_EQ(percent_change(5, 5), "0%");
}

}  // namespace
}  // namespace aliasing
