#pragma once
// Content-Type and Accept per line (opensearch-and-es9.md §1 "Media types", §2): Elasticsearch's compatible-with
// versions (RestCompatibleVersionHelper: 7.x accepts 7, 8.x accepts 7 and 8, 9.x accepts 8 and 9; both headers
// must agree), OpenSearch's 406 to the vendor types, and the Content-Type of the response.

#include "api/errors.hpp"
#include "cluster/version.hpp"
#include "http/http_message.hpp"

#include <optional>
#include <string>

namespace aliasing::sim {

/// The 406 (missing or unsupported Content-Type) or 400 media_type_header_exception a request's headers earn on
/// this version, or nothing when they are acceptable.
std::optional<ApiError> check_media_types(const HttpRequest& request, const Version& version);

/// The Content-Type of a JSON response to `request` with `status` on this version.
std::string response_media_type(const HttpRequest& request, const Version& version, int status);

}  // namespace aliasing::sim
