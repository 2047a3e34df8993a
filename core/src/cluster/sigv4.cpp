#include "aliasing/cluster/sigv4.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>

namespace aliasing::cluster {
namespace {

std::string hex(const unsigned char* data, std::size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(digits[data[i] >> 4]);
        out.push_back(digits[data[i] & 15]);
    }
    return out;
}

std::string hmac(std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), out, &size);
    return std::string(reinterpret_cast<const char*>(out), size);
}

bool unreserved(unsigned char ch) {
    return std::isalnum(ch) != 0 || ch == '-' || ch == '_' || ch == '.' || ch == '~';
}

/// RFC 3986 encoding of everything but the unreserved characters, uppercase hex.
std::string uri_encode(std::string_view text) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto ch = static_cast<unsigned char>(c);
        if (unreserved(ch)) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(digits[ch >> 4]);
            out.push_back(digits[ch & 15]);
        }
    }
    return out;
}

std::string uri_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() + 0 && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

/// Removes empty, "." and ".." segments, then encodes each segment; keeps a trailing slash.
std::string canonical_path(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view segment = path.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& segment : segments) out += "/" + uri_encode(segment);
    const bool trailing = !segments.empty() && !path.empty() && path.back() == '/';
    return out.empty() ? "/" : (trailing ? out + "/" : out);
}

std::string canonical_query(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> params;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view part = query.substr(start, end - start);
        if (!part.empty()) {
            const std::size_t equals = part.find('=');
            params.emplace_back(uri_encode(uri_decode(part.substr(0, equals))),
                                equals == std::string_view::npos ? std::string()
                                                                 : uri_encode(uri_decode(part.substr(equals + 1))));
        }
        start = end + 1;
    }
    std::sort(params.begin(), params.end());
    std::string out;
    for (const auto& [key, value] : params) out += (out.empty() ? "" : "&") + key + "=" + value;
    return out;
}

std::string trimmed(std::string_view value) {
    std::string out;
    bool space = false;
    for (const char c : value) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return text;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    return hex(digest, sizeof digest);
}

SigV4Result sigv4_sign(const SigV4Request& request, const SigV4Config& config, std::time_t when) {
    std::tm tm{};
    gmtime_r(&when, &tm);
    char stamp[17];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    const std::string amz_date = stamp;
    const std::string date = amz_date.substr(0, 8);
    const std::string payload_hash = sha256_hex(request.body);

    SigV4Result result;
    result.headers.emplace_back("x-amz-date", amz_date);
    if (config.sign_body) result.headers.emplace_back("x-amz-content-sha256", payload_hash);
    const bool token = !config.credentials.session_token.empty();
    if (token && !config.omit_session_token) {
        result.headers.emplace_back("x-amz-security-token", config.credentials.session_token);
    }

    std::vector<std::pair<std::string, std::string>> signed_headers;
    for (const auto& [name, value] : request.headers) signed_headers.emplace_back(lower(name), trimmed(value));
    for (const auto& [name, value] : result.headers) signed_headers.emplace_back(name, value);
    std::sort(signed_headers.begin(), signed_headers.end());
    std::string header_block, header_names;
    for (const auto& [name, value] : signed_headers) {
        header_block += name + ":" + value + "\n";
        header_names += (header_names.empty() ? "" : ";") + name;
    }
    result.canonical_request = request.method + "\n" + canonical_path(request.path) + "\n" +
                               canonical_query(request.query) + "\n" + header_block + "\n" + header_names + "\n" +
                               payload_hash;
    const std::string scope = date + "/" + config.region + "/" + config.service + "/aws4_request";
    result.string_to_sign = "AWS4-HMAC-SHA256\n" + amz_date + "\n" + scope + "\n" + sha256_hex(result.canonical_request);
    std::string key = hmac("AWS4" + config.credentials.secret_access_key, date);
    key = hmac(key, config.region);
    key = hmac(key, config.service);
    key = hmac(key, "aws4_request");
    const std::string raw = hmac(key, result.string_to_sign);
    result.signature = hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    if (token && config.omit_session_token) {
        result.headers.emplace_back("x-amz-security-token", config.credentials.session_token);
    }
    result.headers.emplace_back("authorization", "AWS4-HMAC-SHA256 Credential=" + config.credentials.access_key_id +
                                                     "/" + scope + ", SignedHeaders=" + header_names +
                                                     ", Signature=" + result.signature);
    return result;
}

}  // namespace aliasing::cluster
