// GET|HEAD /_alias[/{name}], /{index}/_alias[/{name}] (reference §3).
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

#include <algorithm>
#include <set>

namespace aliasing::sim {
namespace {

struct NameFilter {
    std::vector<std::string> patterns;  // in order; "-x" excludes

    bool matches(const std::string& alias) const
    {
        bool matched = false;
        for (const auto& pattern : patterns) {
            if (pattern.size() > 1 && pattern.front() == '-') {
                if (simple_match(std::string_view(pattern).substr(1), alias)) {
                    matched = false;
                }
            } else if (pattern == "_all" || simple_match(pattern, alias)) {
                matched = true;
            }
        }
        return matched;
    }

    /// Concrete names that no index has and that no later "-pattern" excludes.
    std::vector<std::string> missing(const std::set<std::string>& found) const
    {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < patterns.size(); ++i) {
            const std::string& name = patterns[i];
            if (name == "_all" || has_wildcard(name) || name.front() == '-' || found.count(name) != 0) {
                continue;
            }
            bool excluded = false;
            for (std::size_t j = i + 1; j < patterns.size(); ++j) {
                const std::string& later = patterns[j];
                if (later.size() > 1 && later.front() == '-' && simple_match(std::string_view(later).substr(1), name)) {
                    excluded = true;
                }
            }
            if (!excluded) {
                names.push_back(name);
            }
        }
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        return names;
    }
};

}  // namespace

Reply handle_get_alias(Call& call)
{
    ResolveOptions options;
    options.expand = ExpandWildcards{true, true, true};
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    const bool local_given = call.param("local").has_value();
    call.flag("local", false);
    const bool name_given = call.has_var("name");
    const NameFilter filter{split_list(call.var("name"))};

    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto indices = resolve_indices(cluster, call.has_var("index") ? call.var("index") : "_all", options);

    Json found = Json::object();
    std::set<std::string> found_names;
    for (const auto& index_name : indices) {
        const Index& index = cluster.indices.at(index_name);
        Json aliases = Json::object();
        for (const auto& [alias, props] : index.aliases) {
            if (!name_given || filter.matches(alias)) {
                aliases[alias] = props.to_json();
                found_names.insert(alias);
            }
        }
        if (!name_given || aliases.size() > 0) {
            Json entry = Json::object();
            entry["aliases"] = std::move(aliases);
            found[index_name] = std::move(entry);
        }
    }
    const std::vector<std::string> missing = name_given ? filter.missing(found_names) : std::vector<std::string>{};

    Reply reply;
    if (!missing.empty()) {
        std::string list;
        for (const auto& name : missing) {
            list += (list.empty() ? "" : ",") + name;
        }
        Json body = Json::object();
        body["error"] = (missing.size() == 1 ? "alias [" : "aliases [") + list + "] missing";
        body["status"] = 404;
        for (auto& [key, value] : found.as_object()) {
            body[key] = std::move(value);
        }
        reply = json_reply(std::move(body), 404);
    } else {
        reply = json_reply(std::move(found));
    }
    if (call.is_head()) {
        const bool exists = missing.empty() && (!name_given || !found_names.empty());
        reply = empty_reply(exists ? 200 : 404);
    }
    if (local_given && !cluster.version.is_7x()) {
        reply.headers.emplace_back(
            "Warning", "299 Elasticsearch-" + cluster.version.text() +
                           " \"the [?local=true] query parameter to get-aliases requests has no effect and will be "
                           "removed in a future version\"");
    }
    return reply;
}

}  // namespace aliasing::sim
