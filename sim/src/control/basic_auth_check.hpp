#pragma once
// aliasing-sim --basic-auth USER:PASSWORD: every API request must carry that user's basic auth, as a cluster with
// security on demands. Missing or wrong credentials are refused with the 401 Elasticsearch's security answers
// (security_exception, WWW-Authenticate); the /_sim/ controls stay open.

#include "api/errors.hpp"
#include "http/http_message.hpp"

#include <optional>
#include <string>

namespace aliasing::sim {

struct BasicAuthCheck {
    std::string username;
    std::string password;

    /// The 401 for a request without these credentials; nullopt when it carries them.
    std::optional<ApiError> refuse(const HttpRequest& request) const;
};

}  // namespace aliasing::sim
