// read_file reads a file of known size in one call straight into its padded buffer; these tests pin that the bytes,
// the padding and the errors are those of the chunked read it replaced, including files whose size is not known.
#include "aliasing/io/file_io.hpp"

#include <simdjson.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace aliasing {
namespace {

class ReadFile : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("aliasing-read-file-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::filesystem::path write(const std::string& name, const std::string& bytes) {
        const auto path = m_dir / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    std::filesystem::path m_dir;
};

// Larger than kHugePageWorthwhile, so the buffer is also advised to use huge pages.
TEST_F(ReadFile, ReturnsEveryByteWithRoomForThePadding) {
    std::string bytes;
    for (std::size_t i = 0; i < (6 << 20) + 17; ++i) bytes += static_cast<char>((i * 131) ^ (i >> 9));
    const auto read = read_file(write("big.json", bytes));
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(*read, bytes);
    EXPECT_GE(read->capacity(), bytes.size() + simdjson::SIMDJSON_PADDING);
}

TEST_F(ReadFile, EmptyAndSmallFiles) {
    auto empty = read_file(write("empty.json", ""));
    ASSERT_TRUE(empty);
    EXPECT_EQ(*empty, "");
    auto small = read_file(write("small.json", "[{\"index\":\"a\"}]\n"));
    ASSERT_TRUE(small);
    EXPECT_EQ(*small, "[{\"index\":\"a\"}]\n");
}

TEST_F(ReadFile, AFileLargerThanItsReportedSizeIsReadToItsEnd) {
    // procfs reports a size of 0 for files that hold text: everything comes from the read after the sized one.
    const auto status = read_file("/proc/self/status");
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_NE(status->find("VmRSS:"), std::string::npos);
}

TEST_F(ReadFile, ErrorsNameThePathAndTheReason) {
    const auto missing = read_file(m_dir / "missing.json");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::Usage);
    EXPECT_EQ(missing.error().message, "cannot read " + (m_dir / "missing.json").string() + ": No such file or directory");
    const auto directory = read_file(m_dir);
    ASSERT_FALSE(directory);
    EXPECT_EQ(directory.error().message, "cannot read " + m_dir.string() + ": it is a directory");
}

}  // namespace
}  // namespace aliasing
