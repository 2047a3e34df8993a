#include "aliasing/render/json_writer.hpp"

#include <bit>
#include <charconv>
#include <cstring>
#include <cmath>
#include <cstdio>

namespace aliasing {

namespace {

// The one byte at `c` as JSON needs it inside a string literal (`c` is a quote, a backslash or a control character).
void append_escaped(std::string& out, char c) {
    switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
            out += buffer;
        }
    }
}

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

// Bytes of `word` that are a quote, a backslash or below 0x20, as their high bits. Only the lowest set bit is exact
// (a borrow can mark a byte after a true hit), which is the only one the caller uses.
std::uint64_t special_bytes(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const std::uint64_t quotes = word ^ (kOnes * '"');
    const std::uint64_t backslashes = word ^ (kOnes * '\\');
    const std::uint64_t zero_quote = (quotes - kOnes) & ~quotes;
    const std::uint64_t zero_backslash = (backslashes - kOnes) & ~backslashes;
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word;
    return (zero_quote | zero_backslash | below_space) & kHighs;
}

}  // namespace

// Plans list every deletion and every ignored index by name (megabytes of JSON at 100k indices) and names almost
// never need escaping: runs of plain bytes are found eight at a time and appended whole, instead of byte by byte.
void append_json_quoted(std::string& out, std::string_view text) {
    out += '"';
    std::size_t run = 0;  // start of the plain bytes not yet appended
    std::size_t at = 0;
    while (at < text.size()) {
        if (std::endian::native == std::endian::little && text.size() - at >= 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + at, sizeof word);
            const std::uint64_t hits = special_bytes(word);
            if (hits == 0) {
                at += 8;
                continue;
            }
            at += static_cast<std::size_t>(std::countr_zero(hits)) / 8;
        } else if (!needs_escape(text[at])) {
            ++at;
            continue;
        }
        out.append(text.data() + run, at - run);
        append_escaped(out, text[at]);
        run = ++at;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

std::string json_quote(std::string_view text) {
    std::string out;
    append_json_quoted(out, text);
    return out;
}

void JsonWriter::separate() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back()) m_out += ',';
        m_first.back() = false;
    }
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    m_out += '{';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    m_out += '}';
    m_first.pop_back();
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    separate();
    m_out += '[';
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    m_out += ']';
    m_first.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    append_json_quoted(m_out, name);
    m_out += ':';
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    append_json_quoted(m_out, text);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    separate();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
    separate();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    separate();
    if (!std::isfinite(number)) {
        m_out += "null";
        return *this;
    }
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, ec == std::errc() ? end : buffer);
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    separate();
    m_out += json;
    return *this;
}

}  // namespace aliasing
