#pragma once
/// AWS Signature Version 4 for Amazon OpenSearch Service and Amazon Elasticsearch Service (SPEC §14): canonical
/// request, string to sign, signature and the headers to add, with OpenSSL's HMAC/SHA-256. Pure: the caller gives
/// the time. Holds secrets: never print a SigV4Credentials or a signature.

#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace aliasing::cluster {

struct SigV4Credentials {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;  ///< empty: long-term credentials
};

struct SigV4Config {
    std::string region;           ///< e.g. "eu-west-1"
    std::string service = "es";   ///< "es" (managed domains) or "aoss" (serverless)
    SigV4Credentials credentials;
    bool sign_body = true;        ///< add and sign x-amz-content-sha256 (aoss requires it)
    bool omit_session_token = false;  ///< add x-amz-security-token after signing instead of signing it
};

/// One request as it goes on the wire: `path` and `query` exactly as sent (the path is normalised and
/// URI-encoded once more for the canonical request, as AWS does for every service but S3).
struct SigV4Request {
    std::string method;
    std::string path;
    std::string query;  ///< without '?'
    std::vector<std::pair<std::string, std::string>> headers;  ///< signed; must include host
    std::string body;
};

struct SigV4Result {
    std::string canonical_request;
    std::string string_to_sign;
    std::string signature;  ///< hex
    /// Headers to add to the request: x-amz-date, x-amz-content-sha256, x-amz-security-token, authorization.
    std::vector<std::pair<std::string, std::string>> headers;
};

/// Signs `request` at `when` (UTC seconds).
SigV4Result sigv4_sign(const SigV4Request& request, const SigV4Config& config, std::time_t when);

/// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace aliasing::cluster
