// What `aliasing plugins` prints (SPEC §10, issue 5 item 5).
#include "aliasing/plugins/registry.hpp"
#include "plugin_test_support.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aliasing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kOrdersJson =
    R"({"name":"orders","version":"1.2.0","layouts":["{index_base}-{entity}-{run_id}"],
  "entities":["order"],"merge":{"policy":"size_based","max_segment_size_bytes":1073741824}})";

class PluginList : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir.write("orders.json", kOrdersJson);
        m_registry = PluginRegistry::discover(
            {m_dir.path(), test::build_plugin_dir(), test::fixture_dir("abi-major-2")});
    }
    test::TempDir m_dir;
    PluginRegistry m_registry;
};

TEST_F(PluginList, TextShowsACompiledPluginWithVersionAbiPathLayoutsAndMerge) {
    const std::string text = render_plugin_list(m_registry, ListFormat::Text);
    EXPECT_THAT(text, HasSubstr("smr-employee  compiled  version 1.0.0  ABI 1.1\n"));
    EXPECT_THAT(text, HasSubstr("path:     " + test::builtin_library("smr-employee").string() + "\n"));
    EXPECT_THAT(text, HasSubstr("layouts:  {index_base}-{entity}-employee-{run_id}\n"
                                "              {index_base}-employee-{entity}-{run_id}\n"));
    EXPECT_THAT(text, HasSubstr("merge:    size-based, max segment 2 GiB\n"));
    EXPECT_THAT(text, HasSubstr("entities: (none declared: every entity seen)\n"));
}

TEST_F(PluginList, TextShowsTheNeverMergeReason) {
    EXPECT_THAT(render_plugin_list(m_registry, ListFormat::Text),
                HasSubstr("merge:    never force-merged: transaction indices keep receiving writes"));
}

TEST_F(PluginList, TextShowsADeclarativeSourceWithoutAbi) {
    const std::string text = render_plugin_list(m_registry, ListFormat::Text);
    EXPECT_THAT(text, HasSubstr("orders  declarative  version 1.2.0\n"));
    EXPECT_THAT(text, HasSubstr("entities: order\n"));
    EXPECT_THAT(text, HasSubstr("merge:    size-based, max segment 1 GiB\n"));
}

TEST_F(PluginList, TextShowsEveryRejectionWithPathAndReason) {
    EXPECT_THAT(render_plugin_list(m_registry, ListFormat::Text),
                HasSubstr("rejected:\n  " + test::fixture_library("abi-major-2").string() +
                          "\n    plugin ABI 2.0 is not compatible with host ABI 1.1"));
}

TEST_F(PluginList, TextEndsWithTheDirectoriesSearched) {
    EXPECT_THAT(
        render_plugin_list(m_registry, ListFormat::Text),
        HasSubstr("searched:\n  " + m_dir.path().string() + "\n  " + test::build_plugin_dir().string() +
                  "\n  " + test::fixture_dir("abi-major-2").string() + "\n"));
}

TEST_F(PluginList, TextMarksMissingDirectories) {
    PluginRegistry registry = PluginRegistry::discover({"/nonexistent/plugins"});
    EXPECT_THAT(render_plugin_list(registry, ListFormat::Text), HasSubstr("/nonexistent/plugins  (missing)"));
}

TEST_F(PluginList, JsonHasEverySourceWithItsFields) {
    Poco::JSON::Parser parser;
    const auto root =
        parser.parse(render_plugin_list(m_registry, ListFormat::Json)).extract<Poco::JSON::Object::Ptr>();
    const auto sources = root->getArray("sources");
    ASSERT_EQ(sources->size(), 5U);
    const auto customer = sources->getObject(0);
    EXPECT_EQ(customer->getValue<std::string>("name"), "customer");
    EXPECT_EQ(customer->getValue<std::string>("kind"), "compiled");
    EXPECT_EQ(customer->getValue<std::string>("version"), "1.0.0");
    EXPECT_EQ(customer->getValue<std::string>("abi_version"), "1.1");
    EXPECT_EQ(customer->getValue<std::string>("path"), test::builtin_library("customer").string());
    EXPECT_EQ(customer->getArray("layouts")->getElement<std::string>(0), "{index_base}-{entity}-{run_id}");
    EXPECT_EQ(customer->getObject("merge")->getValue<std::string>("policy"), "size_based");
    EXPECT_EQ(customer->getObject("merge")->getValue<Poco::UInt64>("max_segment_size_bytes"), 2ULL << 30);
}

TEST_F(PluginList, JsonGivesADeclarativeSourceANullAbiVersion) {
    Poco::JSON::Parser parser;
    const auto root =
        parser.parse(render_plugin_list(m_registry, ListFormat::Json)).extract<Poco::JSON::Object::Ptr>();
    const auto orders = root->getArray("sources")->getObject(1);
    EXPECT_EQ(orders->getValue<std::string>("name"), "orders");
    EXPECT_EQ(orders->getValue<std::string>("kind"), "declarative");
    EXPECT_TRUE(orders->isNull("abi_version"));
}

TEST_F(PluginList, JsonListsRejectionsAndSearchedDirectories) {
    Poco::JSON::Parser parser;
    const auto root =
        parser.parse(render_plugin_list(m_registry, ListFormat::Json)).extract<Poco::JSON::Object::Ptr>();
    const auto rejected = root->getArray("rejected");
    ASSERT_EQ(rejected->size(), 1U);
    EXPECT_EQ(rejected->getObject(0)->getValue<std::string>("path"),
              test::fixture_library("abi-major-2").string());
    EXPECT_THAT(rejected->getObject(0)->getValue<std::string>("reason"), HasSubstr("plugin ABI 2.0"));
    const auto searched = root->getArray("searched");
    ASSERT_EQ(searched->size(), 3U);
    EXPECT_EQ(searched->getObject(1)->getValue<std::string>("path"), test::build_plugin_dir().string());
    EXPECT_TRUE(searched->getObject(1)->getValue<bool>("exists"));
}

}  // namespace
}  // namespace aliasing
