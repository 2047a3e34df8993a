#include "aliasing/sim/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace aliasing::sim {

std::int64_t Json::as_int() const
{
    if (type() == Type::number) {
        return static_cast<std::int64_t>(std::get<double>(m_value));
    }
    return std::get<std::int64_t>(m_value);
}

double Json::as_double() const
{
    if (type() == Type::integer) {
        return static_cast<double>(std::get<std::int64_t>(m_value));
    }
    return std::get<double>(m_value);
}

Json& Json::operator[](std::string_view key)
{
    if (is_null()) {
        m_value = Object{};
    }
    auto& members = as_object();
    for (auto& member : members) {
        if (member.first == key) {
            return member.second;
        }
    }
    members.emplace_back(std::string(key), Json());
    return members.back().second;
}

const Json& Json::operator[](std::string_view key) const
{
    static const Json null_value;
    const Json* found = find(key);
    return found != nullptr ? *found : null_value;
}

const Json& Json::at(std::size_t position) const
{
    static const Json null_value;
    if (!is_array() || position >= as_array().size()) {
        return null_value;
    }
    return as_array()[position];
}

const Json* Json::find(std::string_view key) const
{
    if (!is_object()) {
        return nullptr;
    }
    for (const auto& member : as_object()) {
        if (member.first == key) {
            return &member.second;
        }
    }
    return nullptr;
}

Json* Json::find(std::string_view key)
{
    return const_cast<Json*>(static_cast<const Json*>(this)->find(key));
}

bool Json::erase(std::string_view key)
{
    if (!is_object()) {
        return false;
    }
    auto& members = as_object();
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it->first == key) {
            members.erase(it);
            return true;
        }
    }
    return false;
}

void Json::push_back(Json value)
{
    if (is_null()) {
        m_value = Array{};
    }
    as_array().push_back(std::move(value));
}

std::size_t Json::size() const
{
    if (is_array()) {
        return as_array().size();
    }
    if (is_object()) {
        return as_object().size();
    }
    return 0;
}

void append_json_string(std::string& out, std::string_view text)
{
    out.push_back('"');
    for (const char raw : text) {
        const auto ch = static_cast<unsigned char>(raw);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (ch < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", ch);
                out += buffer;
            } else {
                out.push_back(raw);
            }
        }
    }
    out.push_back('"');
}

namespace {

void append_double(std::string& out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    out += text;
    if (text.find_first_of(".eE") == std::string_view::npos) {
        out += ".0";  // Jackson writes doubles with a fraction, e.g. 100.0
    }
}

void dump_into(std::string& out, const Json& value)
{
    switch (value.type()) {
    case Json::Type::null: out += "null"; break;
    case Json::Type::boolean: out += value.as_bool() ? "true" : "false"; break;
    case Json::Type::integer: out += std::to_string(value.as_int()); break;
    case Json::Type::number: append_double(out, value.as_double()); break;
    case Json::Type::string: append_json_string(out, value.as_string()); break;
    case Json::Type::array: {
        out.push_back('[');
        bool first = true;
        for (const auto& item : value.as_array()) {
            if (!first) {
                out.push_back(',');
            }
            first = false;
            dump_into(out, item);
        }
        out.push_back(']');
        break;
    }
    case Json::Type::object: {
        out.push_back('{');
        bool first = true;
        for (const auto& [key, item] : value.as_object()) {
            if (!first) {
                out.push_back(',');
            }
            first = false;
            append_json_string(out, key);
            out.push_back(':');
            dump_into(out, item);
        }
        out.push_back('}');
        break;
    }
    }
}

void pretty_into(std::string& out, const Json& value, int depth)
{
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
    if (value.is_array() && value.size() > 0) {
        out += "[\n";
        bool first = true;
        for (const auto& item : value.as_array()) {
            out += first ? indent : ",\n" + indent;
            first = false;
            pretty_into(out, item, depth + 1);
        }
        out += "\n" + closing + "]";
        return;
    }
    if (value.is_object() && value.size() > 0) {
        out += "{\n";
        bool first = true;
        for (const auto& [key, item] : value.as_object()) {
            out += first ? indent : ",\n" + indent;
            first = false;
            append_json_string(out, key);
            out += " : ";
            pretty_into(out, item, depth + 1);
        }
        out += "\n" + closing + "}";
        return;
    }
    dump_into(out, value);
}

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

std::string Json::dump() const
{
    std::string out;
    dump_into(out, *this);
    return out;
}

std::string Json::dump_pretty() const
{
    std::string out;
    pretty_into(out, *this, 0);
    out += "\n";
    return out;
}

std::optional<Json> Json::parse(std::string_view text, std::string* error)
{
    return Parser(text).run(error);
}

bool operator==(const Json& left, const Json& right)
{
    if (left.is_number() && right.is_number()) {
        if (left.is_integer() && right.is_integer()) {
            return left.as_int() == right.as_int();
        }
        return left.as_double() == right.as_double();
    }
    if (left.type() != right.type()) {
        return false;
    }
    switch (left.type()) {
    case Json::Type::null: return true;
    case Json::Type::boolean: return left.as_bool() == right.as_bool();
    case Json::Type::string: return left.as_string() == right.as_string();
    case Json::Type::array: return left.as_array() == right.as_array();
    case Json::Type::object: {
        if (left.size() != right.size()) {
            return false;
        }
        for (const auto& [key, value] : left.as_object()) {
            const Json* other = right.find(key);
            if (other == nullptr || !(*other == value)) {
                return false;
            }
        }
        return true;
    }
    default: return false;
    }
}

}  // namespace aliasing::sim
