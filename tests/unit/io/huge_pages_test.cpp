// advise_huge_pages only ever advises whole 2 MiB pages inside the buffer it is given, and never changes contents.
#include "aliasing/io/huge_pages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace aliasing {
namespace {

TEST(HugePages, SmallOrEmptyBuffersAreLeftAlone) {
    EXPECT_FALSE(advise_huge_pages(nullptr, std::size_t{64} << 20));
    std::string small(1 << 20, 'x');
    EXPECT_FALSE(advise_huge_pages(small.data(), small.size()));
    EXPECT_FALSE(advise_huge_pages(small.data(), kHugePageWorthwhile - 1));
}

TEST(HugePages, ALargeBufferIsAdvisedAndKeepsItsContents) {
    if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage")) GTEST_SKIP() << "no transparent huge pages";
    const std::size_t bytes = (std::size_t{9} << 20) + 123;
    auto buffer = std::make_unique<char[]>(bytes);
    for (std::size_t i = 0; i < bytes; i += 4096) buffer[i] = static_cast<char>(i >> 12);
    EXPECT_TRUE(advise_huge_pages(buffer.get() + 1, bytes - 1));  // unaligned: only the whole pages inside
    for (std::size_t i = 0; i < bytes; i += 4096) ASSERT_EQ(buffer[i], static_cast<char>(i >> 12)) << i;
}

}  // namespace
}  // namespace aliasing
