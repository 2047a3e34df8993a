#pragma once
/// The vocabulary of one HTTP exchange with a node: method, replay safety, response.

#include <string>
#include <string_view>

namespace aliasing::cluster {

enum class Method { Get, Head, Post, Put, Delete };

/// The method's name on the wire ("GET", ...).
std::string_view method_name(Method method);

/// May the Transport repeat a request whose connection failed after it was sent?
enum class Replay {
    Safe,                  ///< GET/HEAD, idempotent PUT settings, health: repeating cannot change the outcome
    OutcomeUnknownIsError, ///< POST _aliases, DELETE, forcemerge: report "outcome unknown" and let the caller re-read
};

/// A complete response from a node. Any status, including ≥ 400, is a response and not an error.
struct HttpResponse {
    int status = 0;
    std::string body;
    std::string content_type;
    bool elastic_product_header = false;  ///< `X-Elastic-Product: Elasticsearch` was present
    bool timed_out_header = false;        ///< `X-Timed-Out: true` (Elasticsearch 9.x: a server-side timeout elapsed)
};

}  // namespace aliasing::cluster
