// GET|PUT /_cluster/settings: the simulator keeps action.destructive_requires_name (reference §10),
// action.auto_create_index (true, false or a +/- pattern list; documents.cpp applies it) and the disk
// allocation settings cluster.routing.allocation.disk.* (watermarks low 85%, high 90%, flood_stage 95% by
// default, each a percentage, a ratio or an absolute free-space byte size), persistent and transient apart.
// include_defaults=true adds "defaults" as Elasticsearch 8.x shows them.
#include "api/handlers.hpp"
#include "api/disk_settings.hpp"

namespace aliasing::sim {
namespace {

using FlatMap = std::map<std::string, std::string>;

constexpr std::string_view destructive_key = "action.destructive_requires_name";
constexpr std::string_view auto_create_key = "action.auto_create_index";

void flatten(const Json& value, const std::string& prefix, std::vector<std::pair<std::string, Json>>& out)
{
    if (value.is_object()) {
        for (const auto& [key, child] : value.as_object()) {
            flatten(child, prefix.empty() ? key : prefix + "." + key, out);
        }
        return;
    }
    out.emplace_back(prefix, value);
}

// Elasticsearch's nested rendering: a key that is both a value and a prefix keeps the rest as a dotted key
// ("watermark":{"flood_stage":"95%","flood_stage.frozen":"95%"}).
Json render(const FlatMap& flat, bool as_flat)
{
    Json out = Json::object();
    for (const auto& [key, value] : flat) {
        if (as_flat) {
            out[key] = value;
            continue;
        }
        Json* node = &out;
        std::string_view rest = key;
        while (true) {
            const auto dot = rest.find('.');
            if (dot == std::string_view::npos) {
                (*node)[rest] = value;
                break;
            }
            Json* child = node->find(rest.substr(0, dot));
            if (child != nullptr && !child->is_object()) {
                (*node)[rest] = value;
                break;
            }
            node = &(*node)[rest.substr(0, dot)];
            rest = rest.substr(dot + 1);
        }
    }
    return out;
}

std::string value_text(const Json& value)
{
    if (value.is_bool()) {
        return value.as_bool() ? "true" : "false";
    }
    return value.is_string() ? value.as_string() : value.dump();
}

// The value in force: transient over persistent over the default.
FlatMap effective_disk(const Version& version, const FlatMap& persistent, const FlatMap& transient)
{
    FlatMap out = disk_defaults(version);
    for (const auto* scope : {&persistent, &transient}) {
        for (const auto& [key, value] : *scope) {
            out[key] = value;
        }
    }
    return out;
}

}  // namespace

Reply handle_get_cluster_settings(Call& call)
{
    const bool flat = call.flag("flat_settings", false);
    const bool defaults = call.flag("include_defaults", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    FlatMap persistent = cluster.persistent_disk_settings;
    if (cluster.destructive_requires_name) {
        persistent[std::string(destructive_key)] = *cluster.destructive_requires_name ? "true" : "false";
    }
    if (cluster.auto_create_index) {
        persistent[std::string(auto_create_key)] = *cluster.auto_create_index;
    }
    Json body = Json::object();
    body["persistent"] = render(persistent, flat);
    body["transient"] = render(cluster.transient_disk_settings, flat);
    if (defaults) {
        FlatMap shown = disk_defaults(cluster.version);
        shown[std::string(destructive_key)] = cluster.version.is_7x() ? "false" : "true";
        shown[std::string(auto_create_key)] = "true";
        for (const auto& scope : {persistent, cluster.transient_disk_settings}) {
            for (const auto& [key, value] : scope) {
                shown.erase(key);  // a set value is shown in its scope, not among the defaults
            }
        }
        body["defaults"] = render(shown, flat);
    }
    return json_reply(std::move(body));
}

Reply handle_put_cluster_settings(Call& call)
{
    const bool flat = call.flag("flat_settings", false);
    const Json body = call.body();
    if (!body.is_object()) {
        throw validation_failed({"no settings to update"});
    }
    const Version version = call.version();
    std::optional<std::optional<bool>> destructive;
    std::optional<std::optional<std::string>> auto_create;
    std::map<std::string, std::map<std::string, std::optional<std::string>>> disk;  // by scope
    std::map<std::string, FlatMap> applied;
    for (const auto& [scope, settings] : body.as_object()) {
        if (scope != "persistent" && scope != "transient") {
            throw full_error(400, "x_content_parse_exception",
                             "[cluster_update_settings_request] unknown field [" + scope + "]");
        }
        std::vector<std::pair<std::string, Json>> flat_settings;
        flatten(settings, "", flat_settings);
        for (const auto& [key, value] : flat_settings) {
            if (key.rfind(disk_prefix, 0) == 0) {
                if (!disk_key_known(key, version)) {
                    throw illegal_argument(scope + " setting [" + key + "], not recognized");
                }
                if (!value.is_null()) {
                    check_disk_value(key, value_text(value));
                    applied[scope][key] = value_text(value);
                }
                disk[scope][key] = value.is_null() ? std::optional<std::string>() : value_text(value);
                continue;
            }
            if (key == auto_create_key) {
                auto_create = value.is_null() ? std::optional<std::string>() : std::optional<std::string>(value_text(value));
                if (!value.is_null()) {
                    applied[scope][key] = value_text(value);
                }
                continue;
            }
            if (key != destructive_key) {
                throw illegal_argument(scope + " setting [" + key + "], not recognized");
            }
            if (value.is_null()) {
                destructive = std::optional<bool>();
            } else if (value_text(value) == "true") {
                destructive = std::optional<bool>(true);
            } else if (value_text(value) == "false") {
                destructive = std::optional<bool>(false);
            } else {
                throw illegal_argument("Failed to parse value [" + value_text(value) +
                                       "] as only [true] or [false] are allowed.");
            }
            if (!value.is_null()) {
                applied["persistent"][key] = value_text(value);  // the simulator keeps these in one scope
            }
        }
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    FlatMap persistent = cluster.persistent_disk_settings;
    FlatMap transient = cluster.transient_disk_settings;
    for (const auto& [scope, changes] : disk) {
        FlatMap& stored = scope == "persistent" ? persistent : transient;
        for (const auto& [key, value] : changes) {
            if (value) {
                stored[key] = *value;
            } else {
                stored.erase(key);
            }
        }
    }
    const FlatMap before = effective_disk(cluster.version, cluster.persistent_disk_settings, cluster.transient_disk_settings);
    const FlatMap after = effective_disk(cluster.version, persistent, transient);
    for (const char* name : {"low", "high", "flood_stage"}) {
        const std::string key = std::string(disk_prefix) + "watermark." + name;
        if (before.at(key) != after.at(key)) {
            check_watermark_order(after, key, before.at(key));
            break;
        }
    }
    if (destructive) {
        cluster.destructive_requires_name = *destructive;
    }
    if (auto_create) {
        cluster.auto_create_index = *auto_create;
    }
    cluster.persistent_disk_settings = std::move(persistent);
    cluster.transient_disk_settings = std::move(transient);
    Json reply = Json::object();
    reply["acknowledged"] = true;
    reply["persistent"] = render(applied["persistent"], flat);
    reply["transient"] = render(applied["transient"], flat);
    return json_reply(std::move(reply));
}

}  // namespace aliasing::sim
