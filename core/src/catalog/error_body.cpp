#include "aliasing/catalog/error_body.hpp"

#include <simdjson.h>

#include <string>

namespace aliasing {
namespace {
namespace od = simdjson::ondemand;

struct ErrorFields {
    bool has_error = false;
    bool has_status = false;
    std::int64_t status = 0;
    std::string type;    ///< error.type when error is an object
    std::string reason;  ///< error.reason, or error itself when it is a string
};

/// The top-level "error" and "status" of a JSON object; nothing when the body is not an object.
ErrorFields error_fields(std::string_view body) {
    ErrorFields out;
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || body[first] != '{') return out;
    simdjson::padded_string padded(body);
    od::parser parser;
    od::document doc;
    od::object root;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(root)) return out;
    for (auto field : root) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return {};
        if (key == "status") {
            out.has_status = !field.value().get_int64().get(out.status);
        } else if (key == "error") {
            od::json_type type;
            if (field.value().type().get(type)) return {};
            std::string_view text;
            if (type == od::json_type::string) {
                if (!field.value().get_string().get(text)) out.reason = std::string(text);
                out.has_error = true;
            } else if (type == od::json_type::object) {
                od::object error;
                if (field.value().get_object().get(error)) return {};
                for (auto part : error) {
                    std::string_view name;
                    if (part.unescaped_key().get(name)) return {};
                    if (name == "type" && !part.value().get_string().get(text)) out.type = std::string(text);
                    if (name == "reason" && !part.value().get_string().get(text))
                        out.reason = std::string(text);
                }
                out.has_error = true;
            }
        }
    }
    return out;
}

bool is_alias_missing(const ErrorFields& error) {
    const std::string_view reason = error.reason;
    return error.status == 404 && error.type.empty() && reason.rfind("alias [", 0) == 0 &&
           reason.size() >= 8 && reason.substr(reason.size() - 8) == " missing";
}

}  // namespace

Status check_not_error_body(std::string_view body, std::string_view origin, SavedBody kind) {
    const ErrorFields error = error_fields(body);
    if (!error.has_error || !error.has_status) return ok_status();
    if (kind == SavedBody::Aliases && is_alias_missing(error)) return ok_status();
    std::string what = "status " + std::to_string(error.status);
    what += error.type.empty() ? std::string(", no error type") : ", " + error.type;
    if (!error.reason.empty()) what += ": " + error.reason;
    const char* expected =
        kind == SavedBody::Catalog
            ? "the body of a successful GET _cat/indices/{index_base}-*?format=json&bytes=b"
            : "the body of a successful GET _alias/{alias_name} or GET {index_base}-*/_alias "
              "(only its 404 \"alias [x] missing\" body means no alias yet)";
    return make_error(ErrorKind::Usage, std::string(origin) + ": is an Elasticsearch error response (" +
                                            what + "), not " + expected +
                                            "; save the response again once the request "
                                            "succeeds");
}

}  // namespace aliasing
