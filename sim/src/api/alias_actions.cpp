#include "api/alias_actions.hpp"

#include "cluster/resolve.hpp"

#include <algorithm>
#include <set>

namespace aliasing::sim {
namespace {

struct FinalAction {
    AliasActionType type;
    std::string index;
    std::string alias;  // empty for remove_index
    const AliasAction* origin;
};

std::vector<std::string> resolve_action_indices(const Cluster& cluster, const AliasAction& action)
{
    ResolveOptions options;
    options.aliases = AliasUse::refuse;
    options.expand = ExpandWildcards{true, false, false};
    options.ignore_unavailable = false;
    options.allow_no_indices = false;
    std::set<std::string> names;
    for (const auto& expression : action.index_expressions) {
        for (auto& name : resolve_indices(cluster, expression, options)) {
            names.insert(std::move(name));
        }
    }
    return {names.begin(), names.end()};
}

ApiError invalid_alias(std::string_view alias, std::string_view description)
{
    return full_error(400, "invalid_alias_name_exception",
                      "Invalid alias name [" + std::string(alias) + "], " + std::string(description));
}

void check_write_indices(const Cluster& cluster)
{
    std::map<std::string, std::vector<std::string>> writers;
    for (const auto& [name, index] : cluster.indices) {
        for (const auto& [alias, props] : index.aliases) {
            if (props.is_write_index.value_or(false)) {
                writers[alias].push_back(name);
            }
        }
    }
    for (const auto& [alias, names] : writers) {
        if (names.size() > 1) {
            std::string list;
            for (const auto& name : names) {
                list += (list.empty() ? "" : ",") + name;
            }
            throw full_error(500, "illegal_state_exception",
                             "alias [" + alias + "] has more than one write index [" + list + "]");
        }
    }
}

std::string comma_list(const std::vector<std::string>& names)
{
    std::string list;
    for (const auto& name : names) {
        list += (list.empty() ? "" : ",") + name;
    }
    return list;
}

// IndexAbstraction.Alias: every index of an alias must agree on is_hidden (IllegalStateException, 500).
void check_hidden_agreement(const Cluster& cluster)
{
    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> by_alias;
    for (const auto& [name, index] : cluster.indices) {
        for (const auto& [alias, props] : index.aliases) {
            auto& [hidden, visible] = by_alias[alias];
            (props.is_hidden.value_or(false) ? hidden : visible).push_back(name);
        }
    }
    for (const auto& [alias, groups] : by_alias) {
        if (!groups.first.empty() && !groups.second.empty()) {
            throw full_error(500, "illegal_state_exception",
                             "alias [" + alias + "] has is_hidden set to true on indices [" + comma_list(groups.first) +
                                 "] but does not have is_hidden set to true on indices [" +
                                 comma_list(groups.second) + "]; alias must have the same is_hidden setting on all "
                                 "indices");
        }
    }
}

std::string_view type_name(AliasActionType type)
{
    switch (type) {
    case AliasActionType::add: return "add";
    case AliasActionType::remove: return "remove";
    case AliasActionType::remove_index: return "remove_index";
    }
    return "add";
}

Json action_result(const AliasAction& action, const std::vector<std::string>& indices, bool found)
{
    Json description = Json::object();
    description["type"] = type_name(action.type);
    Json index_list = Json::array();
    for (const auto& name : indices) {
        index_list.push_back(name);
    }
    description["indices"] = std::move(index_list);
    Json alias_list = Json::array();
    for (const auto& alias : action.aliases) {
        alias_list.push_back(alias);
    }
    description["aliases"] = std::move(alias_list);
    Json result = Json::object();
    result["action"] = std::move(description);
    result["status"] = found ? 200 : 404;
    if (!found) {
        Json error = aliases_not_found(action.aliases).body["error"];
        error.erase("root_cause");
        result["error"] = std::move(error);
    }
    return result;
}

}  // namespace

Reply apply_alias_actions(Cluster& cluster, const std::vector<AliasAction>& actions)
{
    // 1. Resolve every action; any resolution error fails the request before anything changes.
    std::vector<FinalAction> finals;
    std::vector<std::vector<std::string>> resolved_indices;
    std::vector<bool> action_found;
    std::set<std::string> all_aliases;
    for (const auto& action : actions) {
        const auto indices = resolve_action_indices(cluster, action);
        resolved_indices.push_back(indices);
        const std::size_t before = finals.size();
        all_aliases.insert(action.aliases.begin(), action.aliases.end());
        for (const auto& index_name : indices) {
            const Index& index = cluster.indices.at(index_name);
            switch (action.type) {
            case AliasActionType::add:
                for (const auto& alias : action.aliases) {
                    finals.push_back({action.type, index_name, alias, &action});
                }
                break;
            case AliasActionType::remove_index:
                finals.push_back({action.type, index_name, "", &action});
                break;
            case AliasActionType::remove:
                for (const auto& pattern : action.aliases) {
                    if (action.must_exist.value_or(false) && !has_wildcard(pattern) && pattern != "_all") {
                        finals.push_back({action.type, index_name, pattern, &action});
                        continue;
                    }
                    for (const auto& [alias, props] : index.aliases) {
                        if (pattern == "_all" || simple_match(pattern, alias)) {
                            finals.push_back({action.type, index_name, alias, &action});
                        }
                    }
                }
                break;
            }
        }
        action_found.push_back(finals.size() > before);
    }
    if (finals.empty()) {
        throw aliases_not_found({all_aliases.begin(), all_aliases.end()});
    }

    // 2. Apply all of them to a copy; commit only when every one succeeded.
    Cluster next = cluster;
    for (const auto& action : finals) {
        auto found = next.indices.find(action.index);
        if (found == next.indices.end()) {
            throw index_not_found(action.index);
        }
        Index& index = found->second;
        switch (action.type) {
        case AliasActionType::add: {
            if (const std::string broken = name_rule_broken(action.alias, NameKind::alias); !broken.empty()) {
                throw invalid_alias(action.alias, broken);
            }
            if (const auto& routing = action.origin->props.index_routing;
                routing && routing->find(',') != std::string::npos) {
                throw illegal_argument("alias [" + action.alias +
                                       "] has several index routing values associated with it");
            }
            if (next.indices.count(action.alias) != 0) {
                const std::string suffix = cluster.version.is_7x() && !cluster.version.at_least(7, 17)
                                               ? "an index exists with the same name as the alias"
                                               : "an index or data stream exists with the same name as the alias";
                throw full_error(400, "invalid_alias_name_exception",
                                 "Invalid alias name [" + action.alias + "]: " + suffix,
                                 {{"index_uuid", index.uuid}, {"index", index.name}});
            }
            index.aliases[action.alias] = action.origin->props;
            break;
        }
        case AliasActionType::remove:
            if (index.aliases.erase(action.alias) == 0 && action.origin->must_exist.value_or(false)) {
                // OpenSearch 2.12+ (PR #11210) names it like a missing alias; Elasticsearch 7.11+ differently.
                if (cluster.version.opensearch()) {
                    throw aliases_not_found({action.alias});
                }
                throw resource_not_found("required alias [" + action.alias + "] does not exist");
            }
            break;
        case AliasActionType::remove_index:
            next.indices.erase(found);
            break;
        }
    }
    check_write_indices(next);
    check_hidden_agreement(next);
    cluster.indices = std::move(next.indices);

    Json body = Json::object();
    body["acknowledged"] = true;
    if (cluster.version.at_least(8, 14)) {
        const bool errors = std::find(action_found.begin(), action_found.end(), false) != action_found.end();
        body["errors"] = errors;
        if (errors) {
            Json results = Json::array();
            for (std::size_t i = 0; i < actions.size(); ++i) {
                results.push_back(action_result(actions[i], resolved_indices[i], action_found[i]));
            }
            body["action_results"] = std::move(results);
        }
    }
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
