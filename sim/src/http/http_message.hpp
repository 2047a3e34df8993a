#pragma once
// One HTTP/1.1 exchange as the simulator's dispatcher sees it.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aliasing::sim {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

/// Why the connection layer could not read a well-formed request (the dispatcher answers as Elasticsearch would).
enum class RequestDefect { none, line_too_long, header_too_long, malformed };

struct HttpRequest {
    std::string method;
    std::string version;       ///< "HTTP/1.1" or "HTTP/1.0"
    std::string target;        ///< the raw request-target, e.g. /_cat/indices?format=json
    std::string path;          ///< target without the query, still percent-encoded
    std::string query;         ///< raw query string without '?'
    StringPairs params;        ///< decoded query parameters in order
    StringPairs headers;       ///< header names lower-cased
    std::string body;
    std::size_t line_bytes = 0;  ///< length of the request line without CRLF
    RequestDefect defect = RequestDefect::none;

    /// The first header with this (lower-case) name, or nullptr.
    const std::string* header(std::string_view lower_name) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type;
    StringPairs headers;
    std::string body;
};

/// Whether the connection layer writes the response or closes the connection without answering.
enum class Delivery { send, drop };

struct Outcome {
    HttpResponse response;
    Delivery delivery = Delivery::send;
};

using RequestHandler = std::function<Outcome(const HttpRequest&)>;

/// Percent-decoding ('+' becomes a space only when `plus_is_space`).
enum class PlusMeaning { literal, space };
std::string percent_decode(std::string_view text, PlusMeaning plus);

/// Splits a query string into decoded key/value pairs; a key without '=' gets an empty value.
StringPairs parse_query(std::string_view query);

/// Standard reason phrase for a status code.
std::string_view reason_phrase(int status);

}  // namespace aliasing::sim
