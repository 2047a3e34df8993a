// PUT /{index} (create), DELETE /{index}, GET|HEAD /{index}, POST /{index}/_open|_close (reference §10, §12).
#include "api/alias_actions.hpp"
#include "api/handlers.hpp"
#include "api/index_settings.hpp"
#include "cluster/mapping.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

Json acknowledged()
{
    Json body = Json::object();
    body["acknowledged"] = true;
    return body;
}

void check_destructive(const Cluster& cluster, const std::string& expression)
{
    if (!cluster.requires_name_for_destructive() || expression == "*,-*") {
        return;
    }
    const auto parts = split_list(expression);
    bool wildcard = parts.empty();
    for (const auto& part : parts) {
        wildcard = wildcard || part == "_all" || has_wildcard(part);
    }
    if (wildcard) {
        throw illegal_argument("Wildcard expressions or all indices are not allowed");
    }
}

ResolveOptions destructive_options(const Call& call)
{
    ResolveOptions options;
    options.aliases = AliasUse::refuse;
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    return options;
}

}  // namespace

Reply handle_create_index(Call& call)
{
    const std::string name = call.var("index");
    const Json body = call.body();
    Index index;
    index.name = name;
    index.uuid = random_uuid();
    index.creation_date_millis = epoch_millis_now();
    FlatSettings settings;
    std::vector<std::pair<std::string, AliasProps>> aliases;
    if (!body.is_null()) {
        if (!body.is_object()) {
            throw full_error(400, "parse_exception", "Failed to parse content to map");
        }
        for (const auto& [key, value] : body.as_object()) {
            if (key == "settings") {
                settings = normalize_settings_body(value);
            } else if (key == "aliases") {
                if (!value.is_object()) {
                    throw full_error(400, "parse_exception", "key [aliases] must be an object");
                }
                for (const auto& [alias, props] : value.as_object()) {
                    aliases.emplace_back(alias, parse_alias_props(props));
                }
            } else if (key == "mappings") {
                if (const std::string problem = mapping_problem(value); !problem.empty()) {
                    throw full_error(400, "mapper_parsing_exception", problem);
                }
                index.mappings = value;
            } else {
                throw full_error(400, "parse_exception", "unknown key [" + key + "] for create index");
            }
        }
    }
    for (const auto& [key, value] : settings) {
        if (setting_kind(key) == SettingKind::unknown) {
            throw illegal_argument("unknown setting [" + key +
                                   "] please check that any required plugins are installed, or check the breaking "
                                   "changes documentation for removed settings");
        }
    }
    if (const std::string broken = name_rule_broken(name, NameKind::index); !broken.empty()) {
        throw invalid_index_name(name, broken);
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    if (auto existing = cluster.indices.find(name); existing != cluster.indices.end()) {
        throw full_error(400, "resource_already_exists_exception",
                         "index [" + name + "/" + existing->second.uuid + "] already exists",
                         {{"index_uuid", existing->second.uuid}, {"index", name}});
    }
    if (cluster.alias_exists(name)) {
        throw invalid_index_name(name, "already exists as alias");
    }
    index.primary_store_bytes = 0;
    apply_index_settings(index, settings, false, cluster, Clock::now());
    index.replicas_ready_at = Clock::time_point{};  // a new index starts allocated
    if (settings.count("index.sim.store_bytes") == 0) {
        index.primary_store_bytes = 225LL * index.primaries;
    }
    if (settings.count("index.sim.segments_per_shard") == 0) {
        index.segments_per_shard = index.docs > 0 ? 1 : 0;
    }
    for (const auto& [alias, props] : aliases) {
        if (const std::string broken = name_rule_broken(alias, NameKind::alias); !broken.empty()) {
            throw full_error(400, "invalid_alias_name_exception", "Invalid alias name [" + alias + "], " + broken);
        }
        if (alias == name || cluster.indices.count(alias) != 0) {
            throw full_error(400, "invalid_alias_name_exception",
                             "Invalid alias name [" + alias +
                                 "]: an index or data stream exists with the same name as the alias",
                             {{"index_uuid", index.uuid}, {"index", name}});
        }
        index.aliases[alias] = props;
    }
    cluster.indices.emplace(name, std::move(index));
    Json reply = acknowledged();
    reply["shards_acknowledged"] = true;
    reply["index"] = name;
    return json_reply(std::move(reply));
}

Reply handle_delete_index(Call& call)
{
    const ResolveOptions options = destructive_options(call);
    const std::string expression = call.var("index");
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    check_destructive(cluster, expression);
    for (const auto& name : resolve_indices(cluster, expression, options)) {
        cluster.indices.erase(name);
    }
    return json_reply(acknowledged());
}

Reply handle_get_index(Call& call)
{
    ResolveOptions options;
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    const bool flat = call.flag("flat_settings", false);
    call.flag("include_defaults", false);
    call.flag("local", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    std::vector<std::string> names;
    try {
        names = resolve_indices(cluster, call.var("index"), options);
    } catch (const ApiError& error) {
        if (call.is_head()) {
            return empty_reply(error.status);
        }
        throw;
    }
    if (call.is_head()) {
        return empty_reply(names.empty() ? 404 : 200);
    }
    Json body = Json::object();
    for (const auto& name : names) {
        const Index& index = cluster.indices.at(name);
        Json entry = Json::object();
        Json aliases = Json::object();
        for (const auto& [alias, props] : index.aliases) {
            aliases[alias] = props.to_json();
        }
        entry["aliases"] = std::move(aliases);
        entry["mappings"] = index.mappings;
        entry["settings"] = render_settings(index_settings_view(index, cluster), flat);
        body[name] = std::move(entry);
    }
    return json_reply(std::move(body));
}

Reply handle_open_index(Call& call)
{
    ResolveOptions options = destructive_options(call);
    options.expand = ExpandWildcards{false, true, false};
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    for (const auto& name : resolve_indices(cluster, call.var("index"), options)) {
        cluster.indices.at(name).open = true;
    }
    Json body = acknowledged();
    body["shards_acknowledged"] = true;
    return json_reply(std::move(body));
}

Reply handle_close_index(Call& call)
{
    ResolveOptions options = destructive_options(call);
    options.expand = ExpandWildcards{true, false, false};
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    check_destructive(cluster, call.var("index"));
    Json indices = Json::object();
    for (const auto& name : resolve_indices(cluster, call.var("index"), options)) {
        cluster.indices.at(name).open = false;
        Json entry = Json::object();
        entry["closed"] = true;
        indices[name] = std::move(entry);
    }
    Json body = acknowledged();
    body["shards_acknowledged"] = true;
    body["indices"] = std::move(indices);
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
