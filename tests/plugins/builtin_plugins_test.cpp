// The four built-in plugins, loaded from the build tree exactly as the host loads them (SPEC §4, §7).
#include "aliasing/plugins/registry.hpp"
#include "plugin_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace aliasing {
namespace {

constexpr std::uint64_t kTwoGiB = 2ULL * 1024 * 1024 * 1024;

class BuiltinPlugins : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_registry = new PluginRegistry(PluginRegistry::discover({test::build_plugin_dir()}));
    }
    static void TearDownTestSuite() {
        delete s_registry;
        s_registry = nullptr;
    }

    static const DataSource& source(std::string_view name) {
        const DataSource* found = s_registry->find(name);
        if (found == nullptr) throw std::runtime_error("built-in plugin not found: " + std::string(name));
        return *found;
    }

    /// The split of `name` by plugin `plugin`, or std::nullopt when the plugin does not claim it.
    static std::optional<ParsedName> parse(std::string_view plugin, std::string_view index_base,
                                           std::string_view name) {
        Result<std::optional<ParsedName>> parsed = source(plugin).parse_name(index_base, name);
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
        return parsed.ok() ? *parsed : std::nullopt;
    }

    static PluginRegistry* s_registry;
};

PluginRegistry* BuiltinPlugins::s_registry = nullptr;

TEST_F(BuiltinPlugins, CustomerSplitsEntityAndRunId) {
    const auto parsed = parse("customer", "customer-2_0_0", "customer-2_0_0-individual-20261015t103000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "individual");
    EXPECT_EQ(parsed->run_id, "20261015t103000");
    EXPECT_EQ(parsed->layout, 0U);
}

TEST_F(BuiltinPlugins, CustomerEntityMayContainDashes) {
    const auto parsed = parse("customer", "customer-2_0_0", "customer-2_0_0-postal-address-1760524200000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "postal-address");
    EXPECT_EQ(parsed->run_id, "1760524200000");
}

TEST_F(BuiltinPlugins, ParsedViewsPointIntoTheName) {
    const std::string name = "customer-2_0_0-individual-20261015t103000";
    const auto parsed = parse("customer", "customer-2_0_0", name);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity.data(), name.data() + 15);
    EXPECT_EQ(parsed->run_id.data(), name.data() + 26);
}

TEST_F(BuiltinPlugins, CustomerIgnoresAnotherIndexBase) {
    EXPECT_FALSE(parse("customer", "customer-2_0_0", "customer-2_1_0-individual-20261015t103000"));
}

TEST_F(BuiltinPlugins, CustomerIgnoresUppercaseNames) {
    EXPECT_FALSE(parse("customer", "customer-2_0_0", "customer-2_0_0-Individual-20261015t103000"));
}

TEST_F(BuiltinPlugins, CustomerIgnoresNameWithoutEntity) {
    EXPECT_FALSE(parse("customer", "customer-2_0_0", "customer-2_0_0-20261015t103000"));
}

TEST_F(BuiltinPlugins, CustomerIgnoresNameWithEmptyRunId) {
    EXPECT_FALSE(parse("customer", "customer-2_0_0", "customer-2_0_0-individual-"));
}

TEST_F(BuiltinPlugins, SmrSplitsItsOwnNames) {
    const auto parsed = parse("smr", "smr-1_3_0", "smr-1_3_0-trade-history-20261015t103000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "trade-history");
    EXPECT_EQ(parsed->run_id, "20261015t103000");
}

TEST_F(BuiltinPlugins, SmrDoesNotClaimCurrentLayoutEmployeeIndices) {
    EXPECT_FALSE(parse("smr", "smr-1_3_0", "smr-1_3_0-person-employee-20261015t103000"));
}

TEST_F(BuiltinPlugins, SmrDoesNotClaimPlannedLayoutEmployeeIndices) {
    EXPECT_FALSE(parse("smr", "smr-1_3_0", "smr-1_3_0-employee-person-20261015t103000"));
}

TEST_F(BuiltinPlugins, SmrDoesNotClaimAnEntityNamedEmployee) {
    EXPECT_FALSE(parse("smr", "smr-1_3_0", "smr-1_3_0-employee-20261015t103000"));
}

TEST_F(BuiltinPlugins, SmrClaimsEntitiesThatOnlyMentionEmployeeInside) {
    const auto parsed = parse("smr", "smr-1_3_0", "smr-1_3_0-former-employee-records-20261015t103000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "former-employee-records");
}

TEST_F(BuiltinPlugins, SmrEmployeeReadsTheCurrentLayoutAsLayout0) {
    const auto parsed = parse("smr-employee", "smr-1_3_0", "smr-1_3_0-cost-centre-employee-20261015t103000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "cost-centre");
    EXPECT_EQ(parsed->run_id, "20261015t103000");
    EXPECT_EQ(parsed->layout, 0U);
}

TEST_F(BuiltinPlugins, SmrEmployeeReadsThePlannedLayoutAsLayout1) {
    const auto parsed = parse("smr-employee", "smr-1_3_0", "smr-1_3_0-employee-cost-centre-20261015t103000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "cost-centre");
    EXPECT_EQ(parsed->layout, 1U);
}

TEST_F(BuiltinPlugins, SmrEmployeeDoesNotClaimSmrIndices) {
    EXPECT_FALSE(parse("smr-employee", "smr-1_3_0", "smr-1_3_0-person-20261015t103000"));
}

TEST_F(BuiltinPlugins, SmrAndSmrEmployeeNeverClaimTheSameIndex) {
    const std::vector<std::string> names = {
        "smr-1_3_0-person-20261015t103000",
        "smr-1_3_0-person-employee-20261015t103000",
        "smr-1_3_0-employee-person-20261015t103000",
        "smr-1_3_0-employee-20261015t103000",
        "smr-1_3_0-employee-employee-20261015t103000",
        "smr-1_3_0-a-b-employee-20261015t103000",
        "smr-1_3_0-employee-a-b-20261015t103000",
        "smr-1_3_0-employee-x-employee-20261015t103000",
        "smr-1_3_0-employees-20261015t103000",
        "smr-1_3_0-x-employee-y-20261015t103000",
    };
    for (const std::string& name : names) {
        const bool smr = parse("smr", "smr-1_3_0", name).has_value();
        const bool employee = parse("smr-employee", "smr-1_3_0", name).has_value();
        EXPECT_FALSE(smr && employee) << name << " is claimed by both smr and smr-employee";
    }
}

TEST_F(BuiltinPlugins, TransactionSplitsEntityAndRunId) {
    const auto parsed =
        parse("transaction", "transaction-1_0_0", "transaction-1_0_0-card-payment-20261015t103000z");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "card-payment");
    EXPECT_EQ(parsed->run_id, "20261015t103000z");
}

TEST_F(BuiltinPlugins, TransactionNeverForceMergesAndSaysWhy) {
    const MergePolicy& merge = source("transaction").info().merge;
    EXPECT_EQ(merge.kind, MergeKind::Never);
    EXPECT_EQ(
        merge.reason,
        "transaction indices keep receiving writes after promotion; force-merging them creates huge segments "
        "that never merge again");
}

TEST_F(BuiltinPlugins, CustomerSmrAndSmrEmployeeMergeBySizeWithTwoGiB) {
    for (const char* name : {"customer", "smr", "smr-employee"}) {
        const MergePolicy& merge = source(name).info().merge;
        EXPECT_EQ(merge.kind, MergeKind::SizeBased) << name;
        EXPECT_EQ(merge.default_max_segment_size_bytes, kTwoGiB) << name;
    }
}

TEST_F(BuiltinPlugins, DeclareNoEntitiesSoPlanningUsesEveryEntitySeen) {
    for (const char* name : {"customer", "smr", "smr-employee", "transaction"}) {
        EXPECT_TRUE(source(name).info().entities.empty()) << name;
    }
}

TEST_F(BuiltinPlugins, ReportCompiledKindVersionAndAbi) {
    const DataSourceInfo& info = source("customer").info();
    EXPECT_EQ(info.kind, SourceKind::Compiled);
    EXPECT_EQ(info.version, "1.0.0");
    EXPECT_EQ(info.abi_version, "1.1");
    EXPECT_EQ(info.path, test::builtin_library("customer").string());
}

TEST_F(BuiltinPlugins, ParseIsSafeFromSeveralThreadsAtOnce) {
    // Instances are single-threaded; the host lends its instance to one caller and gives others their own.
    const DataSource& smr_employee = source("smr-employee");
    std::atomic<int> wrong{0};
    auto work = [&] {
        for (int i = 0; i < 20000; ++i) {
            const std::string name = "smr-1_3_0-unit-" + std::to_string(i) + "-employee-20261015t103000";
            auto parsed = smr_employee.parse_name("smr-1_3_0", name);
            if (!parsed.ok() || !parsed->has_value() || (*parsed)->entity != "unit-" + std::to_string(i))
                ++wrong;
        }
    };
    std::thread first(work);
    std::thread second(work);
    first.join();
    second.join();
    EXPECT_EQ(wrong.load(), 0);
}

struct RoundTrip {
    const char* plugin;
    const char* index_base;
    const char* entity;
    std::uint32_t layout;
    const char* expected_name;
};

TEST_F(BuiltinPlugins, FormatThenParseGivesBackEntityRunIdAndLayout) {
    const std::vector<RoundTrip> cases = {
        {"customer", "customer-2_0_0", "postal-address", 0, "customer-2_0_0-postal-address-20261015t103000"},
        {"smr", "smr-1_3_0", "trade", 0, "smr-1_3_0-trade-20261015t103000"},
        {"smr-employee", "smr-1_3_0", "cost-centre", 0, "smr-1_3_0-cost-centre-employee-20261015t103000"},
        {"smr-employee", "smr-1_3_0", "cost-centre", 1, "smr-1_3_0-employee-cost-centre-20261015t103000"},
        {"transaction", "transaction-1_0_0", "card", 0, "transaction-1_0_0-card-20261015t103000"},
    };
    for (const RoundTrip& c : cases) {
        Result<std::string> name =
            source(c.plugin).format_name(c.index_base, c.entity, "20261015t103000", c.layout);
        ASSERT_TRUE(name.ok()) << c.plugin << ": " << name.error().message;
        EXPECT_EQ(*name, c.expected_name);
        const auto parsed = parse(c.plugin, c.index_base, *name);
        ASSERT_TRUE(parsed) << *name;
        EXPECT_EQ(parsed->entity, c.entity);
        EXPECT_EQ(parsed->run_id, "20261015t103000");
        EXPECT_EQ(parsed->layout, c.layout);
    }
}

TEST_F(BuiltinPlugins, FormatsNamesLongerThanTheHostsFirstBuffer) {
    const std::string entity(700, 'e');
    Result<std::string> name = source("customer").format_name("customer-2_0_0", entity, "20261015t103000", 0);
    ASSERT_TRUE(name.ok()) << name.error().message;
    EXPECT_EQ(*name, "customer-2_0_0-" + entity + "-20261015t103000");
}

TEST_F(BuiltinPlugins, FormatWithAnUnknownLayoutIsAnErrorNamingThePlugin) {
    Result<std::string> name =
        source("customer").format_name("customer-2_0_0", "individual", "20261015t103000", 7);
    ASSERT_FALSE(name.ok());
    EXPECT_NE(name.error().message.find("plugin [customer]"), std::string::npos) << name.error().message;
}

}  // namespace
}  // namespace aliasing
