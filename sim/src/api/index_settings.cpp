#include "api/index_settings.hpp"

#include "api/errors.hpp"
#include "cluster/resolve.hpp"

#include <charconv>

namespace aliasing::sim {
namespace {

void flatten(const Json& value, const std::string& prefix, FlatSettings& out)
{
    if (value.is_object()) {
        for (const auto& [key, child] : value.as_object()) {
            flatten(child, prefix.empty() ? key : prefix + "." + key, out);
        }
        return;
    }
    const std::string key = prefix.rfind("index.", 0) == 0 ? prefix : "index." + prefix;
    if (value.is_null()) {
        out[key] = std::nullopt;
    } else if (value.is_string()) {
        out[key] = value.as_string();
    } else if (value.is_array()) {
        std::string joined;
        for (const auto& item : value.as_array()) {
            joined += (joined.empty() ? "" : ",") + (item.is_string() ? item.as_string() : item.dump());
        }
        out[key] = joined;
    } else {
        out[key] = value.dump();
    }
}

std::int64_t parse_non_negative(const std::string& key, const std::string& value)
{
    std::int64_t number = 0;
    const auto result = std::from_chars(value.data(), value.data() + value.size(), number);
    if (result.ec != std::errc() || result.ptr != value.data() + value.size()) {
        throw illegal_argument("Failed to parse value [" + value + "] for setting [" + key + "]");
    }
    if (number < 0) {
        throw illegal_argument("Failed to parse value [" + value + "] for setting [" + key + "] must be >= 0");
    }
    return number;
}

}  // namespace

FlatSettings normalize_settings_body(const Json& body)
{
    if (body.is_null()) {
        throw validation_failed({"no settings to update"});
    }
    if (!body.is_object()) {
        throw full_error(400, "x_content_parse_exception", "settings must be an object");
    }
    const Json* settings = body.find("settings");
    FlatSettings out;
    flatten(settings != nullptr && body.size() == 1 ? *settings : body, "", out);
    return out;
}

SettingKind setting_kind(const std::string& key)
{
    static const char* const dynamic[] = {
        "index.number_of_replicas", "index.refresh_interval", "index.max_result_window", "index.blocks.write",
        "index.blocks.read_only", "index.blocks.read_only_allow_delete", "index.blocks.read",
        "index.blocks.metadata", "index.hidden", "index.auto_expand_replicas",
        "index.merge.scheduler.max_thread_count", "index.translog.durability", "index.max_inner_result_window",
        "index.sim.store_bytes", "index.sim.docs", "index.sim.docs_deleted", "index.sim.segments_per_shard",
        "index.sim.forcemerge_failure",
    };
    static const char* const static_only[] = {
        "index.number_of_shards", "index.codec", "index.routing_partition_size", "index.number_of_routing_shards",
    };
    for (const char* name : dynamic) {
        if (key == name) {
            return SettingKind::dynamic;
        }
    }
    if (key.rfind("index.routing.allocation.", 0) == 0) {
        return SettingKind::dynamic;
    }
    for (const char* name : static_only) {
        if (key == name) {
            return SettingKind::static_only;
        }
    }
    if (key.rfind("index.sort.", 0) == 0) {
        return SettingKind::static_only;
    }
    return SettingKind::unknown;
}

void apply_index_settings(Index& index, const FlatSettings& settings, bool preserve_existing,
                          const Cluster& cluster, Clock::time_point now)
{
    for (const auto& [key, value] : settings) {
        if (key == "index.number_of_replicas") {
            if (preserve_existing) {
                continue;
            }
            const int replicas = value ? static_cast<int>(parse_non_negative(key, *value)) : 1;
            const ShardCounts before = cluster.shard_counts(index, now);
            if (replicas > index.replicas && cluster.replica_delay_millis > 0) {
                index.allocating_from = before.active_replicas;
                index.replicas_ready_at = now + std::chrono::milliseconds(cluster.replica_delay_millis);
            }
            index.replicas = replicas;
        } else if (key == "index.number_of_shards") {
            const std::int64_t shards = value ? parse_non_negative(key, *value) : 1;
            if (shards < 1) {
                throw illegal_argument("Failed to parse value [" + *value + "] for setting [" + key + "] must be >= 1");
            }
            index.primaries = static_cast<int>(shards);
        } else if (key == "index.hidden") {
            index.hidden = value && *value == "true";
        } else if (key == "index.sim.store_bytes") {
            index.primary_store_bytes = value ? parse_non_negative(key, *value) : 0;
        } else if (key == "index.sim.docs") {
            index.docs = value ? parse_non_negative(key, *value) : 0;
        } else if (key == "index.sim.docs_deleted") {
            index.docs_deleted = value ? parse_non_negative(key, *value) : 0;
        } else if (key == "index.sim.segments_per_shard") {
            index.segments_per_shard = value ? parse_non_negative(key, *value) : 0;
        } else if (key == "index.sim.forcemerge_failure") {
            index.forcemerge_failure = value && !value->empty() ? value : std::nullopt;
        } else {
            if (preserve_existing && index.extra_settings.find(key) != nullptr) {
                continue;
            }
            if (value) {
                index.extra_settings[key] = *value;
            } else {
                index.extra_settings.erase(key);
            }
        }
    }
}

std::map<std::string, std::string> index_settings_view(const Index& index, const Cluster& cluster)
{
    std::map<std::string, std::string> flat;
    flat["index.creation_date"] = std::to_string(index.creation_date_millis);
    flat["index.number_of_replicas"] = std::to_string(index.replicas);
    flat["index.number_of_shards"] = std::to_string(index.primaries);
    flat["index.provided_name"] = index.name;
    flat["index.uuid"] = index.uuid;
    flat["index.version.created"] = cluster.version.created_id();
    if (!cluster.version.is_7x()) {
        flat["index.routing.allocation.include._tier_preference"] = "data_content";
    }
    if (index.hidden) {
        flat["index.hidden"] = "true";
    }
    if (!index.open) {
        flat["index.verified_before_close"] = "true";
    }
    for (const auto& [key, value] : index.extra_settings.as_object()) {
        flat[key] = value.is_string() ? value.as_string() : value.dump();
    }
    return flat;
}

Json nest_settings(const std::map<std::string, std::string>& flat)
{
    Json root = Json::object();
    for (const auto& [key, value] : flat) {
        Json* node = &root;
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = key.find('.', start);
            if (dot == std::string::npos) {
                (*node)[key.substr(start)] = value;
                break;
            }
            Json& child = (*node)[key.substr(start, dot - start)];
            if (!child.is_object()) {
                child = Json::object();
            }
            node = &child;
            start = dot + 1;
        }
    }
    return root;
}

Json render_settings(const std::map<std::string, std::string>& view, bool flat)
{
    if (!flat) {
        return nest_settings(view);
    }
    Json settings = Json::object();
    for (const auto& [key, value] : view) {
        settings[key] = value;
    }
    return settings;
}

}  // namespace aliasing::sim
