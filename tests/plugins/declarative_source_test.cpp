// Declarative sources: a JSON file defines a data source with no compiler (SPEC §10, issue 5 item 4).
#include "aliasing/plugins/entity_checks.hpp"
#include "aliasing/plugins/registry.hpp"
#include "aliasing/plugins/sources.hpp"
#include "plugin_test_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace aliasing {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kOrigin = "/plugins/test.json";

/// The rejection reason for `json`, or a failed expectation when it loads.
std::string rejection_of(const std::string& json) {
    Result<std::unique_ptr<DataSource>> source = parse_declarative_source(json, kOrigin);
    EXPECT_FALSE(source.ok()) << json;
    return source.ok() ? std::string() : source.error().message;
}

std::unique_ptr<DataSource> load(const std::string& json) {
    Result<std::unique_ptr<DataSource>> source = parse_declarative_source(json, kOrigin);
    EXPECT_TRUE(source.ok()) << source.error().message;
    return source.ok() ? std::move(*source) : nullptr;
}

constexpr const char* kTwoLayouts = R"({
  "name": "people", "version": "2.1.0", "description": "two layouts",
  "layouts": ["{index_base}-{entity}-staff-{run_id}", "{index_base}-staff-{entity}-{run_id}"],
  "entities": ["person", "cost-centre"],
  "merge": {"policy": "never", "reason": "people indices are tiny"}
})";

TEST(DeclarativeSource, TheShippedOrdersExampleLoads) {
    Result<std::unique_ptr<DataSource>> source =
        load_declarative_source(std::filesystem::path(ALIASING_SOURCE_DIR) / "examples/sources/orders.json");
    ASSERT_TRUE(source.ok()) << source.error().message;
    const DataSourceInfo& info = (*source)->info();
    EXPECT_EQ(info.name, "orders");
    EXPECT_EQ(info.kind, SourceKind::Declarative);
    EXPECT_EQ(info.version, "1.0.0");
    EXPECT_EQ(info.abi_version, "");
    EXPECT_EQ(info.layouts, (std::vector<std::string>{"{index_base}-{entity}-{run_id}"}));
    EXPECT_EQ(info.entities, (std::vector<std::string>{"order", "order-line", "shipment"}));
    EXPECT_EQ(info.merge.kind, MergeKind::SizeBased);
    EXPECT_EQ(info.merge.default_max_segment_size_bytes, 1073741824U);
}

TEST(DeclarativeSource, TheShippedOrdersExampleParsesItsIndexNames) {
    Result<std::unique_ptr<DataSource>> source =
        load_declarative_source(std::filesystem::path(ALIASING_SOURCE_DIR) / "examples/sources/orders.json");
    ASSERT_TRUE(source.ok()) << source.error().message;
    Result<std::optional<ParsedName>> parsed =
        (*source)->parse_name("orders-1_0_0", "orders-1_0_0-order-line-20261015t103000");
    ASSERT_TRUE(parsed.ok() && parsed->has_value());
    EXPECT_EQ((*parsed)->entity, "order-line");
    EXPECT_EQ((*parsed)->run_id, "20261015t103000");
}

TEST(DeclarativeSource, EachLayoutIsRecognisedWithItsIndex) {
    auto source = load(kTwoLayouts);
    ASSERT_TRUE(source);
    auto first = source->parse_name("hr-1", "hr-1-cost-centre-staff-20261015t103000");
    auto second = source->parse_name("hr-1", "hr-1-staff-cost-centre-20261015t103000");
    ASSERT_TRUE(first.ok() && first->has_value() && second.ok() && second->has_value());
    EXPECT_EQ((*first)->entity, "cost-centre");
    EXPECT_EQ((*first)->layout, 0U);
    EXPECT_EQ((*second)->entity, "cost-centre");
    EXPECT_EQ((*second)->layout, 1U);
}

TEST(DeclarativeSource, NamesOutsideEveryLayoutAreNotClaimed) {
    auto source = load(kTwoLayouts);
    ASSERT_TRUE(source);
    auto parsed = source->parse_name("hr-1", "hr-1-person-20261015t103000");
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parsed->has_value());
}

TEST(DeclarativeSource, FormatsEachLayout) {
    auto source = load(kTwoLayouts);
    ASSERT_TRUE(source);
    EXPECT_EQ(*source->format_name("hr-1", "person", "20261015t103000", 0),
              "hr-1-person-staff-20261015t103000");
    EXPECT_EQ(*source->format_name("hr-1", "person", "20261015t103000", 1),
              "hr-1-staff-person-20261015t103000");
    EXPECT_FALSE(source->format_name("hr-1", "person", "20261015t103000", 2).ok());
}

TEST(DeclarativeSource, NeverMergePolicyKeepsItsReason) {
    auto source = load(kTwoLayouts);
    ASSERT_TRUE(source);
    EXPECT_EQ(source->info().merge.kind, MergeKind::Never);
    EXPECT_EQ(source->info().merge.reason, "people indices are tiny");
}

TEST(DeclarativeSource, SizeBasedWithoutASizeDefaultsToTwoGiB) {
    auto source = load(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                           "merge":{"policy":"size_based"}})");
    ASSERT_TRUE(source);
    EXPECT_EQ(source->info().merge.default_max_segment_size_bytes, 2ULL * 1024 * 1024 * 1024);
}

TEST(DeclarativeSource, InvalidJsonIsRejected) {
    EXPECT_THAT(rejection_of(R"({"name": "a",)"), HasSubstr("not valid JSON"));
}

TEST(DeclarativeSource, ANonObjectIsRejected) {
    EXPECT_THAT(rejection_of("[1, 2]"), HasSubstr("must be a JSON object"));
}

TEST(DeclarativeSource, AMissingNameIsRejectedNamingTheKey) {
    EXPECT_EQ(rejection_of(R"({"version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                               "merge":{"policy":"size_based"}})"),
              "key \"name\": is required");
}

TEST(DeclarativeSource, AnUppercaseNameIsRejected) {
    EXPECT_THAT(rejection_of(R"({"name":"Orders","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                                 "merge":{"policy":"size_based"}})"),
                HasSubstr("key \"name\": \"Orders\" is not a data_source name"));
}

TEST(DeclarativeSource, AnUnknownKeyIsRejectedNamingIt) {
    EXPECT_THAT(rejection_of(R"({"name":"a","version":"1","layout":"{index_base}-{entity}-{run_id}",
                                 "merge":{"policy":"size_based"}})"),
                HasSubstr("key \"layout\": is not a declarative source key"));
}

TEST(DeclarativeSource, ALayoutWithoutRunIdIsRejectedNamingTheElement) {
    EXPECT_THAT(rejection_of(R"({"name":"a","version":"1",
                                 "layouts":["{index_base}-{entity}-{run_id}","{index_base}-{entity}"],
                                 "merge":{"policy":"size_based"}})"),
                HasSubstr("key \"layouts[1]\": \"{index_base}-{entity}\" must end with -{run_id}"));
}

TEST(DeclarativeSource, AnEmptyLayoutListIsRejected) {
    EXPECT_EQ(rejection_of(R"({"name":"a","version":"1","layouts":[],"merge":{"policy":"size_based"}})"),
              "key \"layouts\": must name at least one layout");
}

TEST(DeclarativeSource, ANonStringEntityIsRejectedNamingTheElement) {
    EXPECT_EQ(rejection_of(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                               "entities":["x", 3],"merge":{"policy":"size_based"}})"),
              "key \"entities[1]\": must be a string");
}

TEST(DeclarativeSource, AMissingMergePolicyIsRejected) {
    EXPECT_THAT(rejection_of(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"]})"),
                HasSubstr("key \"merge\": is required"));
}

TEST(DeclarativeSource, AnUnknownMergePolicyIsRejected) {
    EXPECT_EQ(rejection_of(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                               "merge":{"policy":"sometimes"}})"),
              "key \"merge.policy\": must be \"size_based\" or \"never\", got \"sometimes\"");
}

TEST(DeclarativeSource, NeverWithoutAReasonIsRejected) {
    EXPECT_THAT(rejection_of(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                                 "merge":{"policy":"never"}})"),
                HasSubstr("key \"merge.reason\""));
}

TEST(DeclarativeSource, ANonPositiveSegmentSizeIsRejected) {
    EXPECT_THAT(rejection_of(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                                 "merge":{"policy":"size_based","max_segment_size_bytes":0}})"),
                HasSubstr("key \"merge.max_segment_size_bytes\": must be a positive integer"));
}

TEST(DeclarativeSource, AStringSegmentSizeIsRejected) {
    EXPECT_THAT(rejection_of(R"({"name":"a","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                                 "merge":{"policy":"size_based","max_segment_size_bytes":"2GB"}})"),
                HasSubstr("key \"merge.max_segment_size_bytes\": must be a positive integer"));
}

TEST(DeclarativeSource, AMalformedFileIsRejectedWithItsPathWhileOthersStillLoad) {
    test::TempDir dir;
    const auto broken =
        dir.write("broken.json", R"({"name":"broken","version":"1","layouts":["{entity}-{run_id}"],
                                                    "merge":{"policy":"size_based"}})");
    dir.write("orders.json", R"({"name":"orders","version":"1","layouts":["{index_base}-{entity}-{run_id}"],
                                 "merge":{"policy":"size_based"}})");
    PluginRegistry registry = PluginRegistry::discover({dir.path(), test::build_plugin_dir()});
    EXPECT_NE(registry.find("orders"), nullptr);
    EXPECT_NE(registry.find("customer"), nullptr);
    ASSERT_EQ(registry.rejections().size(), 1U);
    EXPECT_EQ(registry.rejections()[0].path, broken.string());
    EXPECT_EQ(registry.rejections()[0].reason,
              "key \"layouts[0]\": \"{entity}-{run_id}\" must start with {index_base}, e.g. "
              "\"{index_base}-{entity}-{run_id}\"");
}

}  // namespace
}  // namespace aliasing

namespace aliasing {
namespace {

std::string with_entities(const std::string& entities,
                          const std::string& layouts = R"(["{index_base}-{entity}-{run_id}"])") {
    return R"({"name": "people", "version": "1.0.0", "layouts": )" + layouts + R"(, "entities": )" + entities +
           R"(, "merge": {"policy": "never", "reason": "tiny"}})";
}

TEST(DeclaredEntities, AnUppercaseEntityIsRefused) {
    const std::string reason = rejection_of(with_entities(R"(["person", "Cost-Centre"])"));
    EXPECT_THAT(reason, HasSubstr("declares entity \"Cost-Centre\""));
    EXPECT_THAT(reason, HasSubstr("lowercase"));
}

TEST(DeclaredEntities, AnEntityWithACharacterNoIndexNameHasIsRefused) {
    EXPECT_THAT(rejection_of(with_entities(R"(["cost centre"])")), HasSubstr("declares entity \"cost centre\""));
}

TEST(DeclaredEntities, AnEntityWithAnEmptyDashPartIsRefused) {
    EXPECT_THAT(rejection_of(with_entities(R"(["cost--centre"])")), HasSubstr("empty '-'-separated part"));
    EXPECT_THAT(rejection_of(with_entities(R"(["person-"])")), HasSubstr("empty '-'-separated part"));
}

TEST(DeclaredEntities, AnEntityListedTwiceIsRefused) {
    EXPECT_THAT(rejection_of(with_entities(R"(["person", "person"])")), HasSubstr("is listed twice"));
}

TEST(DeclaredEntities, ValidEntitiesWithDashesLoad) {
    auto source = load(with_entities(R"(["person", "cost-centre"])"));
    ASSERT_TRUE(source);
    EXPECT_EQ(source->info().entities, (std::vector<std::string>{"person", "cost-centre"}));
}

}  // namespace
}  // namespace aliasing

namespace aliasing {
namespace {

// Like smr, which must not claim smr-employee's names: an entity ending in "-employee" can never be its own.
class SmrLike : public DataSource {
public:
    explicit SmrLike(std::vector<std::string> entities) {
        m_info.name = "smr-like";
        m_info.layouts = {"{index_base}-{entity}-{run_id}"};
        m_info.entities = std::move(entities);
    }
    const DataSourceInfo& info() const override { return m_info; }
    Result<std::optional<ParsedName>> parse_name(std::string_view base, std::string_view name) const override {
        const auto rest = name.substr(base.size() + 1);
        const auto dash = rest.rfind('-');
        const auto entity = rest.substr(0, dash);
        if (entity.size() >= 9 && entity.substr(entity.size() - 9) == "-employee") return std::optional<ParsedName>{};
        return std::optional<ParsedName>(ParsedName{entity, rest.substr(dash + 1), 0});
    }
    Result<std::string> format_name(std::string_view base, std::string_view entity, std::string_view run_id,
                                    std::uint32_t) const override {
        return std::string(base) + "-" + std::string(entity) + "-" + std::string(run_id);
    }

private:
    DataSourceInfo m_info;
};

TEST(DeclaredEntities, AnEntityTheSourcesOwnNamingCannotParseBackIsRefused) {
    Status status = check_declared_entities(SmrLike({"store", "store-employee"}));
    ASSERT_FALSE(status.ok());
    EXPECT_THAT(status.error().message, HasSubstr("declares entity \"store-employee\""));
    EXPECT_THAT(status.error().message, HasSubstr("can never match"));
    EXPECT_TRUE(check_declared_entities(SmrLike({"store", "region"})).ok());
}

}  // namespace
}  // namespace aliasing
