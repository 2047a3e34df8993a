// POST /_aliases, PUT|POST /{index}/_alias/{name}, DELETE /{index}/_alias/{name} (reference §4).
#include "api/alias_actions.hpp"
#include "api/handlers.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {

Reply handle_update_aliases(Call& call)
{
    call.duration("timeout", std::chrono::seconds(30));
    call.duration("master_timeout", std::chrono::seconds(30));
    const auto actions = parse_alias_actions(call.body(), call.version().has_must_exist());
    const auto guard = call.lock();
    return apply_alias_actions(call.cluster(), actions);
}

Reply handle_put_alias(Call& call)
{
    AliasAction action;
    action.type = AliasActionType::add;
    action.index_expressions = {call.var("index")};
    action.aliases = split_list(call.var("name"));
    action.props = parse_alias_props(call.body());
    const auto guard = call.lock();
    return apply_alias_actions(call.cluster(), {action});
}

Reply handle_delete_alias(Call& call)
{
    AliasAction action;
    action.type = AliasActionType::remove;
    action.index_expressions = {call.var("index")};
    action.aliases = split_list(call.var("name"));
    const auto guard = call.lock();
    return apply_alias_actions(call.cluster(), {action});
}

}  // namespace aliasing::sim
