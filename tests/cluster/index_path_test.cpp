#include "aliasing/cluster/index_path.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

std::size_t line_length(std::string_view method, std::string_view prefix, const std::vector<std::string>& chunk,
                        std::string_view suffix) {
    return method.size() + 1 + prefix.size() + join_index_names(chunk).size() + suffix.size() + std::string(" HTTP/1.1").size();
}

std::vector<std::string> many_names(std::size_t count, std::size_t length) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i) {
        std::string name = "idx-" + std::to_string(i) + "-";
        name.resize(length, 'x');
        names.push_back(name);
    }
    return names;
}

TEST(IndexPath, EncodesReservedCharactersButKeepsPatternsAndLists) {
    EXPECT_EQ(encode_path_segment("a-b_c.d*,e"), "a-b_c.d*,e");
    EXPECT_EQ(encode_path_segment("a+b%c&d é"), "a%2Bb%25c%26d%20%C3%A9");
}

TEST(IndexPath, EveryChunkLineShorterThanLimit) {
    const auto names = many_names(500, 60);
    const auto chunks = chunk_index_names(names, "DELETE", "/", "");
    ASSERT_GT(chunks.size(), 1u);
    for (const auto& chunk : chunks) EXPECT_LT(line_length("DELETE", "/", chunk, ""), 4096u);
}

TEST(IndexPath, EncodedLengthCountsTowardsTheLimit) {
    // 'é' is 2 bytes raw but 6 encoded: chunks must be computed on the encoded path.
    std::vector<std::string> names;
    for (int i = 0; i < 200; ++i) names.push_back("idx-" + std::to_string(i) + "-\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
    for (const auto& chunk : chunk_index_names(names, "DELETE", "/", "")) {
        EXPECT_LT(line_length("DELETE", "/", chunk, ""), 4096u);
    }
}

TEST(IndexPath, ChunksKeepEveryNameInOrder) {
    const auto names = many_names(300, 100);
    std::vector<std::string> flattened;
    for (const auto& chunk : chunk_index_names(names, "PUT", "/", "/_settings")) {
        flattened.insert(flattened.end(), chunk.begin(), chunk.end());
    }
    EXPECT_EQ(flattened, names);
}

TEST(IndexPath, ChunksAreFilledNotSplitNeedlessly) {
    const auto names = many_names(10, 20);
    EXPECT_EQ(chunk_index_names(names, "DELETE", "/", "").size(), 1u);
}

TEST(IndexPath, SuffixCountsTowardsTheLimit) {
    const auto names = many_names(200, 50);
    const std::string suffix = "?wait_for_status=green&timeout=600s";
    for (const auto& chunk : chunk_index_names(names, "GET", "/_cluster/health/", suffix)) {
        EXPECT_LT(line_length("GET", "/_cluster/health/", chunk, suffix), 4096u);
    }
}

TEST(IndexPath, SmallLimitStillGivesEachNameAChunk) {
    const auto chunks = chunk_index_names({"aaaa", "bbbb"}, "DELETE", "/", "", 10);
    EXPECT_EQ(chunks.size(), 2u);
}

TEST(IndexPath, NoNamesNoChunks) { EXPECT_TRUE(chunk_index_names({}, "DELETE", "/", "").empty()); }

}  // namespace
}  // namespace aliasing::cluster
