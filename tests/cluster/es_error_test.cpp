#include "aliasing/cluster/es_error.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

TEST(EsError, FullFormGivesTypeAndReason) {
    HttpResponse response{404,
                          R"({"error":{"root_cause":[],"type":"resource_not_found_exception","reason":"required alias [x] does not exist"},"status":404})",
                          "application/json", true};
    EXPECT_EQ(describe_failure(Method::Post, "/_aliases", response),
              "POST /_aliases failed: 404 resource_not_found_exception: required alias [x] does not exist");
}

TEST(EsError, SimpleFormGivesMessage) {
    const auto error = parse_es_error(R"({"error":"alias [x] missing","status":404})");
    EXPECT_EQ(error.type, "");
    EXPECT_EQ(error.reason, "alias [x] missing");
}

TEST(EsError, CausedByAppended) {
    const auto error = parse_es_error(
        R"({"error":{"type":"a_exception","reason":"outer","caused_by":{"type":"b_exception","reason":"inner"}},"status":500})");
    EXPECT_EQ(error.reason, "outer (caused by b_exception: inner)");
}

TEST(EsError, NonJsonBodyShownShortened) {
    const std::string body(500, 'z');
    const auto error = parse_es_error(body);
    EXPECT_EQ(error.type, "");
    EXPECT_LT(error.reason.size(), 210u);
}

TEST(EsError, LongPathsShortenedInMessages) {
    const std::string path = "/" + std::string(4000, 'a');
    EXPECT_LT(path_for_message(path).size(), 200u);
}

}  // namespace
}  // namespace aliasing::cluster

namespace aliasing::cluster {
namespace {

// Found by fuzz_es_error (regress-object-as-error-type): a `type` that is an object was shown as its JSON.
TEST(EsErrorParse, NonStringTypeAndReasonAreNotTakenAsText) {
    const EsError error = parse_es_error(R"({"error":{"type":{"a":1},"reason":["x"]},"status":400})");
    EXPECT_EQ(error.type, "");
    EXPECT_EQ(error.reason, "");
}

}  // namespace
}  // namespace aliasing::cluster
