// GET /[{index}/]_mapping and PUT /{index}/_mapping. Typeless since 7.0, so 7.17 and 8.x answer the same
// {"<index>":{"mappings":{"properties":{...}}}} ({"mappings":{}} for an index with none). PUT merges new fields
// into the existing properties; changing a field's type is 400 illegal_argument_exception as in Elasticsearch.
#include "api/handlers.hpp"
#include "cluster/mapping.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

void merge_properties(Json& into, const Json& from, const std::string& prefix)
{
    for (const auto& [key, value] : from.as_object()) {
        if (key != "properties") {
            into[key] = value;
            continue;
        }
        for (const auto& [field, definition] : value.as_object()) {
            const std::string path = prefix.empty() ? field : prefix + "." + field;
            Json* existing = into["properties"].find(field);
            if (existing == nullptr) {
                into["properties"][field] = definition;
                continue;
            }
            const Json& old_type = (*existing)["type"];
            const Json& new_type = definition["type"];
            if (!old_type.is_null() && !new_type.is_null() && !(old_type == new_type)) {
                throw illegal_argument("mapper [" + path + "] cannot be changed from type [" +
                                       old_type.as_string() + "] to [" + new_type.as_string() + "]");
            }
            merge_properties(*existing, definition, path);
        }
    }
}

}  // namespace

Reply handle_get_mapping(Call& call)
{
    ResolveOptions options;
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    call.flag("local", false);
    call.flag("include_type_name", false);
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    Json body = Json::object();
    for (const auto& name : resolve_indices(cluster, call.var("index"), options)) {
        body[name]["mappings"] = cluster.indices.at(name).mappings;
    }
    return json_reply(std::move(body));
}

Reply handle_put_mapping(Call& call)
{
    ResolveOptions options;
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    call.flag("write_index_only", false);
    const Json body = call.body();
    if (const std::string problem = mapping_problem(body); !problem.empty() || body.is_null()) {
        throw full_error(400, "mapper_parsing_exception", problem.empty() ? "mapping source is empty" : problem);
    }
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    const auto names = resolve_indices(cluster, call.var("index"), options);
    std::vector<Json> merged;
    for (const auto& name : names) {
        merged.push_back(cluster.indices.at(name).mappings);
        merge_properties(merged.back(), body, "");
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        cluster.indices.at(names[i]).mappings = std::move(merged[i]);
    }
    Json reply = Json::object();
    reply["acknowledged"] = true;
    return json_reply(std::move(reply));
}

}  // namespace aliasing::sim
