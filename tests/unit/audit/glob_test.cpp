#include "aliasing/audit/glob.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

TEST(Glob, StarMatchesAnyRunIncludingNone) {
    EXPECT_TRUE(glob_match("*", ""));
    EXPECT_TRUE(glob_match("customer-*", "customer-2_0_0-a-20240101"));
    EXPECT_TRUE(glob_match("customer-*", "customer-"));
    EXPECT_FALSE(glob_match("customer-*", "customers"));
}

TEST(Glob, QuestionMarkMatchesExactlyOneCharacter) {
    EXPECT_TRUE(glob_match("log-?", "log-1"));
    EXPECT_FALSE(glob_match("log-?", "log-"));
    EXPECT_FALSE(glob_match("log-?", "log-12"));
}

TEST(Glob, TheWholeNameMustMatch) {
    EXPECT_FALSE(glob_match("customer", "customer-1"));
    EXPECT_FALSE(glob_match("ustomer*", "customer-1"));
}

TEST(Glob, BacktracksToTheLastStar) {
    EXPECT_TRUE(glob_match("*-a-*", "x-b-a-a-y"));
    EXPECT_TRUE(glob_match("a*b*c", "aXbYbZc"));
    EXPECT_FALSE(glob_match("a*b*c", "aXbYbZ"));
}

}  // namespace
}  // namespace aliasing
