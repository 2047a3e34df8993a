#include "aliasing/sim/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace aliasing::sim {

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

}  // namespace aliasing::sim
