#include "control/state.hpp"

#include "api/cat_table.hpp"
#include "cluster/resolve.hpp"

#include <charconv>
#include <cmath>

namespace aliasing::sim {

std::optional<std::int64_t> parse_byte_size(std::string_view text)
{
    std::size_t digits = 0;
    while (digits < text.size() && ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.')) {
        ++digits;
    }
    if (digits == 0) {
        return std::nullopt;
    }
    double amount = 0;
    if (std::from_chars(text.data(), text.data() + digits, amount).ec != std::errc()) {
        return std::nullopt;
    }
    const std::string_view unit = text.substr(digits);
    double scale = 1;
    if (unit.empty() || unit == "b") {
        scale = 1;
    } else if (unit == "kb" || unit == "k") {
        scale = 1024.0;
    } else if (unit == "mb" || unit == "m") {
        scale = 1048576.0;
    } else if (unit == "gb" || unit == "g") {
        scale = 1073741824.0;
    } else if (unit == "tb" || unit == "t") {
        scale = 1099511627776.0;
    } else if (unit == "pb" || unit == "p") {
        scale = 1125899906842624.0;
    } else {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(std::llround(amount * scale));
}

namespace {

/// A cell of the catalog: a string, a number, or null/absent.
std::optional<std::string> cell(const Json& row, std::string_view key)
{
    const Json* value = row.find(key);
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    if (value->is_string()) {
        return value->as_string();
    }
    if (value->is_number()) {
        return value->is_integer() ? std::to_string(value->as_int()) : value->dump();
    }
    return value->dump();
}

bool read_number(const Json& row, std::string_view key, std::int64_t& out, std::string& error)
{
    const auto text = cell(row, key);
    if (!text) {
        return false;
    }
    const auto bytes = parse_byte_size(*text);
    if (!bytes) {
        error = "catalog row for [" + cell(row, "index").value_or("?") + "]: [" + std::string(key) + "] is not a number: " + *text;
        return false;
    }
    out = *bytes;
    return true;
}

std::string load_row(Cluster& cluster, const Json& row, Index& index)
{
    if (!row.is_object()) {
        return "every catalog row must be an object like {\"index\":\"name\",...}";
    }
    const auto name = cell(row, "index");
    if (!name || name->empty()) {
        return "a catalog row has no [index]; each row needs at least {\"index\":\"name\"}";
    }
    std::string error;
    index.name = *name;
    index.uuid = cell(row, "uuid").value_or(random_uuid());
    const auto status = cell(row, "status").value_or("open");
    index.open = status != "close" && status != "closed";
    std::int64_t number = 0;
    index.primaries = read_number(row, "pri", number, error) ? static_cast<int>(number) : 1;
    index.replicas = read_number(row, "rep", number, error) ? static_cast<int>(number) : 0;
    if (index.primaries < 1) {
        return "catalog row for [" + *name + "]: [pri] must be at least 1";
    }
    index.docs = read_number(row, "docs.count", number, error) ? number : 0;
    index.docs_deleted = read_number(row, "docs.deleted", number, error) ? number : 0;
    index.unrefreshed_docs = read_number(row, "unrefreshed_docs", number, error) ? number : 0;
    if (read_number(row, "pri.store.size", number, error)) {
        index.primary_store_bytes = number;
    } else if (read_number(row, "store.size", number, error)) {
        const int copies = 1 + std::min(index.replicas, std::max(0, cluster.data_nodes - 1));
        index.primary_store_bytes = number / copies;
    }
    if (read_number(row, "pri.segments.count", number, error)) {
        index.segments_per_shard = (number + index.primaries - 1) / index.primaries;
    } else if (read_number(row, "segments.count", number, error)) {
        const int copies = 1 + std::min(index.replicas, std::max(0, cluster.data_nodes - 1));
        index.segments_per_shard = (number / copies + index.primaries - 1) / index.primaries;
    } else {
        index.segments_per_shard = 1;
    }
    index.creation_date_millis = read_number(row, "creation.date", number, error) ? number : epoch_millis_now();
    return error;
}

std::string load_aliases(Cluster& cluster, const Json& aliases)
{
    if (aliases.is_null()) {
        return "";
    }
    if (!aliases.is_object()) {
        return "the aliases body must be the object GET _alias returns: {\"index\":{\"aliases\":{\"name\":{}}}}";
    }
    if (const Json* status = aliases.find("status"); status != nullptr && aliases.find("error") != nullptr) {
        if (status->is_integer() && status->as_int() == 404) {
            return "";  // "alias [x] missing": no aliases at all
        }
        return "the aliases body is an error response: " + aliases.dump();
    }
    for (const auto& [index_name, entry] : aliases.as_object()) {
        auto found = cluster.indices.find(index_name);
        if (found == cluster.indices.end()) {
            return "the aliases body names index [" + index_name + "], which the catalog does not list";
        }
        const Json* names = entry.find("aliases");
        if (names == nullptr || !names->is_object()) {
            return "the aliases body for [" + index_name + "] needs an \"aliases\" object";
        }
        for (const auto& [alias, props] : names->as_object()) {
            AliasProps parsed;
            if (const Json* filter = props.find("filter")) {
                parsed.filter = *filter;
            }
            if (const Json* routing = props.find("index_routing"); routing != nullptr && routing->is_string()) {
                parsed.index_routing = routing->as_string();
            }
            if (const Json* routing = props.find("search_routing"); routing != nullptr && routing->is_string()) {
                parsed.search_routing = routing->as_string();
            }
            if (const Json* write = props.find("is_write_index"); write != nullptr && write->is_bool()) {
                parsed.is_write_index = write->as_bool();
            }
            if (const Json* hidden = props.find("is_hidden"); hidden != nullptr && hidden->is_bool()) {
                parsed.is_hidden = hidden->as_bool();
            }
            found->second.aliases[alias] = parsed;
        }
    }
    return "";
}

std::string load_catalog(Cluster& cluster, const Json& catalog)
{
    if (!catalog.is_array()) {
        return "the catalog must be the JSON array GET _cat/indices?format=json returns";
    }
    std::map<std::string, Index> indices;
    for (const auto& row : catalog.as_array()) {
        Index index;
        if (std::string error = load_row(cluster, row, index); !error.empty()) {
            return error;
        }
        if (indices.count(index.name) != 0) {
            return "the catalog lists index [" + index.name + "] twice";
        }
        indices.emplace(index.name, std::move(index));
    }
    cluster.indices = std::move(indices);
    cluster.tasks.clear();
    return "";
}

}  // namespace

std::string load_catalog_and_aliases(Cluster& cluster, const Json& catalog, const Json& aliases)
{
    Cluster next = cluster;
    if (std::string error = load_catalog(next, catalog); !error.empty()) {
        return error;
    }
    if (std::string error = load_aliases(next, aliases); !error.empty()) {
        return error;
    }
    cluster = std::move(next);
    return "";
}

std::string load_state_document(Cluster& cluster, const Json& document)
{
    if (!document.is_object()) {
        return "the state document must be an object {\"version\":..,\"data_nodes\":..,\"cat_indices\":[..],"
               "\"aliases\":{..}}";
    }
    Cluster next = cluster;
    if (const Json* version = document.find("version"); version != nullptr && !version->is_null()) {
        Distribution distribution = Distribution::elasticsearch;
        if (const Json* given = document.find("distribution"); given != nullptr && !given->is_null()) {
            const auto parsed = given->is_string() ? Version::parse_distribution(given->as_string()) : std::nullopt;
            if (!parsed) {
                return "state [distribution] must be \"elasticsearch\" or \"opensearch\", got " + given->dump();
            }
            distribution = *parsed;
        }
        const auto parsed = version->is_string() ? Version::parse(version->as_string(), distribution) : std::nullopt;
        if (!parsed) {
            return "state [version] must be 7.10.x-7.17.x, 8.x.y or 9.x.y (OpenSearch: 1.x-3.x), got " +
                   version->dump();
        }
        next.version = *parsed;
    }
    if (const Json* nodes = document.find("data_nodes"); nodes != nullptr && !nodes->is_null()) {
        if (!nodes->is_integer() || nodes->as_int() < 1) {
            return "state [data_nodes] must be a positive integer, got " + nodes->dump();
        }
        next.data_nodes = static_cast<int>(nodes->as_int());
    } else if (const Json* allocation = document.find("cat_allocation"); allocation != nullptr && allocation->is_array()) {
        int rows = 0;  // a copied production _cat/allocation gives the node count
        for (const auto& row : allocation->as_array()) {
            rows += row["node"] == Json("UNASSIGNED") ? 0 : 1;
        }
        next.data_nodes = rows > 0 ? rows : next.data_nodes;
    }
    const Json* catalog = document.find("cat_indices");
    const Json empty = Json::array();
    const Json* aliases = document.find("aliases");
    if (std::string error = load_catalog_and_aliases(next, catalog != nullptr ? *catalog : empty,
                                                     aliases != nullptr ? *aliases : Json());
        !error.empty()) {
        return error;
    }
    if (std::string error = load_state_extras(next, document); !error.empty()) {
        return error;
    }
    cluster = std::move(next);
    return "";
}

Json dump_state_document(const Cluster& cluster)
{
    const auto now = Clock::now();
    Json rows = Json::array();
    Json aliases = Json::object();
    for (const auto& [name, index] : cluster.indices) {
        const ShardCounts counts = cluster.shard_counts(index, now);
        const std::int64_t copies = 1 + counts.active_replicas;
        const auto number = [&index = index](std::int64_t value) { return index.open ? Json(std::to_string(value)) : Json(); };
        Json row = Json::object();
        row["health"] = health_name(cluster.index_health(index, now));
        row["status"] = index.open ? "open" : "close";
        row["index"] = name;
        row["uuid"] = index.uuid;
        row["pri"] = std::to_string(index.primaries);
        row["rep"] = std::to_string(index.replicas);
        row["docs.count"] = number(index.docs);
        row["docs.deleted"] = number(index.docs_deleted);
        if (index.unrefreshed_docs > 0) {
            row["unrefreshed_docs"] = std::to_string(index.unrefreshed_docs);
        }
        row["store.size"] = number(index.primary_store_bytes * copies);
        row["pri.store.size"] = number(index.primary_store_bytes);
        row["segments.count"] = number(index.primaries * index.segments_per_shard * copies);
        row["pri.segments.count"] = number(index.primaries * index.segments_per_shard);
        row["creation.date"] = std::to_string(index.creation_date_millis);
        rows.push_back(std::move(row));
        Json entry = Json::object();
        Json names = Json::object();
        for (const auto& [alias, props] : index.aliases) {
            names[alias] = props.to_json();
        }
        entry["aliases"] = std::move(names);
        aliases[name] = std::move(entry);
    }
    Json document = Json::object();
    if (cluster.version.opensearch()) {
        document["distribution"] = "opensearch";
    }
    document["version"] = cluster.version.text();
    document["data_nodes"] = cluster.data_nodes;
    document["cat_indices"] = std::move(rows);
    document["aliases"] = std::move(aliases);
    dump_state_extras(cluster, document);
    return document;
}

}  // namespace aliasing::sim
