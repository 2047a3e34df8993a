// Where plugins are looked for, and that an installed tree is relocatable (SPEC §10).
#include "aliasing/plugins/registry.hpp"
#include "plugin_test_support.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace aliasing {
namespace {

using Paths = std::vector<std::filesystem::path>;

TEST(PluginSearchPath, CliDirsComeFirstThenEnvironmentThenTheInstallDir) {
    EXPECT_EQ(plugin_search_path("/opt/aliasing/bin/aliasing", {"/cli/one", "/cli/two"}, "/env/one:/env/two"),
              (Paths{"/cli/one", "/cli/two", "/env/one", "/env/two", "/opt/aliasing/lib/aliasing/plugins"}));
}

TEST(PluginSearchPath, EmptyEnvironmentEntriesAreIgnored) {
    EXPECT_EQ(plugin_search_path("/opt/aliasing/bin/aliasing", {}, ":/env/one::/env/two:"),
              (Paths{"/env/one", "/env/two", "/opt/aliasing/lib/aliasing/plugins"}));
}

TEST(PluginSearchPath, AnUnsetEnvironmentVariableAddsNothing) {
    EXPECT_EQ(plugin_search_path("/opt/aliasing/bin/aliasing", {}, nullptr),
              (Paths{"/opt/aliasing/lib/aliasing/plugins"}));
}

TEST(PluginSearchPath, TheInstallDirFollowsTheExecutableWhenTheTreeMoves) {
    EXPECT_EQ(plugin_search_path("/home/ops/tools/aliasing-0.1/bin/aliasing", {}, nullptr),
              (Paths{"/home/ops/tools/aliasing-0.1/lib/aliasing/plugins"}));
}

TEST(PluginSearchPath, TheBuildTreeExecutableFindsTheBuildTreePlugins) {
    const std::filesystem::path build_dir =
        test::build_plugin_dir().parent_path().parent_path().parent_path();
    EXPECT_EQ(plugin_search_path(build_dir / "bin" / "aliasing", {}, nullptr),
              (Paths{test::build_plugin_dir().lexically_normal()}));
}

TEST(PluginSearchPath, ARelativeExecutableIsResolvedAgainstTheWorkingDirectory) {
    const Paths dirs = plugin_search_path("bin/aliasing", {}, nullptr);
    ASSERT_EQ(dirs.size(), 1U);
    EXPECT_EQ(dirs[0], (std::filesystem::current_path() / "lib/aliasing/plugins").lexically_normal());
}

TEST(PluginSearchPath, ADirectoryNamedTwiceAppearsOnceInItsFirstPlace) {
    EXPECT_EQ(plugin_search_path("/opt/aliasing/bin/aliasing",
                                 {"/plugins/", "/opt/aliasing/lib/aliasing/plugins"}, "/plugins:/other"),
              (Paths{"/plugins", "/opt/aliasing/lib/aliasing/plugins", "/other"}));
}

TEST(PluginSearchPath, ACopiedInstallTreeLoadsItsPluginsFromItsNewPlace) {
    test::TempDir prefix;
    const std::filesystem::path plugin_dir = prefix.path() / "lib/aliasing/plugins";
    std::filesystem::create_directories(plugin_dir);
    for (const char* name : {"customer", "transaction"}) {
        std::filesystem::copy_file(test::builtin_library(name),
                                   plugin_dir / ("aliasing-" + std::string(name) + ".so"));
    }
    PluginRegistry registry =
        PluginRegistry::discover(plugin_search_path(prefix.path() / "bin" / "aliasing", {}, nullptr));
    ASSERT_NE(registry.find("customer"), nullptr);
    EXPECT_EQ(registry.find("customer")->info().path, (plugin_dir / "aliasing-customer.so").string());
    EXPECT_NE(registry.find("transaction"), nullptr);
}

}  // namespace
}  // namespace aliasing
