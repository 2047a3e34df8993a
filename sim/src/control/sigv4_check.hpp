#pragma once
// aliasing-sim --aws-sigv4 KEY:SECRET --aws-region REGION: verifies every API request's AWS Signature Version 4
// like Amazon OpenSearch Service (service "es" or "aoss"), answering 403 with AWS's JSON body when it is missing
// or wrong. An implementation of its own (Poco's SHA-256/HMAC), apart from the tool's signer.

#include "http/http_message.hpp"

#include <optional>
#include <string>

namespace aliasing::sim {

struct SigV4Check {
    std::string access_key_id;
    std::string secret_access_key;
    std::string region;

    /// The 403 body ({"message":...}) for a request that is not correctly signed; nullopt when it is.
    std::optional<std::string> refuse(const HttpRequest& request) const;
};

}  // namespace aliasing::sim
