#include "api/router.hpp"

#include "cluster/resolve.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace aliasing::sim {
namespace {

constexpr std::array<std::pair<unsigned, std::string_view>, 6> method_names{{
    {method_get, "GET"},
    {method_post, "POST"},
    {method_put, "PUT"},
    {method_delete, "DELETE"},
    {method_options, "OPTIONS"},
    {method_head, "HEAD"},
}};

unsigned method_bit(std::string_view method)
{
    for (const auto& [bit, name] : method_names) {
        if (name == method) {
            return bit;
        }
    }
    return 0;
}

std::vector<std::string> path_segments(std::string_view path)
{
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start < path.size()) {
        if (path[start] == '/') {
            ++start;
            continue;
        }
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) {
            end = path.size();
        }
        segments.emplace_back(path.substr(start, end - start));
        start = end;
    }
    return segments;
}

struct Match {
    const Route* route = nullptr;
    std::vector<int> literalness;  // 1 per literal segment, 0 per variable: higher sorts first
    std::map<std::string, std::string> vars;
};

std::optional<Match> match_route(const Route& route, const std::vector<std::string>& segments)
{
    const std::vector<std::string> pattern = path_segments(route.pattern);
    if (pattern.size() != segments.size()) {
        return std::nullopt;
    }
    Match match;
    match.route = &route;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::string& part = pattern[i];
        if (part.front() == '{') {
            match.vars[part.substr(1, part.size() - 2)] = percent_decode(segments[i], PlusMeaning::literal);
            match.literalness.push_back(0);
        } else if (part == segments[i]) {
            match.literalness.push_back(1);
        } else {
            return std::nullopt;
        }
    }
    return match;
}

std::string allowed_list(unsigned methods, std::string_view separator)
{
    std::string out;
    for (const auto& [bit, name] : method_names) {
        if ((methods & bit) != 0 && bit != method_options) {
            out += (out.empty() ? "" : std::string(separator)) + std::string(name);
        }
    }
    return out;
}

Reply error_reply(const ApiError& error)
{
    Reply reply = json_reply(error.body, error.status);
    reply.headers = error.headers;
    return reply;
}

const std::vector<std::string>& common_params()
{
    // AbstractRestChannel consumes format, filter_path, pretty and human on every endpoint.
    static const std::vector<std::string> names{"pretty", "human", "error_trace", "filter_path", "source",
                                                "source_content_type", "format"};
    return names;
}

// Every route matching the path, most literal first.
std::vector<Match> sorted_matches(const std::vector<Route>& routes, std::string_view path)
{
    const std::vector<std::string> segments = path_segments(path);
    std::vector<Match> matches;
    for (const auto& route : routes) {
        if (auto match = match_route(route, segments)) {
            matches.push_back(std::move(*match));
        }
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match& left, const Match& right) { return left.literalness > right.literalness; });
    return matches;
}

}  // namespace

bool accepts_gated_param(const Version& version, std::string_view name)
{
    if (name == "wait_for_completion") {
        return version.has_async_forcemerge();
    }
    return !version.is_7x();
}

bool removed_param(const Version& version, const Route& route, std::string_view name)
{
    // elastic/elasticsearch#115393 (9.0): the alias APIs no longer take `local`.
    return version.is_9x() && name == "local" && route.pattern.find("_alias") != std::string::npos;
}

Router::Router() : m_routes(all_routes()) {}

Applied Router::applied(const HttpRequest& request) const
{
    const unsigned bit = method_bit(request.method);
    for (const auto& match : sorted_matches(m_routes, request.path)) {
        if ((match.route->methods & bit) != 0) {
            return match.route->applied;
        }
    }
    return Applied::directly;
}

Reply Router::dispatch(const HttpRequest& request, SimState& state) const
{
    const std::vector<Match> matches = sorted_matches(m_routes, request.path);
    if (matches.empty()) {
        Json body = Json::object();
        body["error"] = "no handler found for uri [" + request.target + "] and method [" + request.method + "]";
        return json_reply(std::move(body), 400);
    }
    const unsigned bit = method_bit(request.method);
    unsigned allowed = 0;
    for (const auto& match : matches) {
        allowed |= match.route->methods;
    }
    const Match* chosen = nullptr;
    for (const auto& match : matches) {
        if ((match.route->methods & bit) != 0) {
            chosen = &match;
            break;
        }
    }
    if (chosen == nullptr) {
        if (bit == method_options) {
            Reply reply = empty_reply(200);
            reply.headers.emplace_back("Allow", allowed_list(allowed, ","));
            return reply;
        }
        ApiError error = simple_error(405, "Incorrect HTTP method for uri [" + request.target + "] and method [" +
                                               request.method + "], allowed: [" + allowed_list(allowed, ", ") + "]");
        Reply reply = error_reply(error);
        reply.headers.emplace_back("Allow", allowed_list(allowed, ","));
        return reply;
    }
    try {
        const Route& route = *chosen->route;
        const Version version = [&] {
            const std::lock_guard<std::mutex> guard(state.mutex);
            return state.cluster.version;
        }();
        std::vector<std::string> unknown;
        for (const auto& [name, value] : request.params) {
            const auto known = [&name = name](const std::vector<std::string>& list) {  // clang 14: no binding capture
                return std::find(list.begin(), list.end(), name) != list.end();
            };
            const bool accepted =
                !removed_param(version, route, name) &&
                (known(common_params()) || known(route.params) ||
                 (known(route.params_8x) && accepts_gated_param(version, name)));
            if (!accepted && std::find(unknown.begin(), unknown.end(), name) == unknown.end()) {
                unknown.push_back(name);
            }
        }
        if (!unknown.empty()) {
            throw unrecognized_parameters(request.path, unknown);
        }
        Call call(request, state, chosen->vars);
        return route.handler(call);
    } catch (const ApiError& error) {
        return error_reply(error);
    }
}

}  // namespace aliasing::sim
