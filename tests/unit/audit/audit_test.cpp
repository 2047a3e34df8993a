// The audit's safety rules: hidden (dot) indices and indices of a data source that never force-merges are never
// offered for a merge; an index's data source is found through the plugins (index_base `{name}-…`).
#include "aliasing/audit/audit.hpp"
#include "aliasing/plugins/sources.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace aliasing {
namespace {

std::unique_ptr<DataSource> source(const std::string& json) {
    auto parsed = parse_declarative_source(json, "test.json");
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return std::move(parsed).value();
}

class AuditTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_ledger = source(R"({"name":"ledger","version":"1.0.0","layouts":["{index_base}-{entity}-{run_id}"],
            "merge":{"policy":"never","reason":"ledger indices are still written to"}})");
        m_shop = source(R"({"name":"shop","version":"1.0.0","layouts":["{index_base}-{entity}-{run_id}"],
            "merge":{"policy":"size_based"}})");
        m_options.sources = {m_ledger.get(), m_shop.get()};
    }

    std::vector<AuditRow> audit(const std::string& names_json_rows) {
        auto catalog = Catalog::parse("[" + names_json_rows + "]", "test");
        if (!catalog) throw std::runtime_error(catalog.error().message);
        m_catalog.emplace(std::move(catalog).value());
        return audit_catalog(*m_catalog, m_options);
    }

    static std::string row(const std::string& name) {
        return R"({"health":"green","status":"open","index":")" + name +
               R"(","pri":"1","rep":"0","pri.store.size":"1073741824","pri.segments.count":"40"})";
    }

    std::unique_ptr<DataSource> m_ledger, m_shop;
    AuditOptions m_options;
    std::optional<Catalog> m_catalog;
};

TEST_F(AuditTest, OwnerIsFoundThroughThePluginsWithTheLongestIndexBase) {
    auto owner = owner_of("ledger-1_0_0-payment-20261122t020000", m_options.sources);
    ASSERT_TRUE(owner.ok());
    ASSERT_EQ(owner->source, m_ledger.get());
    EXPECT_EQ(owner->index_base, "ledger-1_0_0");
    auto none = owner_of("metrics-2026.11.22", m_options.sources);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->source, nullptr);
}

TEST_F(AuditTest, AnIndexOfADataSourceThatNeverMergesIsSkippedSayingWhy) {
    const auto rows = audit(row("ledger-1_0_0-payment-20261122t020000") + "," + row("shop-1_0_0-cart-20261122t020000"));
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].merge.decision, MergeDecision::PolicyNever);
    EXPECT_NE(rows[0].merge.command.find("data source [ledger]"), std::string::npos) << rows[0].merge.command;
    EXPECT_NE(rows[0].merge.command.find("still written to"), std::string::npos) << rows[0].merge.command;
    EXPECT_EQ(rows[1].merge.decision, MergeDecision::Merge) << rows[1].merge.command;
}

TEST_F(AuditTest, ADotIndexIsNeverOfferedForAMerge) {
    const auto rows = audit(row(".security-7") + "," + row("plain-index"));
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_NE(rows[0].merge.decision, MergeDecision::Merge);
    EXPECT_EQ(rows[0].merge.command.rfind("skip: hidden", 0), 0U) << rows[0].merge.command;
    EXPECT_EQ(rows[1].merge.decision, MergeDecision::Merge) << rows[1].merge.command;
}

}  // namespace
}  // namespace aliasing
