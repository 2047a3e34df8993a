// Product detection from GET / (the reference's three cases) and the version gates (product.hpp).
#include "aliasing/cluster/product.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

std::string info(const std::string& version_fields, const std::string& tagline) {
    return R"({"name":"n","cluster_name":"c","version":{)" + version_fields + R"(},"tagline":")" + tagline + R"("})";
}

TEST(Product, OpenSearchByDistribution) {
    auto product = detect_product(info(R"("distribution":"opensearch","number":"2.19.1")",
                                       "The OpenSearch Project: https://opensearch.org/"),
                                  false);
    ASSERT_TRUE(product.ok()) << product.error().message;
    EXPECT_EQ(product->distribution, Distribution::OpenSearch);
    EXPECT_EQ(product->name(), "OpenSearch 2.19.1");
    EXPECT_FALSE(product->compatibility_mode);
    EXPECT_TRUE(product->has_must_exist());
    EXPECT_TRUE(product->has_async_forcemerge());
    EXPECT_FALSE(unsupported(*product));
}

TEST(Product, OpenSearchCompatibilityModeByTaglineThenNodeVersion) {
    auto product = detect_product(info(R"("number":"7.10.2","build_type":"tar")",
                                       "The OpenSearch Project: https://opensearch.org/"),
                                  false);
    ASSERT_TRUE(product.ok());
    EXPECT_TRUE(product->compatibility_mode);
    EXPECT_EQ(product->distribution, Distribution::OpenSearch);
    ASSERT_TRUE(unsupported(*product)) << "7.10.2 is not the real version";
    ASSERT_TRUE(apply_node_version(*product, R"({"nodes":{"abc":{"version":"2.12.0"}}})").ok());
    EXPECT_EQ(product->name(), "OpenSearch 2.12.0");
    EXPECT_FALSE(unsupported(*product));
    EXPECT_FALSE(apply_node_version(*product, R"({"nodes":{}})").ok());
}

TEST(Product, ElasticsearchNeedsTheHeaderFrom714) {
    const std::string tagline = "You Know, for Search";
    EXPECT_TRUE(detect_product(info(R"("number":"8.15.0","build_flavor":"default")", tagline), true).ok());
    auto without = detect_product(info(R"("number":"8.15.0","build_flavor":"default")", tagline), false);
    ASSERT_FALSE(without.ok());
    EXPECT_EQ(without.error().kind, ErrorKind::Unreachable);
    EXPECT_NE(without.error().message.find("X-Elastic-Product"), std::string::npos);
    auto old = detect_product(info(R"("number":"7.13.4","build_flavor":"default")", tagline), false);
    ASSERT_TRUE(old.ok()) << "7.11-7.13 send no product header";
    EXPECT_FALSE(unsupported(*old));
    EXPECT_FALSE(old->has_async_forcemerge());
}

TEST(Product, RefusalsNameWhatWasFoundWhatIsRequiredAndWhy) {
    auto es = detect_product(info(R"("number":"7.10.2","build_flavor":"default")", "You Know, for Search"), false);
    ASSERT_TRUE(es.ok());
    const auto refusal = unsupported(*es);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->kind, ErrorKind::Unreachable);
    EXPECT_NE(refusal->message.find("Elasticsearch 7.10.2 is not supported"), std::string::npos);
    EXPECT_NE(refusal->message.find("Elasticsearch 7.11 or later"), std::string::npos);
    EXPECT_NE(refusal->message.find("must_exist"), std::string::npos);
    auto os = detect_product(info(R"("distribution":"opensearch","number":"2.11.1")", "The OpenSearch Project"), false);
    ASSERT_TRUE(os.ok());
    ASSERT_TRUE(unsupported(*os));
    EXPECT_NE(unsupported(*os)->message.find("OpenSearch 2.12 or later"), std::string::npos);
}

TEST(Product, UnknownProductsAndBodiesAreRefused) {
    EXPECT_FALSE(detect_product(info(R"("distribution":"other","number":"1.0.0")", "x"), true).ok());
    EXPECT_FALSE(detect_product("not json", true).ok());
    EXPECT_FALSE(detect_product(R"({"version":{}})", true).ok());
}

TEST(Product, NineTimeoutsAs429) {
    auto nine = detect_product(info(R"("number":"9.1.5","build_flavor":"default")", "You Know, for Search"), true);
    ASSERT_TRUE(nine.ok());
    EXPECT_TRUE(nine->timeouts_as_429());
    EXPECT_TRUE(nine->has_async_forcemerge());
}

// Found by fuzz_es_client (regress-negative-version): "-5.0.0" read as major -5.
TEST(Product, NegativeVersionNumberReadsAsZeroAndIsUnsupported) {
    auto product = detect_product(info(R"("number":"-5.0.0","build_flavor":"default")", "You Know, for Search"), true);
    if (!product.ok()) return;  // refusing it outright is as good
    EXPECT_EQ(product->major, 0);
    EXPECT_TRUE(unsupported(*product));
}

}  // namespace
}  // namespace aliasing::cluster
