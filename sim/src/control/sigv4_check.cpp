#include "control/sigv4_check.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <map>
#include <vector>

namespace aliasing::sim {
namespace {

std::string sha256_raw(const std::string& data)
{
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(data);
    const auto& digest = engine.digest();
    return std::string(digest.begin(), digest.end());
}

std::string to_hex(const std::string& raw)
{
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}

std::string sha256(const std::string& data)
{
    return to_hex(sha256_raw(data));
}

/// RFC 2104 HMAC over SHA-256 (block size 64).
std::string hmac_raw(std::string key, const std::string& data)
{
    if (key.size() > 64) {
        key = sha256_raw(key);
    }
    key.resize(64, '\0');
    std::string inner(64, '\0');
    std::string outer(64, '\0');
    for (std::size_t i = 0; i < 64; ++i) {
        inner[i] = static_cast<char>(key[i] ^ 0x36);
        outer[i] = static_cast<char>(key[i] ^ 0x5c);
    }
    return sha256_raw(outer + sha256_raw(inner + data));
}

std::string encode(const std::string& text)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char ch : text) {
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
            ch == '_' || ch == '.' || ch == '~') {
            out.push_back(static_cast<char>(ch));
        } else {
            out += {'%', hex[ch >> 4], hex[ch & 15]};
        }
    }
    return out;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            return parts;
        }
        start = end + 1;
    }
}

/// The wire path normalised (no empty, "." or ".." segments) and encoded once more, as AWS does but for S3.
std::string canonical_uri(const std::string& path)
{
    std::vector<std::string> kept;
    for (const auto& segment : split(path, '/')) {
        if (segment == "..") {
            if (!kept.empty()) {
                kept.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            kept.push_back(segment);
        }
    }
    std::string out;
    for (const auto& segment : kept) {
        out += "/" + encode(segment);
    }
    if (out.empty()) {
        return "/";
    }
    return path.back() == '/' ? out + "/" : out;
}

std::string canonical_query(const HttpRequest& request)
{
    std::vector<std::pair<std::string, std::string>> params;
    for (const auto& [key, value] : parse_query(request.query)) {
        params.emplace_back(encode(key), encode(value));
    }
    std::sort(params.begin(), params.end());
    std::string out;
    for (const auto& [key, value] : params) {
        out += (out.empty() ? "" : "&") + key + "=" + value;
    }
    return out;
}

/// "Credential=K/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex" as a map.
std::map<std::string, std::string> auth_fields(const std::string& header)
{
    std::map<std::string, std::string> fields;
    const std::string prefix = "AWS4-HMAC-SHA256 ";
    if (header.rfind(prefix, 0) != 0) {
        return fields;
    }
    for (auto part : split(header.substr(prefix.size()), ',')) {
        part.erase(0, part.find_first_not_of(' '));
        const auto equals = part.find('=');
        if (equals != std::string::npos) {
            fields[part.substr(0, equals)] = part.substr(equals + 1);
        }
    }
    return fields;
}

std::string message(const std::string& text)
{
    return "{\"message\":\"" + text + "\"}";
}

}  // namespace

std::optional<std::string> SigV4Check::refuse(const HttpRequest& request) const
{
    const std::string* authorization = request.header("authorization");
    const std::string* date = request.header("x-amz-date");
    if (authorization == nullptr || date == nullptr) {
        return message("Missing Authentication Token");
    }
    auto fields = auth_fields(*authorization);
    const auto scope = split(fields["Credential"], '/');
    if (scope.size() != 5 || fields["SignedHeaders"].empty() || fields["Signature"].empty()) {
        return message("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
    }
    if (scope[0] != access_key_id) {
        return message("The security token included in the request is invalid.");
    }
    if (scope[2] != region || scope[4] != "aws4_request" || (scope[3] != "es" && scope[3] != "aoss") ||
        date->substr(0, 8) != scope[1]) {
        return message("Credential should be scoped to a valid region, service and date.");
    }
    std::string headers;
    bool host_signed = false;
    for (const auto& name : split(fields["SignedHeaders"], ';')) {
        const std::string* value = request.header(name);
        if (value == nullptr) {
            return message("The request signature we calculated does not match the signature you provided.");
        }
        host_signed = host_signed || name == "host";
        headers += name + ":" + *value + "\n";
    }
    const std::string body_hash = sha256(request.body);
    if (const std::string* claimed = request.header("x-amz-content-sha256"); claimed != nullptr && *claimed != body_hash) {
        return message("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    const std::string canonical = request.method + "\n" + canonical_uri(request.path) + "\n" + canonical_query(request) +
                                  "\n" + headers + "\n" + fields["SignedHeaders"] + "\n" + body_hash;
    const std::string credential_scope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request";
    const std::string to_sign = "AWS4-HMAC-SHA256\n" + *date + "\n" + credential_scope + "\n" + sha256(canonical);
    std::string key = hmac_raw("AWS4" + secret_access_key, scope[1]);
    for (const std::string& part : {scope[2], scope[3], std::string("aws4_request")}) {
        key = hmac_raw(key, part);
    }
    const std::string raw = hmac_raw(key, to_sign);
    const std::string expected = to_hex(raw);
    if (!host_signed || expected != fields["Signature"]) {
        return message("The request signature we calculated does not match the signature you provided. Check your "
                       "AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }
    return std::nullopt;
}

}  // namespace aliasing::sim
