#include "api/errors.hpp"

namespace aliasing::sim {

Json error_cause(std::string_view type, std::string_view reason, Json::Object metadata)
{
    Json cause = Json::object();
    cause["type"] = type;
    cause["reason"] = reason;
    for (auto& [key, value] : metadata) {
        cause[key] = std::move(value);
    }
    return cause;
}

ApiError full_error(int status, std::string_view type, std::string_view reason, Json::Object metadata,
                    const Json* caused_by)
{
    Json cause = error_cause(type, reason, std::move(metadata));
    Json error = Json::object();
    error["root_cause"] = Json(Json::Array{cause});
    for (const auto& [key, value] : cause.as_object()) {
        error[key] = value;
    }
    if (caused_by != nullptr) {
        error["caused_by"] = *caused_by;
    }
    Json body = Json::object();
    body["error"] = std::move(error);
    body["status"] = status;
    return ApiError{status, std::move(body), {}};
}

ApiError simple_error(int status, std::string_view message)
{
    Json body = Json::object();
    body["error"] = message;
    body["status"] = status;
    return ApiError{status, std::move(body), {}};
}

ApiError index_not_found(std::string_view name)
{
    return full_error(404, "index_not_found_exception", "no such index [" + std::string(name) + "]",
                      {{"resource.type", "index_or_alias"},
                       {"resource.id", name},
                       {"index_uuid", "_na_"},
                       {"index", name}});
}

ApiError illegal_argument(std::string_view reason)
{
    return full_error(400, "illegal_argument_exception", reason);
}

ApiError invalid_index_name(std::string_view name, std::string_view description)
{
    return full_error(400, "invalid_index_name_exception",
                      "Invalid index name [" + std::string(name) + "], " + std::string(description),
                      {{"index_uuid", "_na_"}, {"index", name}});
}

ApiError index_closed(std::string_view name, std::string_view uuid)
{
    return full_error(400, "index_closed_exception", "closed", {{"index_uuid", uuid}, {"index", name}});
}

ApiError alias_matches_expression(std::string_view expression)
{
    return illegal_argument("The provided expression [" + std::string(expression) +
                            "] matches an alias, specify the corresponding concrete indices instead.");
}

ApiError aliases_not_found(const std::vector<std::string>& names)
{
    std::string list;
    for (const auto& name : names) {
        list += (list.empty() ? "" : ", ") + name;
    }
    Json id = names.size() == 1 ? Json(names.front()) : Json::array();
    if (names.size() != 1) {
        for (const auto& name : names) {
            id.push_back(name);
        }
    }
    return full_error(404, "aliases_not_found_exception", "aliases [" + list + "] missing",
                      {{"resource.type", "aliases"}, {"resource.id", id}});
}

ApiError resource_not_found(std::string_view reason)
{
    return full_error(404, "resource_not_found_exception", reason);
}

ApiError validation_failed(const std::vector<std::string>& problems)
{
    std::string reason = "Validation Failed: ";
    int number = 1;
    for (const auto& problem : problems) {
        reason += std::to_string(number++) + ": " + problem + ";";
    }
    return full_error(400, "action_request_validation_exception", reason);
}

ApiError unrecognized_parameters(std::string_view path, const std::vector<std::string>& names)
{
    std::string reason = "request [" + std::string(path) + "] contains unrecognized parameter";
    reason += names.size() == 1 ? ": " : "s: ";
    bool first = true;
    for (const auto& name : names) {
        reason += (first ? "[" : ", [") + name + "]";
        first = false;
    }
    return illegal_argument(reason);
}

ApiError bad_boolean(std::string_view value)
{
    return illegal_argument("Failed to parse value [" + std::string(value) +
                            "] as only [true] or [false] are allowed.");
}

ApiError too_long_line()
{
    return full_error(400, "too_long_http_line_exception", "An HTTP line is larger than 4096 bytes.");
}

ApiError too_long_header()
{
    return full_error(400, "too_long_http_header_exception", "HTTP header is larger than 8192 bytes.");
}

Json default_fault_body(int status)
{
    switch (status) {
    case 400:
        return illegal_argument("simulated bad request").body;
    case 404:
        return index_not_found("simulated").body;
    case 408:
        return full_error(408, "timeout_exception", "simulated timeout").body;
    case 409:
        return full_error(409, "version_conflict_engine_exception", "simulated version conflict").body;
    case 429:
        return full_error(429, "es_rejected_execution_exception",
                          "rejected execution of org.elasticsearch.action.support.ChannelActionListener on "
                          "EsThreadPoolExecutor[name = sim-node-1/management, queue capacity = 100, "
                          "active threads = 5, queued tasks = 100, completed tasks = 12345]")
            .body;
    case 500:
        return full_error(500, "illegal_state_exception", "simulated internal error").body;
    case 502:
        return Json("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
                    "Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
    case 503:
        return full_error(503, "cluster_block_exception",
                          "blocked by: [SERVICE_UNAVAILABLE/2/no master];")
            .body;
    case 504:
        return Json("<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 "
                    "Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n");
    default:
        return full_error(status, "status_exception", "simulated failure with status " + std::to_string(status))
            .body;
    }
}

}  // namespace aliasing::sim
