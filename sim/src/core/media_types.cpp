#include "core/media_types.hpp"

#include <algorithm>
#include <cctype>

namespace aliasing::sim {
namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return text;
}

std::string without_spaces(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

bool is_vendor_type(const std::string& header)
{
    return lower(header).find("application/vnd.elasticsearch+") != std::string::npos;
}

/// The compatible-with=N of a vendor media type; nullopt when the header names none.
std::optional<int> compatible_version(const std::string* header)
{
    if (header == nullptr || !is_vendor_type(*header)) {
        return std::nullopt;
    }
    const std::string text = without_spaces(lower(*header));
    const std::size_t at = text.find("compatible-with=");
    if (at == std::string::npos) {
        return std::nullopt;
    }
    const std::size_t start = at + std::string_view("compatible-with=").size();
    std::size_t end = start;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) {
        ++end;
    }
    return end == start ? std::nullopt : std::optional<int>(std::stoi(text.substr(start, end - start)));
}

ApiError media_type_error(const std::string& cause)
{
    // MediaTypeHeaderException wrapping RestCompatibleVersionHelper's status_exception.
    const Json caused_by = error_cause("status_exception", cause);
    return full_error(400, "media_type_header_exception", "Invalid media-type value on headers [Content-Type, Accept]",
                      {}, &caused_by);
}

std::optional<ApiError> check_content_type_value(const HttpRequest& request, bool vendor_types)
{
    if (request.body.empty()) {
        return std::nullopt;
    }
    const std::string* type = request.header("content-type");
    if (type == nullptr) {
        return simple_error(406, "Content-Type header is missing");
    }
    const std::string media = without_spaces(lower(type->substr(0, type->find(';'))));
    static const char* const plain[] = {"application/json", "application/x-ndjson", "application/smile",
                                        "application/cbor", "application/yaml"};
    static const char* const vendor[] = {"application/vnd.elasticsearch+json",
                                         "application/vnd.elasticsearch+x-ndjson"};
    for (const char* name : plain) {
        if (media == name) {
            return std::nullopt;
        }
    }
    for (const char* name : vendor) {
        if (vendor_types && media == name) {
            return std::nullopt;
        }
    }
    return simple_error(406, "Content-Type header [" + *type + "] is not supported");
}

}  // namespace

std::optional<ApiError> check_media_types(const HttpRequest& request, const Version& version)
{
    if (version.opensearch()) {
        // OpenSearch knows no vendor types: a compat Content-Type is 406 (elastic/elasticsearch-php#1347).
        return check_content_type_value(request, false);
    }
    if (auto error = check_content_type_value(request, true)) {
        return error;
    }
    const std::string* accept_header = request.header("accept");
    const std::string* content_header = request.header("content-type");
    const std::optional<int> accept_given = compatible_version(accept_header);
    const std::optional<int> content_given = compatible_version(content_header);
    const int current = version.major;
    const int minimum = version.major == 7 ? 6 : version.major - 1;  // 7.x: 6 is never asked for in practice
    const int accept = accept_given.value_or(current);
    const int content = content_given.value_or(current);
    const std::string versions = std::to_string(current) + " or " + std::to_string(minimum);
    if (accept > current || accept < minimum) {
        return media_type_error("Accept version must be either version " + versions + ", but found " +
                                std::to_string(accept) + ". Accept=" + (accept_header ? *accept_header : ""));
    }
    if (!request.body.empty()) {
        if (content > current || content < minimum) {
            return media_type_error("Content-Type version must be either version " + versions + ", but found " +
                                    std::to_string(content) + ". Content-Type=" + *content_header);
        }
        if (content != accept) {
            return media_type_error("A compatible version is required on both Content-Type and Accept headers if "
                                    "either one has requested a compatible version and the compatible versions must "
                                    "match. Accept=" + (accept_header ? *accept_header : std::string("null")) +
                                    ", Content-Type=" + *content_header);
        }
        if (accept_given.has_value() != content_given.has_value()) {
            return media_type_error("A compatible version is required on both Content-Type and Accept headers if "
                                    "either one has requested a compatible version. Accept=" +
                                    (accept_header ? *accept_header : std::string("null")) +
                                    ", Content-Type=" + *content_header);
        }
    }
    return std::nullopt;
}

std::string response_media_type(const HttpRequest& request, const Version& version, int status)
{
    if (version.is_7x()) {
        return "application/json; charset=UTF-8";
    }
    if (status >= 400) {
        return "application/json;charset=utf-8";
    }
    const std::string* accept = request.header("accept");
    if (const auto wanted = compatible_version(accept)) {
        return "application/vnd.elasticsearch+json;compatible-with=" + std::to_string(*wanted);
    }
    return "application/json";
}

}  // namespace aliasing::sim
