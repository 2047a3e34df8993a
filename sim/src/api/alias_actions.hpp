#pragma once
// The alias transport action shared by POST /_aliases, PUT and DELETE /{index}/_alias/{name} (reference §4):
// every action is resolved first, then all are applied to a copy of the cluster in one step.

#include "api/call.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aliasing::sim {

enum class AliasActionType { add, remove, remove_index };

struct AliasAction {
    AliasActionType type = AliasActionType::add;
    std::vector<std::string> index_expressions;
    std::vector<std::string> aliases;
    AliasProps props;
    std::optional<bool> must_exist;
};

/// Parses the body of POST /_aliases. Throws ApiError (400) on a malformed body. Without `must_exist_known`
/// (Elasticsearch before 7.11, OpenSearch before 2.12) `must_exist` is "[remove] unknown field [must_exist]".
std::vector<AliasAction> parse_alias_actions(const Json& body, bool must_exist_known = true);

/// Parses the optional body of PUT /{index}/_alias/{name} into alias properties.
AliasProps parse_alias_props(const Json& body);

/// Resolves and applies the actions atomically; returns the acknowledged body. Throws ApiError.
/// The caller holds the cluster lock.
Reply apply_alias_actions(Cluster& cluster, const std::vector<AliasAction>& actions);

}  // namespace aliasing::sim
