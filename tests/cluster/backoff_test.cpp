#include "aliasing/cluster/backoff.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, FirstRetryCappedByInitialBackoff) {
    RetryPolicy policy;  // 200 ms initial, 5000 ms max
    EXPECT_EQ(backoff_delay(policy, 1, 0.999999), milliseconds{199});
}

TEST(Backoff, CapDoublesPerRetry) {
    RetryPolicy policy;
    EXPECT_EQ(backoff_delay(policy, 3, 0.5), milliseconds{400});  // cap 800
}

TEST(Backoff, CapNeverExceedsMaxBackoff) {
    RetryPolicy policy;
    EXPECT_EQ(backoff_delay(policy, 40, 0.999999), milliseconds{4999});
}

TEST(Backoff, FullJitterCanBeZero) {
    RetryPolicy policy;
    EXPECT_EQ(backoff_delay(policy, 4, 0.0), milliseconds{0});
}

}  // namespace
}  // namespace aliasing::cluster
