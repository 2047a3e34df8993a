#pragma once
// Routes a request to its handler the way Elasticsearch's RestController does: literal path segments win over
// {variables}, a path with no route gives 400 "no handler found", a known path with the wrong method gives 405
// with an Allow header, and parameters a handler does not consume give 400 "unrecognized parameter".

#include "api/call.hpp"

#include <string>
#include <vector>

namespace aliasing::sim {

using Handler = Reply (*)(Call&);

enum MethodBit : unsigned {
    method_get = 1U,
    method_post = 2U,
    method_put = 4U,
    method_delete = 8U,
    method_options = 16U,
    method_head = 32U,
};

/// Whether a route's changes go through the master's ordered queue of cluster-state updates (MasterQueue).
enum class Applied { directly, by_master };

struct Route {
    unsigned methods = 0;
    std::string pattern;               ///< e.g. "/{index}/_alias/{name}"
    Handler handler = nullptr;
    std::vector<std::string> params;     ///< accepted in every version
    /// accepted only where the version has them (accepts_gated_param): unrecognized in 7.17 and OpenSearch
    /// unless the parameter says otherwise (wait_for_completion on _forcemerge: ES 8.1+, OpenSearch 2.7+)
    std::vector<std::string> params_8x;
    Applied applied = Applied::directly;
};

/// Whether `version` knows the gated parameter `name` of a route's params_8x.
bool accepts_gated_param(const Version& version, std::string_view name);
/// Whether `version` removed `name` from the route (9.x: `local` on the alias APIs).
bool removed_param(const Version& version, const Route& route, std::string_view name);

/// Every Elasticsearch route the simulator serves.
std::vector<Route> all_routes();

class Router {
public:
    Router();
    /// Answers one ES API request (never a /_sim/ one). ApiErrors become error replies.
    Reply dispatch(const HttpRequest& request, SimState& state) const;
    /// How the route that would handle `request` applies it; `directly` when no route does.
    Applied applied(const HttpRequest& request) const;

private:
    std::vector<Route> m_routes;
};

}  // namespace aliasing::sim
