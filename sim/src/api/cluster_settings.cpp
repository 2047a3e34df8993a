// GET|PUT /_cluster/settings: only action.destructive_requires_name matters to the simulator (reference §10).
#include "api/handlers.hpp"

namespace aliasing::sim {
namespace {

constexpr std::string_view destructive_key = "action.destructive_requires_name";

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

Json scope_body(const std::optional<bool>& value, bool flat)
{
    Json scope = Json::object();
    if (!value) {
        return scope;
    }
    const std::string text = *value ? "true" : "false";
    if (flat) {
        scope[destructive_key] = text;
    } else {
        scope["action"]["destructive_requires_name"] = text;
    }
    return scope;
}

}  // namespace

Reply handle_get_cluster_settings(Call& call)
{
    const bool flat = call.flag("flat_settings", false);
    const bool defaults = call.flag("include_defaults", false);
    const auto guard = call.lock();
    Json body = Json::object();
    body["persistent"] = scope_body(call.cluster().destructive_requires_name, flat);
    body["transient"] = Json::object();
    if (defaults) {
        body["defaults"] = scope_body(!call.cluster().version.is_7x(), flat);
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
    std::optional<std::optional<bool>> update;
    for (const auto& [scope, settings] : body.as_object()) {
        if (scope != "persistent" && scope != "transient") {
            throw full_error(400, "x_content_parse_exception",
                             "[cluster_update_settings_request] unknown field [" + scope + "]");
        }
        std::vector<std::pair<std::string, Json>> flat_settings;
        flatten(settings, "", flat_settings);
        for (const auto& [key, value] : flat_settings) {
            if (key != destructive_key) {
                throw illegal_argument(scope + " setting [" + key + "], not recognized");
            }
            if (value.is_null()) {
                update = std::optional<bool>();
            } else if ((value.is_bool() && value.as_bool()) || (value.is_string() && value.as_string() == "true")) {
                update = std::optional<bool>(true);
            } else if ((value.is_bool() && !value.as_bool()) || (value.is_string() && value.as_string() == "false")) {
                update = std::optional<bool>(false);
            } else {
                throw illegal_argument("Failed to parse value [" + (value.is_string() ? value.as_string() : value.dump()) +
                                       "] as only [true] or [false] are allowed.");
            }
        }
    }
    const auto guard = call.lock();
    if (update) {
        call.cluster().destructive_requires_name = *update;
    }
    Json reply = Json::object();
    reply["acknowledged"] = true;
    reply["persistent"] = update ? scope_body(*update, flat) : Json::object();
    reply["transient"] = Json::object();
    return json_reply(std::move(reply));
}

}  // namespace aliasing::sim
