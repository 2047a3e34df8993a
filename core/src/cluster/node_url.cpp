#include "aliasing/cluster/node_url.hpp"

#include <cctype>

namespace aliasing::cluster {
namespace {

constexpr std::string_view kSchemeSeparator = "://";

Error usage(std::string message) { return make_error(ErrorKind::Usage, std::move(message)); }

bool is_host_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

}  // namespace

std::string NodeUrl::to_string() const {
    std::string out = scheme == Scheme::Https ? "https://" : "http://";
    out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    out += ":" + std::to_string(port) + base_path;
    return out;
}

std::string redact_url(std::string_view url) {
    const auto scheme_end = url.find(kSchemeSeparator);
    const std::size_t authority_begin = scheme_end == std::string_view::npos ? 0 : scheme_end + kSchemeSeparator.size();
    auto authority_end = url.find_first_of("/?#", authority_begin);
    if (authority_end == std::string_view::npos) authority_end = url.size();
    const auto at = url.rfind('@', authority_end == 0 ? 0 : authority_end - 1);
    if (at == std::string_view::npos || at < authority_begin || at >= authority_end) return std::string(url);
    return std::string(url.substr(0, authority_begin)) + "***" + std::string(url.substr(at));
}

Result<NodeUrl> parse_node_url(std::string_view url) {
    const std::string shown = redact_url(url);
    const auto fail = [&](std::string_view what) {
        return usage("invalid cluster URL '" + shown + "': " + std::string(what) +
                     "; expected http(s)://host[:port], e.g. https://es.example.com:9200");
    };
    NodeUrl node;
    const auto scheme_end = url.find(kSchemeSeparator);
    if (scheme_end == std::string_view::npos) return fail("missing scheme");
    std::string scheme(url.substr(0, scheme_end));
    for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme == "http") {
        node.scheme = Scheme::Http;
    } else if (scheme == "https") {
        node.scheme = Scheme::Https;
    } else {
        return fail("the scheme must be http or https");
    }
    const std::size_t authority_begin = scheme_end + kSchemeSeparator.size();
    auto authority_end = url.find_first_of("/?#", authority_begin);
    if (authority_end == std::string_view::npos) authority_end = url.size();
    std::string_view authority = url.substr(authority_begin, authority_end - authority_begin);
    if (authority.find('@') != std::string_view::npos) {
        return usage("cluster URL '" + shown +
                     "' contains credentials; remove them from the URL and set ALIASING_ES_USERNAME and "
                     "ALIASING_ES_PASSWORD (or ALIASING_ES_API_KEY, or their *_FILE variants) instead");
    }
    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return fail("unterminated IPv6 address");
        node.host = std::string(authority.substr(1, close - 1));
        std::string_view rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return fail("unexpected text after the IPv6 address");
            port_text = rest.substr(1);
            if (port_text.empty()) return fail("empty port");
        }
        if (node.host.empty()) return fail("missing host");
        for (char c : node.host) {
            if (std::isxdigit(static_cast<unsigned char>(c)) == 0 && c != ':' && c != '.') return fail("bad IPv6 address");
        }
    } else {
        const auto colon = authority.find(':');
        node.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            port_text = authority.substr(colon + 1);
            if (port_text.empty()) return fail("empty port");
        }
        if (node.host.empty()) return fail("missing host");
        for (char c : node.host) {
            if (!is_host_char(c)) return fail("the host contains an invalid character");
        }
    }
    if (port_text.empty()) {
        node.port = node.scheme == Scheme::Https ? 443 : 80;
    } else {
        unsigned long port = 0;
        if (port_text.size() > 5) return fail("the port must be a number from 1 to 65535");
        for (char c : port_text) {
            if (std::isdigit(static_cast<unsigned char>(c)) == 0) return fail("the port must be a number from 1 to 65535");
            port = port * 10 + static_cast<unsigned long>(c - '0');
        }
        if (port == 0 || port > 65535) return fail("the port must be a number from 1 to 65535");
        node.port = static_cast<std::uint16_t>(port);
    }
    std::string_view rest = url.substr(authority_end);
    if (rest.find_first_of("?#") != std::string_view::npos) return fail("a query or fragment is not allowed");
    for (char c : rest) {
        if (std::isgraph(static_cast<unsigned char>(c)) == 0) return fail("the path contains a space or control character");
    }
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    node.base_path = std::string(rest);
    return node;
}

}  // namespace aliasing::cluster
