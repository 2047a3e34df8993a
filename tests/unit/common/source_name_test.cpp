#include "aliasing/plugins/data_source.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

TEST(SourceName, LowercaseLettersDigitsDashAndUnderscoreAreValid) {
    EXPECT_TRUE(is_valid_source_name("customer"));
    EXPECT_TRUE(is_valid_source_name("web-logs_2"));
}

TEST(SourceName, EmptyIsInvalid) { EXPECT_FALSE(is_valid_source_name("")); }

TEST(SourceName, UppercaseDotsAndSpacesAreInvalid) {
    EXPECT_FALSE(is_valid_source_name("Customer"));
    EXPECT_FALSE(is_valid_source_name("web.logs"));
    EXPECT_FALSE(is_valid_source_name("web logs"));
}

}  // namespace
}  // namespace aliasing
