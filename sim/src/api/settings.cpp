// GET /[{index}/]_settings[/{name}] and PUT /[{index}/]_settings (reference §5, §6).
#include "api/handlers.hpp"
#include "api/index_settings.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

ResolveOptions settings_options(const Call& call)
{
    ResolveOptions options;
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    return options;
}

}  // namespace

Reply handle_get_settings(Call& call)
{
    const ResolveOptions options = settings_options(call);
    const bool flat = call.flag("flat_settings", false);
    const bool defaults = call.flag("include_defaults", false);
    call.flag("local", false);
    const std::vector<std::string> name_patterns = split_list(call.var("name"));
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const auto names = resolve_indices(cluster, call.var("index"), options);
    Json body = Json::object();
    for (const auto& name : names) {
        std::map<std::string, std::string> view = index_settings_view(cluster.indices.at(name), cluster);
        if (!name_patterns.empty()) {
            for (auto it = view.begin(); it != view.end();) {
                bool keep = false;
                for (const auto& pattern : name_patterns) {
                    keep = keep || pattern == "_all" || simple_match(pattern, it->first);
                }
                it = keep ? std::next(it) : view.erase(it);
            }
            if (view.empty()) {
                continue;
            }
        }
        Json entry = Json::object();
        entry["settings"] = render_settings(view, flat);
        if (defaults) {
            const std::map<std::string, std::string> default_view{{"index.refresh_interval", "1s"},
                                                                  {"index.max_result_window", "10000"}};
            entry["defaults"] = render_settings(default_view, flat);
        }
        body[name] = std::move(entry);
    }
    return json_reply(std::move(body));
}

Reply handle_put_settings(Call& call)
{
    const ResolveOptions options = settings_options(call);
    const bool preserve = call.flag("preserve_existing", false);
    call.flag("flat_settings", false);
    call.flag("reopen", false);
    call.duration("timeout", std::chrono::seconds(30));
    call.duration("master_timeout", std::chrono::seconds(30));
    const FlatSettings settings = normalize_settings_body(call.body());
    std::vector<std::string> static_keys;
    for (const auto& [key, value] : settings) {
        const SettingKind kind = setting_kind(key);
        if (kind == SettingKind::unknown) {
            throw illegal_argument("unknown setting [" + key +
                                   "] please check that any required plugins are installed, or check the breaking "
                                   "changes documentation for removed settings");
        }
        if (kind == SettingKind::static_only) {
            static_keys.push_back(key);
        }
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    const auto names = resolve_indices(cluster, call.var("index"), options);
    if (!static_keys.empty()) {
        std::string open_list;
        for (const auto& name : names) {
            const Index& index = cluster.indices.at(name);
            if (index.open) {
                open_list += (open_list.empty() ? "[" : ", [") + name + "/" + index.uuid + "]";
            }
        }
        if (!open_list.empty()) {
            std::string keys;
            for (const auto& key : static_keys) {
                keys += (keys.empty() ? "" : ", ") + key;
            }
            throw illegal_argument("Can't update non dynamic settings [[" + keys + "]] for open indices [" +
                                   open_list + "]");
        }
    }
    const auto now = Clock::now();
    std::map<std::string, Index> updated;
    for (const auto& name : names) {
        Index copy = cluster.indices.at(name);
        apply_index_settings(copy, settings, preserve, cluster, now);
        updated.emplace(name, std::move(copy));
    }
    for (auto& [name, index] : updated) {
        cluster.indices[name] = std::move(index);
    }
    Json body = Json::object();
    body["acknowledged"] = true;
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
