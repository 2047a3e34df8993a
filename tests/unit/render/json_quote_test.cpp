// append_json_quoted finds runs of plain bytes eight at a time (SWAR); these tests pin it to the byte-by-byte
// escaping it replaced, kept here as the reference.
#include "aliasing/render/json_writer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace aliasing {
namespace {

std::string reference_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

TEST(JsonQuote, EveryByteAloneAndAtEveryPositionOfAWord) {
    for (int byte = 0; byte < 256; ++byte) {
        const char c = static_cast<char>(byte);
        EXPECT_EQ(json_quote(std::string(1, c)), reference_quote(std::string(1, c))) << byte;
        for (std::size_t length = 1; length <= 19; ++length) {
            for (std::size_t at = 0; at < length; ++at) {
                std::string text(length, 'a');
                text[at] = c;
                ASSERT_EQ(json_quote(text), reference_quote(text)) << "byte " << byte << " at " << at << " of " << length;
            }
        }
    }
}

TEST(JsonQuote, NeighboursOfTheSpecialBytesAndRuns) {
    // Bytes just above a special one and high bytes next to it, where a SWAR borrow could mark the wrong byte.
    const std::string samples[] = {
        "", "plain-index-name-2026", std::string("\x1f\x20\x21\x22\x23", 5), "\\\\\"\"\n\r\t",
        std::string("\x80\x1f\xff\"\x7f\\", 6), "customer-2_0_0-person-20261015t101000123", "a\"b\\c\x01" "d\xc3\xa9",
        std::string(64, '"'), std::string("\0\0\0\0\0\0\0\0\0", 9), "\x5b\x5c\x5d\x21\x22\x23 12345678\x1f"};
    for (const auto& text : samples) EXPECT_EQ(json_quote(text), reference_quote(text)) << text;
}

TEST(JsonQuote, RandomTextsMatchTheReference) {
    std::uint64_t state = 42;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    };
    const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', ' ', '\x7f', '\x80', '\xff', '#', '!', ']'};
    for (int round = 0; round < 20000; ++round) {
        std::string text(next() % 40, 'x');
        for (auto& c : text) c = next() % 4 == 0 ? specials[next() % sizeof specials] : static_cast<char>('a' + next() % 26);
        ASSERT_EQ(json_quote(text), reference_quote(text)) << text;
    }
}

TEST(JsonQuote, AppendsAfterWhatIsThere) {
    std::string out = "[";
    append_json_quoted(out, "a\"b");
    append_json_quoted(out, "0123456789abcdef\n");
    EXPECT_EQ(out, "[\"a\\\"b\"\"0123456789abcdef\\n\"");
}

}  // namespace
}  // namespace aliasing
