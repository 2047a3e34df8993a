#pragma once
// Builders for Elasticsearch's error bodies (reference §0). Inside the API layer a handler aborts a request by
// throwing an ApiError, the way an Elasticsearch action aborts with an exception; the dispatcher turns it into
// the response. It never escapes the simulator.

#include "aliasing/sim/json.hpp"

#include <string>
#include <vector>

namespace aliasing::sim {

struct ApiError {
    int status = 500;
    Json body;
    std::vector<std::pair<std::string, std::string>> headers;
};

/// {"type":T,"reason":R,<metadata>} — the shape of root_cause items and of caused_by.
Json error_cause(std::string_view type, std::string_view reason, Json::Object metadata = {});
/// The full form: {"error":{"root_cause":[cause],"type","reason",<metadata>[,"caused_by"]},"status":N}.
ApiError full_error(int status, std::string_view type, std::string_view reason, Json::Object metadata = {},
                    const Json* caused_by = nullptr);
/// The simple form: {"error":"message","status":N}.
ApiError simple_error(int status, std::string_view message);

ApiError index_not_found(std::string_view name);
ApiError illegal_argument(std::string_view reason);
ApiError invalid_index_name(std::string_view name, std::string_view description);
ApiError index_closed(std::string_view name, std::string_view uuid);
ApiError alias_matches_expression(std::string_view expression);
ApiError aliases_not_found(const std::vector<std::string>& names);
ApiError resource_not_found(std::string_view reason);
ApiError validation_failed(const std::vector<std::string>& problems);
ApiError unrecognized_parameters(std::string_view path, const std::vector<std::string>& names);
ApiError bad_boolean(std::string_view value);
ApiError too_long_line();
ApiError too_long_header();

/// The body a fault rule answers with when it names only a status: a realistic error for that status.
Json default_fault_body(int status);

}  // namespace aliasing::sim
