#include "aliasing/catalog/catalog.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

Catalog parse_ok(std::string body) {
    auto catalog = Catalog::parse(std::move(body), "test");
    EXPECT_TRUE(catalog.ok()) << (catalog.ok() ? "" : catalog.error().message);
    return std::move(catalog).value();
}

TEST(CatalogTest, ParsesEveryColumnPlanningReads) {
    auto catalog = parse_ok(R"([{"health":"green","status":"open","index":"customer-2_0_0-address-20261015t103000",
        "uuid":"u1","pri":"3","rep":"1","docs.count":"1200","docs.deleted":"0","store.size":"9000",
        "pri.store.size":"4500","segments.count":"60","pri.segments.count":"30","creation.date":"1700000000000"}])");
    ASSERT_EQ(catalog.size(), 1u);
    const IndexRecord& r = catalog.indices()[0];
    EXPECT_EQ(r.name, "customer-2_0_0-address-20261015t103000");
    EXPECT_EQ(r.health, IndexHealth::Green);
    EXPECT_EQ(r.state, IndexState::Open);
    EXPECT_EQ(r.primaries, 3u);
    EXPECT_EQ(r.replicas, 1u);
    EXPECT_EQ(r.docs_count, 1200u);
    EXPECT_EQ(r.primary_store_bytes, 4500u);
    EXPECT_EQ(r.primary_segments, 30u);
    EXPECT_TRUE(r.segments_known);
}

TEST(CatalogTest, AcceptsColumnAliasesAsWrittenInH) {
    auto catalog = parse_ok(R"([{"h":"yellow","s":"open","i":"a-b-20261015t103000","p":"2","r":"0","dc":"5",
        "pri.store.size":"10","sc":"8"}])");
    const IndexRecord& r = catalog.indices()[0];
    EXPECT_EQ(r.name, "a-b-20261015t103000");
    EXPECT_EQ(r.health, IndexHealth::Yellow);
    EXPECT_EQ(r.primaries, 2u);
    EXPECT_EQ(r.docs_count, 5u);
    EXPECT_EQ(r.primary_segments, 8u);
}

TEST(CatalogTest, DerivesPrimarySegmentsFromTotalWhenOnlyTotalIsGiven) {
    auto catalog = parse_ok(R"([{"index":"a","pri":"1","rep":"2","segments.count":"30"}])");
    EXPECT_EQ(catalog.indices()[0].primary_segments, 10u);
    EXPECT_TRUE(catalog.indices()[0].segments_known);
}

TEST(CatalogTest, ClosedIndexHasNullStatsAndIsMarkedClosed) {
    auto catalog = parse_ok(R"([{"health":"green","status":"close","index":"a","pri":"1","rep":"0",
        "docs.count":null,"pri.store.size":null,"pri.segments.count":null}])");
    const IndexRecord& r = catalog.indices()[0];
    EXPECT_EQ(r.state, IndexState::Closed);
    EXPECT_EQ(r.docs_count, 0u);
    EXPECT_FALSE(r.segments_known);
}

TEST(CatalogTest, HumanReadableSizesAreRefusedWithAdviceToUseBytesB) {
    auto catalog = Catalog::parse(R"([{"index":"a","pri.store.size":"1.2kb"}])", "cat.json");
    ASSERT_FALSE(catalog.ok());
    EXPECT_EQ(catalog.error().kind, ErrorKind::Usage);
    EXPECT_NE(catalog.error().message.find("cat.json"), std::string::npos);
    EXPECT_NE(catalog.error().message.find("1.2kb"), std::string::npos);
    EXPECT_NE(catalog.error().message.find("bytes=b"), std::string::npos);
}

TEST(CatalogTest, RowWithoutIndexColumnIsAnErrorNamingTheRow) {
    auto catalog = Catalog::parse(R"([{"index":"a"},{"health":"green"}])", "cat.json");
    ASSERT_FALSE(catalog.ok());
    EXPECT_NE(catalog.error().message.find("row 2"), std::string::npos);
}

TEST(CatalogTest, NotAnArrayIsAnError) {
    auto catalog = Catalog::parse(R"({"error":"x"})", "cat.json");
    ASSERT_FALSE(catalog.ok());
    EXPECT_NE(catalog.error().message.find("not a JSON array"), std::string::npos);
}

TEST(CatalogTest, InvalidJsonIsAnError) {
    EXPECT_FALSE(Catalog::parse(R"([{"index":"a",)", "cat.json").ok());
}

TEST(CatalogTest, EmptyArrayIsAnEmptyCatalog) { EXPECT_EQ(parse_ok("[]").size(), 0u); }

TEST(CatalogTest, NamesStayValidAfterTheCatalogIsMoved) {
    auto catalog = parse_ok(R"([{"index":"short"}])");  // small enough for the small-string optimisation
    Catalog moved = std::move(catalog);
    EXPECT_EQ(moved.indices()[0].name, "short");
}

TEST(CatalogTest, EscapedNamesAreUnescaped) {
    auto catalog = parse_ok(R"([{"index":"a\u0062c"}])");
    EXPECT_EQ(catalog.indices()[0].name, "abc");
}

// Pins what has_backslash's eight-bytes-at-a-time scan replaces (a plain find of '\\'): an escape at any position of
// names of any length, including the last word of the padded body, is seen; names without one are kept as written.
TEST(CatalogTest, EscapesAreSeenAtEveryPositionOfEveryLength) {
    for (std::size_t length = 1; length <= 20; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            std::string escaped(length, 'a');
            std::string expected = escaped;
            expected[at] = 'b';
            escaped.replace(at, 1, "\\u0062");
            auto catalog = parse_ok("[{\"index\":\"" + escaped + "\"}]");
            EXPECT_EQ(catalog.indices()[0].name, expected) << escaped;
        }
        const std::string plain(length, 'x');
        EXPECT_EQ(parse_ok("[{\"index\":\"" + plain + "\"}]").indices()[0].name, plain);
    }
}

}  // namespace
}  // namespace aliasing
