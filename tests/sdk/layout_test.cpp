// Layout templates: parsing, matching and formatting index names (sdk/include/aliasing/layout.hpp).
#include "aliasing/layout.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace aliasing::sdk {
namespace {

constexpr LayoutTemplate kSimple = LayoutTemplate::parse("{index_base}-{entity}-{run_id}");
constexpr LayoutTemplate kSuffix = LayoutTemplate::parse("{index_base}-{entity}-employee-{run_id}");
constexpr LayoutTemplate kInfix = LayoutTemplate::parse("{index_base}-employee-{entity}-{run_id}");

static_assert(kSimple.valid() && kSuffix.valid() && kInfix.valid());
static_assert(kSimple.match("c-1", "c-1-x-20261015t103000")->entity == "x", "matching works at compile time");

std::string error_of(std::string_view text) {
    const LayoutTemplate layout = LayoutTemplate::parse(text);
    return layout.valid() ? std::string("valid") : std::string(layout.error());
}

TEST(IsLowercase, FindsAnUppercaseLetterAtAnyPositionAndNoOtherByte) {
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t position = 0; position < 19; ++position) {
            std::string text(19, 'a');
            text[position] = static_cast<char>(byte);
            EXPECT_EQ(is_lowercase(text), !(byte >= 'A' && byte <= 'Z'))
                << "byte " << byte << " at " << position;
        }
    }
}

TEST(IsLowercase, GivesTheSameAnswerAtCompileTime) {
    constexpr bool kLower = is_lowercase("customer-2_0_0-postal-address");
    constexpr bool kUpper = is_lowercase("customer-2_0_0-Postal-address");
    EXPECT_EQ(kLower, is_lowercase(std::string("customer-2_0_0-postal-address")));
    EXPECT_EQ(kUpper, is_lowercase(std::string("customer-2_0_0-Postal-address")));
}

TEST(LayoutTemplate, MustStartWithIndexBase) {
    EXPECT_EQ(error_of("{entity}-{index_base}-{run_id}"), "must start with {index_base}");
}

TEST(LayoutTemplate, MustEndWithDashRunId) {
    EXPECT_EQ(error_of("{index_base}-{entity}"),
              "must end with -{run_id} (the run id is always the last '-'-separated part)");
    EXPECT_EQ(error_of("{index_base}-{entity}{run_id}"),
              "must end with -{run_id} (the run id is always the last '-'-separated part)");
}

TEST(LayoutTemplate, MustContainEntityOnce) {
    EXPECT_EQ(error_of("{index_base}-x-{run_id}"), "must contain {entity}");
    EXPECT_EQ(error_of("{index_base}-{entity}-{entity}-{run_id}"), "must contain {entity} only once");
}

TEST(LayoutTemplate, PlaceholdersMustBeSeparatedByDashes) {
    EXPECT_EQ(error_of("{index_base}{entity}-{run_id}"), "{index_base} must be followed by '-'");
}

TEST(LayoutTemplate, RejectsUnknownPlaceholders) {
    EXPECT_EQ(error_of("{index_base}-{region}-{entity}-{run_id}"),
              "unknown placeholder: only {index_base}, {entity} and {run_id} are allowed");
}

TEST(LayoutTemplate, RejectsUppercaseLiterals) {
    EXPECT_EQ(error_of("{index_base}-{entity}-Employee-{run_id}"),
              "literal text must be lowercase (index names are lowercase)");
}

TEST(LayoutTemplate, MatchSplitsEntityAndRunId) {
    const auto parsed = kSimple.match("customer-2_0_0", "customer-2_0_0-individual-20261015t103000");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->entity, "individual");
    EXPECT_EQ(parsed->run_id, "20261015t103000");
}

TEST(LayoutTemplate, EntityMayContainDashes) {
    EXPECT_EQ(kSimple.match("c-1", "c-1-a-b-c-20261015t103000")->entity, "a-b-c");
    EXPECT_EQ(kSuffix.match("s-1", "s-1-a-b-employee-20261015t103000")->entity, "a-b");
    EXPECT_EQ(kInfix.match("s-1", "s-1-employee-a-b-20261015t103000")->entity, "a-b");
}

TEST(LayoutTemplate, RunIdIsTheLastDashSeparatedPart) {
    EXPECT_EQ(kSimple.match("c-1", "c-1-x-2026-10-15")->run_id, "15");
}

TEST(LayoutTemplate, EmptyRunIdDoesNotMatch) {
    EXPECT_FALSE(kSimple.match("c-1", "c-1-individual-"));
}

TEST(LayoutTemplate, EmptyEntityDoesNotMatch) {
    EXPECT_FALSE(kSimple.match("c-1", "c-1--20261015t103000"));
    EXPECT_FALSE(kSimple.match("c-1", "c-1-20261015t103000"));
    EXPECT_FALSE(kSuffix.match("s-1", "s-1-employee-20261015t103000"));
}

TEST(LayoutTemplate, AnotherIndexBaseDoesNotMatch) {
    EXPECT_FALSE(kSimple.match("c-1", "c-2-x-20261015t103000"));
    EXPECT_FALSE(kSimple.match("c-1", "c-1x-y-20261015t103000"));
}

TEST(LayoutTemplate, TheLiteralAroundTheEntityMustBeThere) {
    EXPECT_FALSE(kSuffix.match("s-1", "s-1-person-20261015t103000"));
    EXPECT_FALSE(kInfix.match("s-1", "s-1-person-20261015t103000"));
}

TEST(LayoutTemplate, UppercaseNamesDoNotMatch) {
    EXPECT_FALSE(kSimple.match("c-1", "c-1-Person-20261015t103000"));
    EXPECT_FALSE(kSimple.match("c-1", "c-1-person-20261015T103000"));
}

// The whole name is checked, not only its variable parts: an uppercase index base (never valid in a job, but
// match() is public SDK) still finds no index, because Elasticsearch has none with an uppercase name.
// Found by fuzz_layout (fuzz/corpus/fuzz_layout/regress-uppercase-base).
TEST(LayoutTemplate, AnUppercaseIndexBaseMatchesNoName) {
    EXPECT_FALSE(kSimple.match("cusTomer-2_0_0", "cusTomer-2_0_0-e-0"));
    EXPECT_TRUE(kSimple.match("customer-2_0_0", "customer-2_0_0-e-0"));
}

TEST(LayoutTemplate, FormatBuildsTheName) {
    EXPECT_EQ(kSuffix.format("s-1", "person", "20261015t103000"), "s-1-person-employee-20261015t103000");
    EXPECT_EQ(kInfix.format("s-1", "person", "20261015t103000"), "s-1-employee-person-20261015t103000");
}

TEST(LayoutTemplate, FormatToWritesTheNameAndItsNul) {
    std::array<char, 64> buffer{};
    buffer.fill('#');
    EXPECT_EQ(kSimple.format_to("c-1", "x", "20261015t103000", buffer.data(), buffer.size()), 21U);
    EXPECT_EQ(std::string(buffer.data()), "c-1-x-20261015t103000");
}

TEST(LayoutTemplate, FormatToReportsTheNeededSizeWithoutWritingWhenTooSmall) {
    std::array<char, 21> buffer{};
    buffer.fill('#');
    EXPECT_EQ(kSimple.format_to("c-1", "x", "20261015t103000", buffer.data(), buffer.size()), 21U);
    EXPECT_EQ(buffer[0], '#');
}

TEST(LayoutSet, ReturnsTheFirstMatchingLayoutWithItsIndex) {
    constexpr std::array<const char*, 2> kTexts{"{index_base}-{entity}-employee-{run_id}",
                                                "{index_base}-employee-{entity}-{run_id}"};
    constexpr LayoutSet<2> kLayouts{kTexts};
    EXPECT_EQ(kLayouts.match("s-1", "s-1-employee-x-20261015t103000")->layout, 1U);
    EXPECT_EQ(kLayouts.match("s-1", "s-1-x-employee-20261015t103000")->layout, 0U);
    EXPECT_EQ(kLayouts.match("s-1", "s-1-employee-x-employee-20261015t103000")->layout, 0U);
    EXPECT_FALSE(kLayouts.match("s-1", "s-1-x-20261015t103000"));
}

}  // namespace
}  // namespace aliasing::sdk
