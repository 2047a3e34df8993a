// Locating a JSON syntax error (RFC 8259 grammar). Poco's parser says what is wrong but not where; this
// scanner runs only after Poco has refused a text, to point the user at a line and column.
#include "aliasing/config/job.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace aliasing {
namespace {

constexpr int kMaxDepth = 512;

class SyntaxScanner {
  public:
    explicit SyntaxScanner(std::string_view text) : m_text(text) {}

    // True if the whole text is one JSON value surrounded by optional whitespace; else position() is the
    // error.
    bool document() {
        skip_whitespace();
        if (!value(0)) return false;
        skip_whitespace();
        return m_at == m_text.size();
    }

    std::size_t position() const { return m_at; }

  private:
    bool at_end() const { return m_at >= m_text.size(); }
    char peek() const { return m_text[m_at]; }

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    static bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++m_at;
    }

    bool value(int depth) {
        if (at_end()) return false;
        switch (peek()) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    bool literal(std::string_view word) {
        for (const char expected : word) {
            if (at_end() || peek() != expected) return false;
            ++m_at;
        }
        return true;
    }

    bool digits() {
        if (at_end() || !is_digit(peek())) return false;
        while (!at_end() && is_digit(peek())) ++m_at;
        return true;
    }

    bool number() {
        if (!at_end() && peek() == '-') ++m_at;
        if (at_end()) return false;
        if (peek() == '0') {
            ++m_at;
        } else if (!digits()) {
            return false;
        }
        if (!at_end() && peek() == '.') {
            ++m_at;
            if (!digits()) return false;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            ++m_at;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++m_at;
            if (!digits()) return false;
        }
        return true;
    }

    bool string() {
        ++m_at;  // opening quote
        while (!at_end()) {
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                ++m_at;
                if (at_end()) return false;
                const char escape = peek();
                if (escape == 'u') {
                    for (int i = 0; i < 4; ++i) {
                        ++m_at;
                        if (at_end() || !is_hex(peek())) return false;
                    }
                } else if (std::string_view(R"("\/bfnrt)").find(escape) == std::string_view::npos) {
                    return false;
                }
            }
            ++m_at;
        }
        return false;
    }

    bool object(int depth) {
        if (depth > kMaxDepth) return false;
        ++m_at;  // '{'
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            ++m_at;
            return true;
        }
        while (true) {
            if (at_end() || peek() != '"' || !string()) return false;
            skip_whitespace();
            if (at_end() || peek() != ':') return false;
            ++m_at;
            skip_whitespace();
            if (!value(depth)) return false;
            skip_whitespace();
            if (at_end()) return false;
            if (peek() == '}') {
                ++m_at;
                return true;
            }
            if (peek() != ',') return false;
            ++m_at;
            skip_whitespace();
        }
    }

    bool array(int depth) {
        if (depth > kMaxDepth) return false;
        ++m_at;  // '['
        skip_whitespace();
        if (!at_end() && peek() == ']') {
            ++m_at;
            return true;
        }
        while (true) {
            if (!value(depth)) return false;
            skip_whitespace();
            if (at_end()) return false;
            if (peek() == ']') {
                ++m_at;
                return true;
            }
            if (peek() != ',') return false;
            ++m_at;
            skip_whitespace();
        }
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

}  // namespace

std::optional<std::size_t> json_syntax_error_offset(std::string_view text) {
    SyntaxScanner scanner(text);
    if (scanner.document()) return std::nullopt;
    return scanner.position();
}

}  // namespace aliasing
