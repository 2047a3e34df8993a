#pragma once
/// Turning an Elasticsearch error response into a message that carries the cluster's own type and reason.

#include "aliasing/cluster/http_exchange.hpp"
#include "aliasing/common/result.hpp"

#include <string>
#include <string_view>

namespace aliasing::cluster {

/// The `error.type` and `error.reason` of an error body. The simple form `{"error":"msg","status":N}` gives an
/// empty type and the message as reason; a body that is not JSON gives its first 200 bytes as reason.
struct EsError {
    std::string type;
    std::string reason;
};

EsError parse_es_error(std::string_view body);

/// "404 resource_not_found_exception: required alias [x] does not exist".
std::string describe_status(const HttpResponse& response);

/// "POST /_aliases failed: 404 resource_not_found_exception: required alias [x] does not exist".
std::string describe_failure(Method method, std::string_view path, const HttpResponse& response);

/// The error for a failed response: 401 is an authentication failure and 403 an authorization failure naming the
/// privilege the request needs (both ErrorKind::Unreachable, exit 5: a rerun cannot fix them); anything else is
/// `kind` with describe_failure()'s message.
Error response_failure(Method method, std::string_view path, const HttpResponse& response,
                       ErrorKind kind = ErrorKind::StepFailed);

/// The path for a message: long index lists are shortened to keep messages readable.
std::string path_for_message(std::string_view path);

}  // namespace aliasing::cluster
