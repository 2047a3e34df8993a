#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

TEST(JsonTest, ParsesAndDumpsNestedValuesKeepingKeyOrder)
{
    const std::string text = R"({"b":1,"a":[true,false,null,"x\"y",-2.5,{"z":{}}]})";
    EXPECT_EQ(J(text).dump(), text);
}

TEST(JsonTest, ObjectsCompareAsMapsIgnoringKeyOrder)
{
    EXPECT_EQ(J(R"({"a":1,"b":2})"), J(R"({"b":2,"a":1})"));
}

TEST(JsonTest, ObjectsWithDifferentValuesDiffer)
{
    EXPECT_FALSE(J(R"({"a":1})") == J(R"({"a":"1"})"));
}

TEST(JsonTest, IntegersAndDoublesCompareByValue)
{
    EXPECT_EQ(J("100"), J("100.0"));
}

TEST(JsonTest, DoublesAlwaysDumpWithAFraction)
{
    EXPECT_EQ(Json(100.0).dump(), "100.0");
}

TEST(JsonTest, DecodesUnicodeEscapesToUtf8)
{
    EXPECT_EQ(J(R"("\u00e9\ud83d\ude00")").as_string(), "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(JsonTest, RejectsTrailingGarbage)
{
    EXPECT_FALSE(Json::parse("{} x").has_value());
}

TEST(JsonTest, RejectsUnterminatedString)
{
    EXPECT_FALSE(Json::parse(R"({"a":"b)").has_value());
}

TEST(JsonTest, EscapesControlCharactersWhenDumping)
{
    EXPECT_EQ(Json(std::string("a\nb\x01")).dump(), R"("a\nb\u0001")");
}

}  // namespace
}  // namespace aliasing::sim::test

namespace aliasing::sim::test {
namespace {

TEST(JsonTest, PrettyDumpIndentsObjectsTwoSpaces)
{
    EXPECT_EQ(J(R"({"a":{"b":[1,2]},"c":{}})").dump_pretty(),
              "{\n  \"a\" : {\n    \"b\" : [\n      1,\n      2\n    ]\n  },\n  \"c\" : {}\n}\n");
}

TEST_F(SimTest, PrettyParameterIndentsTheBody)
{
    EXPECT_EQ(get("/_sim/connections").body.find('\n'), std::string::npos);
    EXPECT_NE(get("/?pretty").body.find("\n  \"name\" : "), std::string::npos);
}

}  // namespace
}  // namespace aliasing::sim::test
