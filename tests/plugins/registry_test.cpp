// Discovery, the ABI handshake and the host's checks of what a plugin returns (SPEC §10).
#include "aliasing/plugins/registry.hpp"
#include "aliasing/plugins/sources.hpp"
#include "plugin_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aliasing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kCustomerJson =
    R"({"name":"customer","version":"9.9.9","layouts":["{index_base}-{entity}-{run_id}"],
  "merge":{"policy":"size_based"}})";

std::vector<std::string> names_of(const PluginRegistry& registry) {
    std::vector<std::string> names;
    for (const DataSource* source : registry.sources()) names.push_back(source->info().name);
    return names;
}

/// The single rejection of discovering `dir`, or a failed expectation.
PluginRejection only_rejection(const std::filesystem::path& dir) {
    PluginRegistry registry = PluginRegistry::discover({dir});
    EXPECT_TRUE(registry.sources().empty());
    EXPECT_EQ(registry.rejections().size(), 1U);
    return registry.rejections().empty() ? PluginRejection{} : registry.rejections().front();
}

TEST(PluginRegistry, DiscoversTheFourBuiltinPluginsInTheBuildTree) {
    PluginRegistry registry = PluginRegistry::discover({test::build_plugin_dir()});
    EXPECT_EQ(names_of(registry),
              (std::vector<std::string>{"customer", "smr", "smr-employee", "transaction"}));
    EXPECT_TRUE(registry.rejections().empty());
}

TEST(PluginRegistry, RefusesAPluginWithAnotherAbiMajorNamingBothVersions) {
    const PluginRejection rejection = only_rejection(test::fixture_dir("abi-major-2"));
    EXPECT_EQ(rejection.path, test::fixture_library("abi-major-2").string());
    EXPECT_THAT(
        rejection.reason,
        HasSubstr("plugin ABI 2.0 is not compatible with host ABI 1.0: the major versions must match"));
}

TEST(PluginRegistry, RefusesAPluginBuiltForANewerMinorNamingBothVersionsAndTheRule) {
    const PluginRejection rejection = only_rejection(test::fixture_dir("abi-minor-newer"));
    EXPECT_THAT(rejection.reason, HasSubstr("plugin ABI 1.1 is not compatible with host ABI 1.0"));
    EXPECT_THAT(rejection.reason, HasSubstr("minor version must be at least the plugin's"));
}

TEST(PluginRegistry, RefusesATableSmallerThanItsAbiVersionRequires) {
    const PluginRejection rejection = only_rejection(test::fixture_dir("short-table"));
    EXPECT_THAT(rejection.reason, HasSubstr("needs at least"));
}

TEST(PluginRegistry, RefusesALibraryWithoutTheEntrySymbol) {
    const PluginRejection rejection = only_rejection(test::fixture_dir("no-entry"));
    EXPECT_EQ(rejection.reason, "no entry point aliasing_plugin_entry: not an aliasing plugin");
}

TEST(PluginRegistry, RefusesAFileThatIsNotASharedLibrary) {
    test::TempDir dir;
    dir.write("aliasing-broken.so", "not an ELF file");
    EXPECT_THAT(only_rejection(dir.path()).reason, HasSubstr("cannot load the library"));
}

TEST(PluginRegistry, PluginErrorFromParseIsReportedByPluginName) {
    Result<std::unique_ptr<DataSource>> source = load_compiled_source(test::fixture_library("failing-parse"));
    ASSERT_TRUE(source.ok()) << source.error().message;
    Result<std::optional<ParsedName>> parsed =
        (*source)->parse_name("orders-1", "orders-1-line-20261015t103000");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().kind, ErrorKind::Validation);
    EXPECT_THAT(parsed.error().message,
                HasSubstr("plugin [failing-parse] failed to parse index name "
                          "[orders-1-line-20261015t103000]: the checksum in the index "
                          "name is wrong"));
}

TEST(PluginRegistry, PluginReturningViewsOutsideTheNameIsReportedByPluginName) {
    Result<std::unique_ptr<DataSource>> source = load_compiled_source(test::fixture_library("bad-split"));
    ASSERT_TRUE(source.ok()) << source.error().message;
    Result<std::optional<ParsedName>> parsed = (*source)->parse_name("x-1", "x-1-outside-20261015t103000");
    ASSERT_FALSE(parsed.ok());
    EXPECT_THAT(parsed.error().message,
                HasSubstr("plugin [bad-split] returned an invalid split of index name "
                          "[x-1-outside-20261015t103000]: the entity does not point into "
                          "the name"));
}

TEST(PluginRegistry, PluginReturningARunIdThatIsNotTheLastPartIsReportedByPluginName) {
    Result<std::unique_ptr<DataSource>> source = load_compiled_source(test::fixture_library("bad-split"));
    ASSERT_TRUE(source.ok()) << source.error().message;
    Result<std::optional<ParsedName>> parsed = (*source)->parse_name("x-1", "x-1-line-20261015t103000");
    ASSERT_FALSE(parsed.ok());
    EXPECT_THAT(parsed.error().message, HasSubstr("plugin [bad-split] returned an invalid split"));
    EXPECT_THAT(parsed.error().message, HasSubstr("the run id is not the last '-'-separated part"));
}

TEST(PluginRegistry, ALaterSourceWithTheSameNameIsRejectedNamingTheFirst) {
    test::TempDir later;
    const auto duplicate = later.write("customer.json", kCustomerJson);
    PluginRegistry registry = PluginRegistry::discover({test::build_plugin_dir(), later.path()});
    ASSERT_EQ(registry.rejections().size(), 1U);
    EXPECT_EQ(registry.rejections()[0].path, duplicate.string());
    EXPECT_THAT(registry.rejections()[0].reason, HasSubstr("data source [customer] is already provided by " +
                                                           test::builtin_library("customer").string()));
    EXPECT_EQ(registry.find("customer")->info().kind, SourceKind::Compiled);
}

TEST(PluginRegistry, TheFirstDirectoryInTheSearchPathWins) {
    test::TempDir earlier;
    earlier.write("customer.json", kCustomerJson);
    PluginRegistry registry = PluginRegistry::discover({earlier.path(), test::build_plugin_dir()});
    EXPECT_EQ(registry.find("customer")->info().kind, SourceKind::Declarative);
    ASSERT_EQ(registry.rejections().size(), 1U);
    EXPECT_EQ(registry.rejections()[0].path, test::builtin_library("customer").string());
}

TEST(PluginRegistry, MissingDirectoriesAreSkippedButListedAsSearched) {
    const std::filesystem::path missing = "/nonexistent/aliasing/plugins";
    PluginRegistry registry = PluginRegistry::discover({missing, test::build_plugin_dir()});
    EXPECT_EQ(registry.sources().size(), 4U);
    EXPECT_TRUE(registry.rejections().empty());
    EXPECT_EQ(registry.searched(), (std::vector<std::filesystem::path>{missing, test::build_plugin_dir()}));
}

TEST(PluginRegistry, ADirectoryListedTwiceIsSearchedOnce) {
    PluginRegistry registry =
        PluginRegistry::discover({test::build_plugin_dir(), test::build_plugin_dir() / "."});
    EXPECT_TRUE(registry.rejections().empty());
    EXPECT_EQ(registry.searched().size(), 1U);
}

TEST(PluginRegistry, FilesThatAreNeitherLibrariesNorJsonAreIgnored) {
    test::TempDir dir;
    dir.write("README.md", "plugins live here");
    PluginRegistry registry = PluginRegistry::discover({dir.path()});
    EXPECT_TRUE(registry.sources().empty());
    EXPECT_TRUE(registry.rejections().empty());
}

TEST(PluginRegistry, RequireReturnsAKnownSource) {
    PluginRegistry registry = PluginRegistry::discover({test::build_plugin_dir()});
    Result<const DataSource*> source = registry.require("smr-employee");
    ASSERT_TRUE(source.ok());
    EXPECT_EQ((*source)->info().name, "smr-employee");
}

TEST(PluginRegistry, RequireOfAnUnknownNameListsTheAvailableOnesAndTheDirsSearched) {
    PluginRegistry registry = PluginRegistry::discover({test::build_plugin_dir()});
    Result<const DataSource*> source = registry.require("custmer");
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.error().kind, ErrorKind::Usage);
    EXPECT_EQ(source.error().message,
              "unknown data_source [custmer]; did you mean [customer]?; available: customer, smr, smr-employee, "
              "transaction (searched: " +
                  test::build_plugin_dir().string() + ")");
}

TEST(PluginRegistry, RequireMentionsRejectedFiles) {
    PluginRegistry registry = PluginRegistry::discover({test::fixture_dir("no-entry")});
    Result<const DataSource*> source = registry.require("customer");
    ASSERT_FALSE(source.ok());
    EXPECT_THAT(source.error().message, HasSubstr("available: none"));
    EXPECT_THAT(source.error().message,
                HasSubstr("1 plugin file(s) were rejected: `aliasing plugins` says why"));
}

TEST(PluginRegistry, SourcesAreSortedByName) {
    test::TempDir dir;
    dir.write("aardvark.json",
              R"({"name":"aardvark","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
        "merge":{"policy":"never","reason":"append-only"}})");
    PluginRegistry registry = PluginRegistry::discover({test::build_plugin_dir(), dir.path()});
    EXPECT_EQ(names_of(registry),
              (std::vector<std::string>{"aardvark", "customer", "smr", "smr-employee", "transaction"}));
}

}  // namespace
}  // namespace aliasing
