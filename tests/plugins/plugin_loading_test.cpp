// Plugin libraries are never unloaded (sdk/include/aliasing/abi.h), jobs load only the plugin they name, and a
// plugin that crashes in its entry point stops neither other jobs nor the listing.
#include "aliasing/plugins/registry.hpp"
#include "plugin_test_support.hpp"

#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace aliasing {
namespace {

using ::testing::HasSubstr;

/// Whether `library` is mapped in this process now (RTLD_NOLOAD never loads it).
bool resident(const std::filesystem::path& library) {
    void* handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle == nullptr) return false;
    ::dlclose(handle);
    return true;
}

std::filesystem::path copy_as(const test::TempDir& dir, const std::filesystem::path& library, const std::string& name) {
    const auto target = dir.path() / name;
    std::filesystem::copy_file(library, target);
    return target;
}

TEST(PluginLoading, ALoadedPluginStaysMappedAfterItsRegistryIsDestroyed) {
    test::TempDir dir;
    const auto library = copy_as(dir, test::fixture_library("handmade"), "aliasing-handmade.so");
    {
        PluginRegistry registry = PluginRegistry::discover({dir.path()});
        ASSERT_NE(registry.find("handmade"), nullptr);
    }
    EXPECT_TRUE(resident(library)) << "the registry's end unloaded the plugin (dlclose)";
}

TEST(PluginLoading, ARejectedPluginWhoseEntryPointRanIsNotUnloadedEither) {
    test::TempDir dir;
    const auto library = copy_as(dir, test::fixture_library("abi-major-2"), "aliasing-abi-major-2.so");
    {
        PluginRegistry registry = PluginRegistry::discover({dir.path()});
        ASSERT_EQ(registry.rejections().size(), 1U);
    }
    EXPECT_TRUE(resident(library)) << "code that ran in the process was unmapped";
}

TEST(PluginLoading, AJobLoadsOnlyThePluginItNames) {
    const auto registry = PluginRegistry::discover_source({test::build_plugin_dir()}, "customer");
    ASSERT_NE(registry.find("customer"), nullptr);
    EXPECT_EQ(registry.sources().size(), 1U);
    EXPECT_EQ(registry.find("transaction"), nullptr);
}

TEST(PluginLoading, ACrashingPluginBesideTheNamedOneIsNeverLoaded) {
    const auto registry =
        PluginRegistry::discover_source({test::fixture_dir("crashing"), test::build_plugin_dir()}, "customer");
    ASSERT_NE(registry.find("customer"), nullptr);
    EXPECT_FALSE(resident(test::fixture_library("crashing")));
}

TEST(PluginLoading, ALibraryWhoseFileNameDoesNotTellIsFoundByProbingItInAChildProcess) {
    test::TempDir dir;
    copy_as(dir, test::fixture_library("crashing"), "vendor-thing.so");
    const auto library = copy_as(dir, test::builtin_library("customer"), "customer_v1.so");
    const auto registry = PluginRegistry::discover_source({dir.path()}, "customer");
    ASSERT_NE(registry.find("customer"), nullptr) << "a library named without the convention is still found";
    EXPECT_EQ(registry.find("customer")->info().path, library.string());
}

TEST(PluginLoading, AnUnknownNameStillListsEverySourceAndSurvivesACrashingPlugin) {
    const auto registry =
        PluginRegistry::discover_source({test::fixture_dir("crashing"), test::build_plugin_dir()}, "nope");
    auto required = registry.require("nope");
    ASSERT_FALSE(required.ok());
    EXPECT_THAT(required.error().message, HasSubstr("available: customer, smr, smr-employee, transaction"));
}

TEST(PluginLoading, ProbedDiscoveryListsACrashingPluginAsRejectedWithTheSignal) {
    const auto registry = PluginRegistry::discover({test::fixture_dir("crashing"), test::build_plugin_dir()},
                                                   PluginRegistry::Isolation::ProbeFirst);
    EXPECT_EQ(registry.sources().size(), 4U);
    ASSERT_EQ(registry.rejections().size(), 1U);
    EXPECT_EQ(registry.rejections()[0].path, test::fixture_library("crashing").string());
    EXPECT_THAT(registry.rejections()[0].reason, HasSubstr("crashed while loading"));
    EXPECT_THAT(registry.rejections()[0].reason, HasSubstr("SIGABRT"));
}

}  // namespace
}  // namespace aliasing
