#include "aliasing/plan/plan.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

constexpr std::uint64_t kGiB = 1ULL << 30;

IndexRecord record(std::uint32_t shards, std::uint64_t bytes, std::uint64_t segments) {
    IndexRecord r;
    r.name = "customer-2_0_0-address-20261015t103000";
    r.primaries = shards;
    r.primary_store_bytes = bytes;
    r.primary_segments = segments;
    r.segments_known = true;
    return r;
}

const MergePolicy kSizeBased{MergeKind::SizeBased, 2 * kGiB, ""};

TEST(MergeSizingTest, SmallIndexMergesToOneSegment) {
    MergeRow row = size_merge(record(1, 500 * 1024 * 1024, 20), kSizeBased, 2 * kGiB, true);
    EXPECT_EQ(row.target_segments, 1u);
    EXPECT_EQ(row.decision, MergeDecision::Merge);
    EXPECT_EQ(row.command, "POST /customer-2_0_0-address-20261015t103000/_forcemerge?max_num_segments=1");
}

TEST(MergeSizingTest, LargeShardsMergeToSeveralSegments) {
    // 2 shards x 5 GiB with 2 GiB segments: ceil(5 / 2) = 3 per shard.
    MergeRow row = size_merge(record(2, 10 * kGiB, 80), kSizeBased, 2 * kGiB, true);
    EXPECT_EQ(row.target_segments, 3u);
    EXPECT_EQ(row.command, "POST /customer-2_0_0-address-20261015t103000/_forcemerge?max_num_segments=3");
}

TEST(MergeSizingTest, ExactMultipleDoesNotRoundUp) {
    EXPECT_EQ(size_merge(record(1, 4 * kGiB, 9), kSizeBased, 2 * kGiB, true).target_segments, 2u);
}

TEST(MergeSizingTest, EmptyIndexTargetsOneSegment) {
    EXPECT_EQ(size_merge(record(3, 0, 0), kSizeBased, 2 * kGiB, true).target_segments, 1u);
}

TEST(MergeSizingTest, AlreadyMergedIsSkipped) {
    MergeRow row = size_merge(record(2, 10 * kGiB, 6), kSizeBased, 2 * kGiB, true);  // 3 per shard == target
    EXPECT_EQ(row.decision, MergeDecision::AlreadyMerged);
    EXPECT_EQ(row.command, "skip: already merged");
}

TEST(MergeSizingTest, UnknownSegmentCountStillMerges) {
    IndexRecord r = record(1, kGiB, 0);
    r.segments_known = false;
    EXPECT_EQ(size_merge(r, kSizeBased, 2 * kGiB, true).decision, MergeDecision::Merge);
}

TEST(MergeSizingTest, NeverPolicyShowsTheReasonInsteadOfACommand) {
    MergePolicy never{MergeKind::Never, 0, "still written to"};
    MergeRow row = size_merge(record(1, kGiB, 40), never, 2 * kGiB, true);
    EXPECT_EQ(row.decision, MergeDecision::PolicyNever);
    EXPECT_EQ(row.command, "never: still written to");
}

TEST(MergeSizingTest, NotRequestedWhenForcemergeNewIsFalse) {
    EXPECT_EQ(size_merge(record(1, kGiB, 40), kSizeBased, 2 * kGiB, false).decision, MergeDecision::NotRequested);
}

TEST(MergeSizingTest, RatiosAreComputedPerShardAndPerGiB) {
    MergeRow row = size_merge(record(2, 4 * kGiB, 40), kSizeBased, 2 * kGiB, true);
    EXPECT_DOUBLE_EQ(row.gb_per_shard, 2.0);
    EXPECT_DOUBLE_EQ(row.segments_per_shard, 20.0);
    EXPECT_DOUBLE_EQ(row.segments_per_gb, 10.0);
}

TEST(MergeSizingTest, JobMaxSegmentSizeChangesTheTarget) {
    EXPECT_EQ(size_merge(record(1, 4 * kGiB, 40), kSizeBased, kGiB, true).target_segments, 4u);
}

}  // namespace
}  // namespace aliasing
