#include "aliasing/cluster/es_error.hpp"

#include "aliasing/cluster/privileges.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace aliasing::cluster {
namespace {

constexpr std::size_t kMaxPathInMessage = 160;
constexpr std::size_t kMaxRawBodyInMessage = 200;

std::string raw_snippet(std::string_view body) {
    std::string out(body.substr(0, kMaxRawBodyInMessage));
    for (auto& c : out) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (body.size() > kMaxRawBodyInMessage) out += "...";
    return out;
}

}  // namespace

EsError parse_es_error(std::string_view body) {
    if (body.empty()) return {};
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(std::string(body)).extract<Poco::JSON::Object::Ptr>();
        if (!root || !root->has("error")) return {"", raw_snippet(body)};
        const auto error = root->get("error");
        if (error.isString()) return {"", error.toString()};
        const auto object = root->getObject("error");
        if (!object) return {"", raw_snippet(body)};
        // Only string members: a `type` that is an object is not an error type (found by fuzz_es_error: Poco would
        // print the object's JSON, longer than the body it came from).
        const auto text_of = [](const Poco::JSON::Object::Ptr& from, const std::string& key) {
            if (!from || !from->has(key)) return std::string();
            const auto value = from->get(key);
            return value.isString() ? value.extract<std::string>() : std::string();
        };
        EsError out{text_of(object, "type"), text_of(object, "reason")};
        if (const auto cause = object->getObject("caused_by")) {
            out.reason += " (caused by " + text_of(cause, "type") + ": " + text_of(cause, "reason") + ")";
        }
        return out;
    } catch (const std::exception&) {
        return {"", raw_snippet(body)};
    }
}

std::string describe_status(const HttpResponse& response) {
    const EsError error = parse_es_error(response.body);
    std::string out = std::to_string(response.status);
    if (!error.type.empty()) out += " " + error.type;
    if (!error.reason.empty()) out += (error.type.empty() ? " " : ": ") + error.reason;
    return out;
}

std::string describe_failure(Method method, std::string_view path, const HttpResponse& response) {
    return std::string(method_name(method)) + " " + path_for_message(path) + " failed: " + describe_status(response);
}

Error response_failure(Method method, std::string_view path, const HttpResponse& response, ErrorKind kind) {
    if (response.status == 401) {
        return make_error(ErrorKind::Unreachable,
                          "authentication failed: " + describe_failure(method, path, response) +
                              "; check ALIASING_ES_USERNAME/ALIASING_ES_PASSWORD or ALIASING_ES_API_KEY");
    }
    if (response.status == 403) {
        return make_error(ErrorKind::Unreachable,
                          "authorization failed: " + describe_failure(method, path, response) + "; the user needs " +
                              required_privilege(method, path) +
                              " (README, \"Privileges\", lists what each command needs)");
    }
    return make_error(kind, describe_failure(method, path, response));
}

std::string path_for_message(std::string_view path) {
    if (path.size() <= kMaxPathInMessage) return std::string(path);
    return std::string(path.substr(0, kMaxPathInMessage)) + "...(" + std::to_string(path.size()) + " bytes)";
}

}  // namespace aliasing::cluster
