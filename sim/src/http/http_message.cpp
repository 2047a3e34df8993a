#include "http/http_message.hpp"

namespace aliasing::sim {

const std::string* HttpRequest::header(std::string_view lower_name) const
{
    for (const auto& [name, value] : headers) {
        if (name == lower_name) {
            return &value;
        }
    }
    return nullptr;
}

namespace {

int hex_value(char ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
        return ch - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string percent_decode(std::string_view text, PlusMeaning plus)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out.push_back(static_cast<char>(high * 16 + low));
                i += 2;
                continue;
            }
        }
        if (ch == '+' && plus == PlusMeaning::space) {
            out.push_back(' ');
            continue;
        }
        out.push_back(ch);
    }
    return out;
}

StringPairs parse_query(std::string_view query)
{
    StringPairs params;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) {
            end = query.size();
        }
        const std::string_view part = query.substr(start, end - start);
        if (!part.empty()) {
            const std::size_t equals = part.find('=');
            if (equals == std::string_view::npos) {
                params.emplace_back(percent_decode(part, PlusMeaning::space), "");
            } else {
                params.emplace_back(percent_decode(part.substr(0, equals), PlusMeaning::space),
                                    percent_decode(part.substr(equals + 1), PlusMeaning::space));
            }
        }
        start = end + 1;
    }
    return params;
}

std::string_view reason_phrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Request Entity Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}

}  // namespace aliasing::sim
