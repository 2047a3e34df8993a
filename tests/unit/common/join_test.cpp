#include "aliasing/common/join.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace aliasing {
namespace {

TEST(Join, PutsTheSeparatorBetweenItemsOnly) {
    EXPECT_EQ(join(std::vector<std::string>{"a", "b", "c"}), "a, b, c");
    EXPECT_EQ(join(std::vector<std::string>{"a", "b"}, "; also "), "a; also b");
    EXPECT_EQ(join(std::vector<std::string>{"only"}), "only");
}

TEST(Join, AnEmptyListIsAnEmptyString) { EXPECT_EQ(join(std::vector<std::string>{}), ""); }

TEST(Join, TakesViewsAsWellAsStrings) {
    EXPECT_EQ(join(std::vector<std::string_view>{"x", "y"}, ","), "x,y");
}

TEST(JoinFirst, ListsEverythingUpToTheLimit) {
    EXPECT_EQ(join_first(std::vector<std::string>{"a", "b", "c"}, 3), "a, b, c");
}

TEST(JoinFirst, CountsWhatIsPastTheLimit) {
    EXPECT_EQ(join_first(std::vector<std::string>{"a", "b", "c", "d", "e"}, 2), "a, b and 3 more");
}

}  // namespace
}  // namespace aliasing
