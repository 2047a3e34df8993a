// The mapping and disk gates' pure rules (SPEC §13): field paths and types; headroom against the high watermark.
#include "aliasing/gates/disk_headroom.hpp"
#include "aliasing/gates/mapping_fields.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

MappingFields fields_of(const std::string& properties) {
    auto parsed = mapping_fields(R"({"idx":{"mappings":{"properties":)" + properties + "}}}", "GET /idx/_mapping");
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    return parsed.ok() ? *parsed : MappingFields{};
}

TEST(MappingGate, FieldPathsIncludeObjectsAndMultiFields) {
    const auto fields = fields_of(
        R"({"customer":{"properties":{"name":{"type":"text","fields":{"raw":{"type":"keyword"}}}}}})");
    EXPECT_EQ(fields.at("customer"), "object");
    EXPECT_EQ(fields.at("customer.name"), "text");
    EXPECT_EQ(fields.at("customer.name.raw"), "keyword");
}

TEST(MappingGate, SupersetPassesWithAnExtraFieldAndRefusesAChangedType) {
    const auto live = fields_of(R"({"zip":{"type":"keyword"}})");
    EXPECT_TRUE(mapping_differences(live, fields_of(R"({"zip":{"type":"keyword"},"x":{"type":"long"}})"),
                                    MappingCheck::Superset).empty());
    EXPECT_EQ(mapping_differences(live, fields_of(R"({"zip":{"type":"text"}})"), MappingCheck::Superset),
              (std::vector<std::string>{"zip: keyword → text"}));
    EXPECT_EQ(mapping_differences(live, fields_of(R"({})"), MappingCheck::Superset),
              (std::vector<std::string>{"zip: missing"}));
}

TEST(MappingGate, ExactRefusesAnExtraFieldAndOffChecksNothing) {
    const auto live = fields_of(R"({"zip":{"type":"keyword"}})");
    const auto next = fields_of(R"({"zip":{"type":"keyword"},"x":{"type":"long"}})");
    EXPECT_EQ(mapping_differences(live, next, MappingCheck::Exact),
              (std::vector<std::string>{"x: not in the live mapping (long)"}));
    EXPECT_TRUE(mapping_differences(live, fields_of("{}"), MappingCheck::Off).empty());
}

Watermark mark(const std::string& text) {
    std::string why;
    auto parsed = parse_watermark(text, why);
    EXPECT_TRUE(parsed) << why;
    return parsed.value_or(Watermark{});
}

TEST(DiskGate, WatermarksParseAsPercentRatioOrFreeBytes) {
    EXPECT_DOUBLE_EQ(*mark("90%").used_percent, 90.0);
    EXPECT_DOUBLE_EQ(*mark("0.85").used_percent, 85.0);
    EXPECT_EQ(*mark("50gb").free_bytes, 50ULL << 30);
    std::string why;
    EXPECT_FALSE(parse_watermark("lots", why));
}

TEST(DiskGate, ExactlyAtTheWatermarkPassesAndOneByteMoreIsRefused) {
    const std::vector<NodeDisk> nodes = {{"n1", 1000, 800}};
    EXPECT_TRUE(disk_refusals(nodes, {{"a", "n1", 100}}, mark("90%")).empty());
    const auto refused = disk_refusals(nodes, {{"a", "n1", 101}}, mark("90%"));
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_NE(refused[0].find("n1: "), std::string::npos);
    EXPECT_NE(refused[0].find("the high watermark is 90%"), std::string::npos) << refused[0];
}

TEST(DiskGate, IndicesMergeOneAfterAnotherSoANodeNeedsItsLargestIndex) {
    const std::vector<NodeDisk> nodes = {{"n1", 1000, 800}};
    // two indices of 60 and 70 bytes on n1: 800 + 70 ≤ 900 passes; two copies of one index add up.
    EXPECT_TRUE(disk_refusals(nodes, {{"a", "n1", 60}, {"b", "n1", 70}}, mark("90%")).empty());
    EXPECT_EQ(disk_refusals(nodes, {{"a", "n1", 60}, {"a", "n1", 60}}, mark("90%")).size(), 1u);
}

TEST(DiskGate, FreeSpaceWatermarkRefusesWhenLessWouldRemain) {
    const std::vector<NodeDisk> nodes = {{"n1", 1000, 800}};
    EXPECT_TRUE(disk_refusals(nodes, {{"a", "n1", 100}}, Watermark{std::nullopt, 100, "100b"}).empty());
    EXPECT_EQ(disk_refusals(nodes, {{"a", "n1", 101}}, Watermark{std::nullopt, 100, "100b"}).size(), 1u);
}

TEST(DiskGate, ANodeWithoutDiskNumbersIsRefusedRatherThanGuessed) {
    EXPECT_EQ(disk_refusals({}, {{"a", "n9", 1}}, mark("90%")).size(), 1u);
}

}  // namespace
}  // namespace aliasing
