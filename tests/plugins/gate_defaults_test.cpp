// ABI 1.1 (SPEC §13): a plugin may declare its own document-count gate defaults; a plugin built against ABI 1.0
// still loads and gets the host's.
#include "aliasing/plugins/registry.hpp"
#include "plugin_test_support.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

const DataSource* only_source(const PluginRegistry& registry) {
    EXPECT_EQ(registry.sources().size(), 1U);
    EXPECT_TRUE(registry.rejections().empty()) << registry.rejections().front().reason;
    return registry.sources().empty() ? nullptr : registry.sources().front();
}

TEST(GateDefaults, APluginBuiltAgainstAbi10LoadsAndGetsTheHostsDefaults) {
    const PluginRegistry registry = PluginRegistry::discover({test::fixture_dir("abi-1-0")});
    const DataSource* source = only_source(registry);
    ASSERT_NE(source, nullptr);
    EXPECT_EQ(source->info().abi_version, "1.0");
    EXPECT_FALSE(source->info().gate_defaults);
    const DocTolerances tolerances = resolve_tolerances(GateSettings{}, source->info().gate_defaults);
    EXPECT_EQ(tolerances.min_docs, 1U);
    EXPECT_EQ(tolerances.max_docs_drop_pct, 20U);
    EXPECT_FALSE(tolerances.max_docs_growth_pct);
}

TEST(GateDefaults, AnAbi11PluginsDeclaredDefaultsAreRead) {
    const PluginRegistry registry = PluginRegistry::discover({test::fixture_dir("gate-defaults")});
    const DataSource* source = only_source(registry);
    ASSERT_NE(source, nullptr);
    ASSERT_TRUE(source->info().gate_defaults);
    EXPECT_EQ(source->info().gate_defaults->min_docs, 5U);
    EXPECT_EQ(source->info().gate_defaults->max_docs_drop_pct, 10U);
    EXPECT_FALSE(source->info().gate_defaults->max_docs_growth_pct);
}

TEST(GateDefaults, TheTransactionPluginHasNoGrowthLimitAndASmallerDropLimit) {
    const PluginRegistry registry = PluginRegistry::discover({test::build_plugin_dir()});
    const auto found = registry.require("transaction");
    ASSERT_TRUE(found.ok());
    const auto& defaults = (*found)->info().gate_defaults;
    ASSERT_TRUE(defaults);
    EXPECT_EQ(defaults->max_docs_drop_pct, 10U);
    EXPECT_FALSE(defaults->max_docs_growth_pct);
    const auto customer = registry.require("customer");
    ASSERT_TRUE(customer.ok());
    EXPECT_FALSE((*customer)->info().gate_defaults);
}

}  // namespace
}  // namespace aliasing
