#pragma once
/// One Elasticsearch node's base URL, parsed and validated without ever echoing credentials.

#include "aliasing/common/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace aliasing::cluster {

enum class Scheme { Http, Https };

/// A validated node URL: `http(s)://host[:port][/prefix]`.
struct NodeUrl {
    Scheme scheme = Scheme::Http;
    std::string host;       ///< DNS name or IP; IPv6 without brackets
    std::uint16_t port = 0; ///< explicit, or 80/443 from the scheme
    std::string base_path;  ///< "" or a proxy prefix such as "/es" (no trailing slash)

    /// `scheme://host:port/prefix`, safe to print.
    std::string to_string() const;
};

/// Parses and validates a node URL. Rejects other schemes, a missing host, a bad port, a query or fragment, and
/// credentials in the URL (Usage error telling to use the ALIASING_ES_* variables; the password is never echoed).
Result<NodeUrl> parse_node_url(std::string_view url);

/// The URL with any `user:password@` part replaced by `***@`, for messages.
std::string redact_url(std::string_view url);

}  // namespace aliasing::cluster
