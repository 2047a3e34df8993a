// GET|PUT /_cluster/settings: the simulator keeps action.destructive_requires_name (reference §10) and
// action.auto_create_index (true, false or a +/- pattern list; documents.cpp applies it).
#include "api/handlers.hpp"

namespace aliasing::sim {
namespace {

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

void put_setting(Json& scope, std::string_view key, const std::string& text, bool flat)
{
    if (flat) {
        scope[std::string(key)] = text;
    } else {
        scope["action"][std::string(key.substr(key.find('.') + 1))] = text;
    }
}

Json scope_body(const std::optional<bool>& destructive, const std::optional<std::string>& auto_create, bool flat)
{
    Json scope = Json::object();
    if (destructive) {
        put_setting(scope, destructive_key, *destructive ? "true" : "false", flat);
    }
    if (auto_create) {
        put_setting(scope, auto_create_key, *auto_create, flat);
    }
    return scope;
}

std::string value_text(const Json& value)
{
    if (value.is_bool()) {
        return value.as_bool() ? "true" : "false";
    }
    return value.is_string() ? value.as_string() : value.dump();
}

}  // namespace

Reply handle_get_cluster_settings(Call& call)
{
    const bool flat = call.flag("flat_settings", false);
    const bool defaults = call.flag("include_defaults", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    Json body = Json::object();
    body["persistent"] = scope_body(cluster.destructive_requires_name, cluster.auto_create_index, flat);
    body["transient"] = Json::object();
    if (defaults) {
        body["defaults"] = scope_body(!cluster.version.is_7x(), std::string("true"), flat);
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
    std::optional<std::optional<bool>> destructive;
    std::optional<std::optional<std::string>> auto_create;
    for (const auto& [scope, settings] : body.as_object()) {
        if (scope != "persistent" && scope != "transient") {
            throw full_error(400, "x_content_parse_exception",
                             "[cluster_update_settings_request] unknown field [" + scope + "]");
        }
        std::vector<std::pair<std::string, Json>> flat_settings;
        flatten(settings, "", flat_settings);
        for (const auto& [key, value] : flat_settings) {
            if (key == auto_create_key) {
                auto_create = value.is_null() ? std::optional<std::string>() : std::optional<std::string>(value_text(value));
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
        }
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    if (destructive) {
        cluster.destructive_requires_name = *destructive;
    }
    if (auto_create) {
        cluster.auto_create_index = *auto_create;
    }
    Json reply = Json::object();
    reply["acknowledged"] = true;
    reply["persistent"] = scope_body(destructive ? *destructive : std::optional<bool>(),
                                     auto_create ? *auto_create : std::optional<std::string>(), flat);
    reply["transient"] = Json::object();
    return json_reply(std::move(reply));
}

}  // namespace aliasing::sim
