// Index and alias name rules (reference §12): the reasons and their order match Elasticsearch.
#include "aliasing/config/job.hpp"

#include <gtest/gtest.h>

#include <string>

namespace aliasing {
namespace {

constexpr const char* kForbiddenCharsReason =
    R"(must not contain the following characters [ , ", *, \, <, |, ,, >, /, ?])";

TEST(IndexNameProblem, ValidIndexNameHasNoProblem) {
    EXPECT_EQ(index_name_problem("customer-2_0_0-individual-20261015t103000"), "");
}

TEST(IndexNameProblem, NameStartingWithDotIsAllowed) {
    EXPECT_EQ(index_name_problem(".hidden-index"), "");
}

TEST(IndexNameProblem, EachForbiddenCharacterIsRejectedWithTheElasticsearchReason) {
    for (const char c : std::string(R"( "*\<|,>/?)")) {
        const std::string name = std::string("bad") + c + "name";
        EXPECT_EQ(index_name_problem(name), "Invalid index name [" + name + "], " + kForbiddenCharsReason)
            << "character '" << c << "'";
    }
}

TEST(IndexNameProblem, HashIsRejected) {
    EXPECT_EQ(index_name_problem("a#b"), "Invalid index name [a#b], must not contain '#'");
}

TEST(IndexNameProblem, ColonIsRejected) {
    EXPECT_EQ(index_name_problem("a:b"), "Invalid index name [a:b], must not contain ':'");
}

TEST(IndexNameProblem, LeadingUnderscoreDashOrPlusIsRejected) {
    for (const std::string name : {"_a", "-a", "+a"}) {
        EXPECT_EQ(index_name_problem(name),
                  "Invalid index name [" + name + "], must not start with '_', '-', or '+'");
    }
}

TEST(IndexNameProblem, NameLongerThan255BytesIsRejectedWithItsLength) {
    const std::string name(300, 'a');
    EXPECT_EQ(index_name_problem(name),
              "Invalid index name [" + name + "], index name is too long, (300 > 255)");
}

TEST(IndexNameProblem, NameOfExactly255BytesIsAccepted) {
    EXPECT_EQ(index_name_problem(std::string(255, 'a')), "");
}

TEST(IndexNameProblem, LengthCountsUtf8BytesNotCharacters) {
    std::string name;
    for (int i = 0; i < 128; ++i) name += "\xC3\xA9";  // 128 × 'é' = 256 bytes
    EXPECT_EQ(index_name_problem(name),
              "Invalid index name [" + name + "], index name is too long, (256 > 255)");
}

TEST(IndexNameProblem, DotAndDotDotAreRejected) {
    EXPECT_EQ(index_name_problem("."), "Invalid index name [.], must not be '.' or '..'");
    EXPECT_EQ(index_name_problem(".."), "Invalid index name [..], must not be '.' or '..'");
}

TEST(IndexNameProblem, UppercaseIsRejected) {
    EXPECT_EQ(index_name_problem("Customer"), "Invalid index name [Customer], must be lowercase");
}

TEST(IndexNameProblem, EmptyNameIsRejected) {
    EXPECT_EQ(index_name_problem(""), "Invalid index name [], must not be empty");
}

TEST(IndexNameProblem, ForbiddenCharacterIsReportedBeforeHash) {
    EXPECT_EQ(index_name_problem("a#b*c"),
              std::string("Invalid index name [a#b*c], ") + kForbiddenCharsReason);
}

TEST(IndexNameProblem, HashIsReportedBeforeColon) {
    EXPECT_EQ(index_name_problem("a:b#c"), "Invalid index name [a:b#c], must not contain '#'");
}

TEST(IndexNameProblem, ColonIsReportedBeforeLeadingUnderscore) {
    EXPECT_EQ(index_name_problem("_a:b"), "Invalid index name [_a:b], must not contain ':'");
}

TEST(IndexNameProblem, LeadingUnderscoreIsReportedBeforeLength) {
    const std::string name = "_" + std::string(300, 'a');
    EXPECT_EQ(index_name_problem(name),
              "Invalid index name [" + name + "], must not start with '_', '-', or '+'");
}

TEST(IndexNameProblem, LengthIsReportedBeforeUppercase) {
    const std::string name(300, 'A');
    EXPECT_EQ(index_name_problem(name),
              "Invalid index name [" + name + "], index name is too long, (300 > 255)");
}

TEST(AliasNameProblem, UppercaseIsAllowedInAliases) {
    EXPECT_EQ(alias_name_problem("Customer-Prod"), "");
}

TEST(AliasNameProblem, ReasonSaysAliasNotIndex) {
    EXPECT_EQ(alias_name_problem("a:b"), "Invalid alias name [a:b], must not contain ':'");
}

TEST(AliasNameProblem, ForbiddenCharacterIsRejected) {
    EXPECT_EQ(alias_name_problem("customer prod"),
              std::string("Invalid alias name [customer prod], ") + kForbiddenCharsReason);
}

TEST(AliasNameProblem, LeadingDashIsRejected) {
    EXPECT_EQ(alias_name_problem("-prod"),
              "Invalid alias name [-prod], must not start with '_', '-', or '+'");
}

TEST(AliasNameProblem, DotDotIsRejected) {
    EXPECT_EQ(alias_name_problem(".."), "Invalid alias name [..], must not be '.' or '..'");
}

TEST(AliasNameProblem, TooLongIsRejected) {
    const std::string name(256, 'a');
    EXPECT_EQ(alias_name_problem(name),
              "Invalid alias name [" + name + "], index name is too long, (256 > 255)");
}

TEST(IndexNamePartProblem, EntityWithDashIsValid) {
    EXPECT_EQ(index_name_part_problem("employee-address"), "");
}

TEST(IndexNamePartProblem, LeadingUnderscoreIsValidInsideAName) {
    EXPECT_EQ(index_name_part_problem("_x"), "");
}

TEST(IndexNamePartProblem, UppercaseIsRejected) {
    EXPECT_EQ(index_name_part_problem("Address"), "must be lowercase");
}

TEST(IndexNamePartProblem, EmptyIsRejected) {
    EXPECT_EQ(index_name_part_problem(""), "must not be empty");
}

TEST(IndexNamePartProblem, ForbiddenCharactersAreRejected) {
    EXPECT_EQ(index_name_part_problem("a/b"), kForbiddenCharsReason);
    EXPECT_EQ(index_name_part_problem("a#b"), "must not contain '#'");
    EXPECT_EQ(index_name_part_problem("a:b"), "must not contain ':'");
}

}  // namespace
}  // namespace aliasing
