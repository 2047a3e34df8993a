#include "aliasing/sim/json.hpp"

#include <charconv>
#include <stdexcept>

namespace aliasing::sim {
namespace {

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    std::optional<Json> run(std::string* error)
    {
        try {
            skip_space();
            Json value = parse_value(0);
            skip_space();
            if (m_pos != m_text.size()) {
                fail("unexpected trailing characters");
            }
            return value;
        } catch (const std::runtime_error& failure) {
            if (error != nullptr) {
                *error = failure.what();
            }
            return std::nullopt;
        }
    }

private:
    [[noreturn]] void fail(const std::string& what) const
    {
        throw std::runtime_error(what + " at offset " + std::to_string(m_pos));
    }

    void skip_space()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
            ++m_pos;
        }
    }

    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void expect_word(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word) {
            fail("invalid literal");
        }
        m_pos += word.size();
    }

    Json parse_value(int depth)
    {
        if (depth > 200) {
            fail("nesting too deep");
        }
        switch (peek()) {
        case '{': return parse_object(depth);
        case '[': return parse_array(depth);
        case '"': return Json(parse_string());
        case 't': expect_word("true"); return Json(true);
        case 'f': expect_word("false"); return Json(false);
        case 'n': expect_word("null"); return Json(nullptr);
        default: return parse_number();
        }
    }

    Json parse_object(int depth)
    {
        ++m_pos;
        Json result = Json::object();
        skip_space();
        if (peek() == '}') {
            ++m_pos;
            return result;
        }
        while (true) {
            skip_space();
            if (peek() != '"') {
                fail("expected a string key");
            }
            std::string key = parse_string();
            skip_space();
            if (peek() != ':') {
                fail("expected ':'");
            }
            ++m_pos;
            skip_space();
            result[key] = parse_value(depth + 1);
            skip_space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return result;
            }
            fail("expected ',' or '}'");
        }
    }

    Json parse_array(int depth)
    {
        ++m_pos;
        Json result = Json::array();
        skip_space();
        if (peek() == ']') {
            ++m_pos;
            return result;
        }
        while (true) {
            skip_space();
            result.push_back(parse_value(depth + 1));
            skip_space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return result;
            }
            fail("expected ',' or ']'");
        }
    }

    unsigned parse_hex4()
    {
        if (m_pos + 4 > m_text.size()) {
            fail("truncated \\u escape");
        }
        unsigned code = 0;
        for (int i = 0; i < 4; ++i) {
            const char ch = m_text[m_pos++];
            code <<= 4U;
            if (ch >= '0' && ch <= '9') {
                code |= static_cast<unsigned>(ch - '0');
            } else if (ch >= 'a' && ch <= 'f') {
                code |= static_cast<unsigned>(ch - 'a' + 10);
            } else if (ch >= 'A' && ch <= 'F') {
                code |= static_cast<unsigned>(ch - 'A' + 10);
            } else {
                fail("bad \\u escape");
            }
        }
        return code;
    }

    static void append_utf8(std::string& out, unsigned code)
    {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    std::string parse_string()
    {
        ++m_pos;
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) {
                fail("unterminated string");
            }
            const char ch = m_text[m_pos++];
            if (ch == '"') {
                return out;
            }
            if (static_cast<unsigned char>(ch) < 0x20) {
                fail("control character in string");
            }
            if (ch != '\\') {
                out.push_back(ch);
                continue;
            }
            if (m_pos >= m_text.size()) {
                fail("unterminated escape");
            }
            const char escape = m_text[m_pos++];
            switch (escape) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                unsigned code = parse_hex4();
                if (code >= 0xD800 && code < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                    m_pos += 2;
                    const unsigned low = parse_hex4();
                    code = 0x10000 + ((code - 0xD800) << 10U) + (low - 0xDC00);
                }
                append_utf8(out, code);
                break;
            }
            default: fail("bad escape");
            }
        }
    }

    Json parse_number()
    {
        const std::size_t start = m_pos;
        if (peek() == '-') {
            ++m_pos;
        }
        bool is_integer = true;
        while (m_pos < m_text.size()) {
            const char ch = m_text[m_pos];
            if (ch >= '0' && ch <= '9') {
                ++m_pos;
            } else if (ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-') {
                is_integer = false;
                ++m_pos;
            } else {
                break;
            }
        }
        const std::string_view token = m_text.substr(start, m_pos - start);
        if (token.empty() || token == "-") {
            fail("unexpected character");
        }
        if (is_integer) {
            std::int64_t value = 0;
            const auto result = std::from_chars(token.data(), token.data() + token.size(), value);
            if (result.ec == std::errc() && result.ptr == token.data() + token.size()) {
                return Json(value);
            }
        }
        double value = 0;
        const auto result = std::from_chars(token.data(), token.data() + token.size(), value);
        if (result.ec != std::errc() || result.ptr != token.data() + token.size()) {
            fail("invalid number");
        }
        return Json(value);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

}  // namespace

std::optional<Json> Json::parse(std::string_view text, std::string* error)
{
    return Parser(text).run(error);
}

}  // namespace aliasing::sim
