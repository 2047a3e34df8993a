// Locating JSON syntax errors so job-file messages can name a line and column.
#include "aliasing/config/job.hpp"

#include <gtest/gtest.h>

#include <string>

namespace aliasing {
namespace {

TEST(JsonSyntaxErrorOffset, ValidDocumentHasNoError) {
    EXPECT_FALSE(
        json_syntax_error_offset(R"( {"a": [1, -2.5e3, true, false, null, "x\"\u00e9"], "b": {}} )"));
}

TEST(JsonSyntaxErrorOffset, ScalarDocumentIsValid) {
    EXPECT_FALSE(json_syntax_error_offset(R"("text")"));
}

TEST(JsonSyntaxErrorOffset, MissingColonPointsAtTheValue) {
    EXPECT_EQ(json_syntax_error_offset(R"({"a" "b"})"), 5U);
}

TEST(JsonSyntaxErrorOffset, TrailingCommaPointsAtTheClosingBrace) {
    EXPECT_EQ(json_syntax_error_offset(R"({"a":1,})"), 7U);
}

TEST(JsonSyntaxErrorOffset, TrailingCommaInArrayPointsAtTheClosingBracket) {
    EXPECT_EQ(json_syntax_error_offset(R"([1,])"), 3U);
}

TEST(JsonSyntaxErrorOffset, SingleQuotesPointAtTheQuote) {
    EXPECT_EQ(json_syntax_error_offset("{'a':1}"), 1U);
}

TEST(JsonSyntaxErrorOffset, TruncatedTextPointsAtTheEnd) {
    EXPECT_EQ(json_syntax_error_offset(R"({"a":)"), 5U);
}

TEST(JsonSyntaxErrorOffset, EmptyTextPointsAtTheEnd) {
    EXPECT_EQ(json_syntax_error_offset(""), 0U);
}

TEST(JsonSyntaxErrorOffset, TextAfterTheValuePointsAtIt) {
    EXPECT_EQ(json_syntax_error_offset("{} x"), 3U);
}

TEST(JsonSyntaxErrorOffset, LeadingZeroIsAnError) {
    EXPECT_EQ(json_syntax_error_offset(R"({"a":01})"), 6U);
}

TEST(JsonSyntaxErrorOffset, MisspelledLiteralPointsAtTheWrongLetter) {
    EXPECT_EQ(json_syntax_error_offset(R"({"a":tru})"), 8U);
}

TEST(JsonSyntaxErrorOffset, RawNewlineInsideAStringIsAnError) {
    EXPECT_EQ(json_syntax_error_offset("{\"a\":\"x\ny\"}"), 7U);
}

TEST(JsonSyntaxErrorOffset, BadEscapeIsAnError) {
    EXPECT_EQ(json_syntax_error_offset(R"("\x")"), 2U);
}

TEST(JsonSyntaxErrorOffset, DeepNestingIsRefusedWithoutOverflowingTheStack) {
    EXPECT_TRUE(json_syntax_error_offset(std::string(100000, '[')).has_value());
}

}  // namespace
}  // namespace aliasing
