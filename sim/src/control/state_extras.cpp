// The parts of a state document beyond catalog and aliases: mappings, index settings, stored documents and
// per-node disk (control/state.hpp). Each is the body of the Elasticsearch API that shows it, so production's
// answers can be copied in.
#include "api/errors.hpp"
#include "api/index_settings.hpp"
#include "cluster/mapping.hpp"
#include "cluster/nodes.hpp"
#include "control/state.hpp"

namespace aliasing::sim {
namespace {

std::string text_of(const Json& value)
{
    return value.is_string() ? value.as_string() : (value.is_integer() ? std::to_string(value.as_int()) : value.dump());
}

template <typename Apply>
std::string per_index(Cluster& cluster, const Json& document, std::string_view key, Apply apply)
{
    const Json* body = document.find(key);
    if (body == nullptr || body->is_null()) {
        return "";
    }
    if (!body->is_object()) {
        return "state [" + std::string(key) + "] must be an object by index name";
    }
    for (const auto& [name, entry] : body->as_object()) {
        auto found = cluster.indices.find(name);
        if (found == cluster.indices.end()) {
            return "state [" + std::string(key) + "] names index [" + name + "], which cat_indices does not list";
        }
        if (std::string error = apply(found->second, entry); !error.empty()) {
            return "state [" + std::string(key) + "] for [" + name + "]: " + error;
        }
    }
    return "";
}

std::string load_mappings(Index& index, const Json& entry)
{
    const Json* mappings = entry.find("mappings");
    if (mappings == nullptr) {
        return "expected {\"mappings\":{...}} as GET _mapping answers";
    }
    if (std::string problem = mapping_problem(*mappings); !problem.empty()) {
        return problem;
    }
    index.mappings = *mappings;
    return "";
}

std::string load_settings(Cluster& cluster, Index& index, const Json& entry)
{
    const Json* settings = entry.find("settings");
    if (settings == nullptr) {
        return "expected {\"settings\":{...}} as GET _settings answers";
    }
    try {
        FlatSettings kept;
        for (const auto& [key, value] : normalize_settings_body(*settings)) {
            // cat_indices decides the shape; identity and history settings belong to the real cluster.
            if (setting_kind(key) != SettingKind::unknown && key != "index.number_of_shards" &&
                key != "index.number_of_replicas" && key.rfind("index.sim.", 0) != 0) {
                kept[key] = value;
            }
        }
        apply_index_settings(index, kept, false, cluster, Clock::now());
    } catch (const ApiError& error) {
        return error.body.dump();
    }
    return "";
}

std::string add_document(Index& index, const std::string& id, const Json& source, bool refreshed)
{
    if (!source.is_object()) {
        return "document [" + id + "] must be an object";
    }
    Document document;
    document.source = source;
    document.seq_no = index.next_seq_no++;
    document.refreshed = refreshed;
    index.documents[id] = document;
    if (std::string refused = map_dynamically(index.mappings, source); !refused.empty()) {
        return "document [" + id + "] has field [" + refused + "], which the strict mapping does not allow";
    }
    return "";
}

std::string load_documents(Index& index, const Json& entry)
{
    if (entry.is_object()) {
        for (const auto& [id, source] : entry.as_object()) {
            if (std::string error = add_document(index, id, source, true); !error.empty()) {
                return error;
            }
        }
    } else if (entry.is_array()) {
        for (const auto& hit : entry.as_array()) {
            const Json* id = hit.find("_id");
            const Json* source = hit.find("_source");
            if (id == nullptr || source == nullptr) {
                return "each document needs \"_id\" and \"_source\"";
            }
            const Json* refreshed = hit.find("_refreshed");
            const bool visible = refreshed == nullptr || !refreshed->is_bool() || refreshed->as_bool();
            if (std::string error = add_document(index, text_of(*id), *source, visible); !error.empty()) {
                return error;
            }
        }
    } else {
        return "documents must be an array of {\"_id\",\"_source\"} or an object of id: source";
    }
    // The catalog's counts include the stored documents; never fewer than there are.
    std::int64_t visible = 0;
    std::int64_t pending = 0;
    for (const auto& [id, document] : index.documents) {
        (document.refreshed ? visible : pending) += 1;
    }
    index.docs = std::max(index.docs, visible);
    index.unrefreshed_docs = std::max(index.unrefreshed_docs, pending);
    index.segments_per_shard = std::max<std::int64_t>(index.segments_per_shard, 1);
    return "";
}

std::string load_allocation(Cluster& cluster, const Json& allocation)
{
    cluster.node_disks.clear();
    if (allocation.is_null()) {
        return "";
    }
    if (!allocation.is_array()) {
        return "state [cat_allocation] must be the array GET _cat/allocation?format=json&bytes=b returns";
    }
    int position = 0;
    const auto now = Clock::now();
    for (const auto& row : allocation.as_array()) {
        const std::string name = text_of(row["node"]);
        if (name == "UNASSIGNED") {
            continue;
        }
        int node = position++;
        for (int candidate = 0; candidate < cluster.data_nodes; ++candidate) {
            node = node_name(candidate) == name ? candidate : node;
        }
        if (node >= cluster.data_nodes) {
            return "state [cat_allocation] lists more nodes than data_nodes (" + std::to_string(cluster.data_nodes) + ")";
        }
        NodeDisk disk;
        if (const Json* total = row.find("disk.total"); total != nullptr && !total->is_null()) {
            const auto bytes = parse_byte_size(text_of(*total));
            if (!bytes) {
                return "state [cat_allocation] node [" + name + "]: [disk.total] is not a byte size: " + text_of(*total);
            }
            disk.total_bytes = *bytes;
        }
        cluster.node_disks[node] = disk;
        if (const Json* used = row.find("disk.used"); used != nullptr && !used->is_null()) {
            const auto bytes = parse_byte_size(text_of(*used));
            if (!bytes) {
                return "state [cat_allocation] node [" + name + "]: [disk.used] is not a byte size: " + text_of(*used);
            }
            // disk.used includes the shards the catalog places on the node; the rest is other data.
            const std::int64_t shards = node_usage(cluster, node, now).indices_bytes;
            cluster.node_disks[node].other_used_bytes = std::max<std::int64_t>(0, *bytes - shards);
        }
    }
    return "";
}

}  // namespace

std::string load_state_extras(Cluster& cluster, const Json& document)
{
    if (std::string error = per_index(cluster, document, "mappings", load_mappings); !error.empty()) {
        return error;
    }
    auto settings = [&](Index& index, const Json& entry) { return load_settings(cluster, index, entry); };
    if (std::string error = per_index(cluster, document, "settings", settings); !error.empty()) {
        return error;
    }
    if (std::string error = per_index(cluster, document, "documents", load_documents); !error.empty()) {
        return error;
    }
    const Json* allocation = document.find("cat_allocation");
    return load_allocation(cluster, allocation != nullptr ? *allocation : Json());
}

void dump_state_extras(const Cluster& cluster, Json& document)
{
    Json mappings = Json::object();
    Json settings = Json::object();
    Json documents = Json::object();
    for (const auto& [name, index] : cluster.indices) {
        if (index.mappings.size() > 0) {
            mappings[name]["mappings"] = index.mappings;
        }
        if (index.extra_settings.size() > 0) {
            std::map<std::string, std::string> flat;
            for (const auto& [key, value] : index.extra_settings.as_object()) {
                flat[key] = text_of(value);
            }
            settings[name]["settings"] = nest_settings(flat);
        }
        Json hits = Json::array();
        for (const auto& [id, stored] : index.documents) {
            if (stored.deleted) {
                continue;
            }
            Json hit = Json::object();
            hit["_id"] = id;
            hit["_source"] = stored.source;
            if (!stored.refreshed) {
                hit["_refreshed"] = false;
            }
            hits.push_back(std::move(hit));
        }
        if (hits.size() > 0) {
            documents[name] = std::move(hits);
        }
    }
    if (mappings.size() > 0) {
        document["mappings"] = std::move(mappings);
    }
    if (settings.size() > 0) {
        document["settings"] = std::move(settings);
    }
    if (documents.size() > 0) {
        document["documents"] = std::move(documents);
    }
    if (cluster.node_disks.empty()) {
        return;
    }
    Json rows = Json::array();
    const auto now = Clock::now();
    for (int node = 0; node < cluster.data_nodes; ++node) {
        const NodeUsage usage = node_usage(cluster, node, now);
        Json row = Json::object();
        row["node"] = node_name(node);
        row["disk.total"] = std::to_string(usage.total_bytes);
        row["disk.used"] = std::to_string(usage.used_bytes);
        rows.push_back(std::move(row));
    }
    document["cat_allocation"] = std::move(rows);
}

}  // namespace aliasing::sim
