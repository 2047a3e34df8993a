#include "control/basic_auth_check.hpp"

#include <Poco/Base64Decoder.h>

#include <sstream>

namespace aliasing::sim {
namespace {

constexpr const char* kChallenge = "Basic realm=\"security\", charset=\"UTF-8\"";

std::string decode_base64(const std::string& text)
{
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string out;
    char c = 0;
    while (decoder.get(c)) {
        out += c;
    }
    return out;
}

ApiError unauthorized(const std::string& reason)
{
    Json::Object metadata;
    Json challenges = Json::array();
    challenges.push_back(Json(kChallenge));
    challenges.push_back(Json("ApiKey"));
    Json header = Json::object();
    header["WWW-Authenticate"] = challenges;
    metadata.emplace_back("header", header);
    ApiError error = full_error(401, "security_exception", reason, metadata);
    error.headers.emplace_back("WWW-Authenticate", kChallenge);
    return error;
}

}  // namespace

std::optional<ApiError> BasicAuthCheck::refuse(const HttpRequest& request) const
{
    const std::string target = " for REST request [" + request.target + "]";
    const std::string* header = request.header("authorization");
    if (header == nullptr || header->rfind("Basic ", 0) != 0) {
        return unauthorized("missing authentication credentials" + target);
    }
    const std::string pair = decode_base64(header->substr(6));
    const auto colon = pair.find(':');
    const std::string user = pair.substr(0, colon);
    if (colon == std::string::npos || user != username || pair.substr(colon + 1) != password) {
        return unauthorized("unable to authenticate user [" + user + "]" + target);
    }
    return std::nullopt;
}

}  // namespace aliasing::sim
