#pragma once
/// A saved response body that is an Elasticsearch error (`{"error":...,"status":N}`) instead of the data
/// `plan` needs. Only the documented 404 of `GET _alias/{name}` (`{"error":"alias [x]
/// missing","status":404}`) means "no alias yet"; any other error body given as --catalog or --aliases would
/// plan a wrong change.

#include "aliasing/common/result.hpp"

#include <string_view>

namespace aliasing {

enum class SavedBody { Catalog, Aliases };

/// A usage error naming `origin` (the file), the status and the error type when `body` is an error response
/// that is not acceptable as `kind`; ok otherwise (including bodies that are not JSON: their own parser says
/// why).
Status check_not_error_body(std::string_view body, std::string_view origin, SavedBody kind);

}  // namespace aliasing
