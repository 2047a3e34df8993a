// POST|PUT /[{index}/]_bulk: NDJSON action lines (index, create, delete, update with "doc") applied one by one,
// as Elasticsearch 8.x does: {"took":ms,"errors":bool,"items":[{"<action>":{...,"status":N}}]}, an item's failure
// as {"<action>":{"_index","_id","status","error":{...}}} without failing the others.
#include "api/documents.hpp"
#include "api/handlers.hpp"

#include <chrono>

namespace aliasing::sim {
namespace {

struct BulkItem {
    std::string action;
    std::string index;
    std::string id;
    Json source;
    Conditions conditions;
};

std::vector<std::string> split_lines(const std::string& body)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < body.size()) {
        const std::size_t end = body.find('\n', start);
        std::string line = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty()) {
            lines.push_back(std::move(line));
        }
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return lines;
}

Json parse_line(const std::string& line)
{
    std::string error;
    auto parsed = Json::parse(line, &error);
    if (!parsed) {
        throw full_error(400, "x_content_parse_exception", "[1:1] " + error);
    }
    return *parsed;
}

std::vector<BulkItem> parse_items(const std::string& body, const std::string& default_index)
{
    if (!body.empty() && body.back() != '\n') {
        throw illegal_argument("The bulk request must be terminated by a newline [\\n]");
    }
    const auto lines = split_lines(body);
    std::vector<BulkItem> items;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Json action = parse_line(lines[i]);
        if (!action.is_object() || action.size() != 1) {
            throw illegal_argument("Malformed action/metadata line [" + std::to_string(i + 1) +
                                   "], expected START_OBJECT or END_OBJECT but found [VALUE_STRING]");
        }
        const auto& [name, meta] = action.as_object().front();
        if (name != "index" && name != "create" && name != "delete" && name != "update") {
            throw illegal_argument("Malformed action/metadata line [" + std::to_string(i + 1) +
                                   "], expected one of [create, delete, index, update] but found [" + name + "]");
        }
        BulkItem item;
        item.action = name;
        const Json* index = meta.find("_index");
        item.index = index != nullptr && index->is_string() ? index->as_string() : default_index;
        const Json* id = meta.find("_id");
        item.id = id == nullptr ? "" : (id->is_string() ? id->as_string() : id->dump());
        if (const Json* seq = meta.find("if_seq_no"); seq != nullptr && seq->is_integer()) {
            item.conditions.if_seq_no = seq->as_int();
        }
        if (const Json* term = meta.find("if_primary_term"); term != nullptr && term->is_integer()) {
            item.conditions.if_primary_term = term->as_int();
        }
        if (item.index.empty()) {
            throw validation_failed({"index is missing"});
        }
        if ((name == "delete" || name == "update") && item.id.empty()) {
            throw validation_failed({"id is missing"});
        }
        if (name != "delete") {
            if (++i >= lines.size()) {
                throw illegal_argument("The bulk request must be terminated by a newline [\\n]");
            }
            item.source = parse_line(lines[i]);
        }
        items.push_back(std::move(item));
    }
    if (items.empty()) {
        throw validation_failed({"no requests added"});
    }
    return items;
}

DocOutcome update_one(Cluster& cluster, const BulkItem& item, bool refresh_now)
{
    const Json* doc = item.source.find("doc");
    if (doc == nullptr || !doc->is_object()) {
        throw validation_failed({"script or doc is missing"});
    }
    auto found = cluster.indices.find(item.index);
    const Document* existing = nullptr;
    if (found != cluster.indices.end()) {
        auto stored = found->second.documents.find(item.id);
        existing = stored != found->second.documents.end() && !stored->second.deleted ? &stored->second : nullptr;
    }
    const Json* upsert = item.source.find("doc_as_upsert");
    if (existing == nullptr && !(upsert != nullptr && upsert->is_bool() && upsert->as_bool())) {
        throw full_error(404, "document_missing_exception", "[" + item.id + "]: document missing",
                         {{"index_uuid", found != cluster.indices.end() ? found->second.uuid : "_na_"},
                          {"shard", "0"}, {"index", item.index}});
    }
    Json merged = existing != nullptr ? existing->source : Json::object();
    for (const auto& [key, value] : doc->as_object()) {
        merged[key] = value;
    }
    if (existing != nullptr && existing->source == merged) {
        // Elasticsearch's detect_noop: nothing is written, the version stays.
        Json body = Json::object();
        body["_index"] = item.index;
        if (cluster.version.is_7x()) {
            body["_type"] = "_doc";
        }
        body["_id"] = item.id;
        body["_version"] = existing->version;
        body["result"] = "noop";
        body["_shards"] = Json::parse(R"({"total":0,"successful":0,"failed":0})").value_or(Json());
        body["_seq_no"] = existing->seq_no;
        body["_primary_term"] = existing->primary_term;
        return {200, std::move(body)};
    }
    return write_one(cluster, item.index, item.id, merged, WriteMode::index, item.conditions, refresh_now);
}

}  // namespace

Reply handle_bulk(Call& call)
{
    const auto started = std::chrono::steady_clock::now();
    const auto refresh = call.param("refresh");
    const bool refresh_now = refresh && (refresh->empty() || *refresh == "true" || *refresh == "wait_for");
    const auto items = parse_items(call.request().body, call.var("index"));
    const auto guard = call.lock();
    Cluster& cluster = call.cluster();
    Json results = Json::array();
    bool errors = false;
    for (const auto& item : items) {
        DocOutcome outcome;
        const std::string id = item.id.empty() ? random_uuid().substr(0, 20) : item.id;
        try {
            if (item.action == "delete") {
                outcome = delete_one(cluster, item.index, id, item.conditions);
            } else if (item.action == "update") {
                outcome = update_one(cluster, item, refresh_now);
            } else if (!item.source.is_object()) {
                throw full_error(400, "mapper_parsing_exception", "failed to parse");
            } else {
                outcome = write_one(cluster, item.index, id, item.source,
                                    item.action == "create" ? WriteMode::create_only : WriteMode::index,
                                    item.conditions, refresh_now);
            }
            outcome.body["status"] = outcome.status;
        } catch (const ApiError& error) {
            errors = true;
            outcome.body = Json::object();
            outcome.body["_index"] = item.index;
            outcome.body["_id"] = id;
            outcome.body["status"] = error.status;
            Json cause = error.body["error"];
            if (cause.is_object()) {
                cause.erase("root_cause");
            }
            outcome.body["error"] = std::move(cause);
        }
        Json entry = Json::object();
        entry[item.action] = std::move(outcome.body);
        results.push_back(std::move(entry));
    }
    Json body = Json::object();
    body["took"] = static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    body["errors"] = errors;
    body["items"] = std::move(results);
    return json_reply(std::move(body));
}

}  // namespace aliasing::sim
