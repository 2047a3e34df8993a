// Single-document APIs used for lock documents: PUT /{index}/_create/{id}, PUT /{index}/_doc/{id}[?op_type=create],
// GET|HEAD /{index}/_doc/{id}, DELETE /{index}/_doc/{id} with if_seq_no / if_primary_term. Missing indices are
// auto-created with default settings, as Elasticsearch does.
#include "api/documents.hpp"
#include "api/handlers.hpp"
#include "cluster/mapping.hpp"
#include "cluster/resolve.hpp"

namespace aliasing::sim {
namespace {

ApiError auto_create_refused(const std::string& name, const std::string& why)
{
    return full_error(404, "index_not_found_exception", "no such index [" + name + "] and " + why,
                      {{"index_uuid", "_na_"}, {"index", name}});
}

// Elasticsearch's AutoCreateIndex: true, false, or a comma list of +/- patterns where the first match decides.
void check_auto_create(const Cluster& cluster, const std::string& name)
{
    if (!cluster.auto_create_index || *cluster.auto_create_index == "true") {
        return;
    }
    const std::string& value = *cluster.auto_create_index;
    if (value == "false") {
        throw auto_create_refused(name, "[action.auto_create_index] is [false]");
    }
    for (const std::string& item : split_list(value)) {
        const bool exclude = !item.empty() && item.front() == '-';
        const std::string pattern = !item.empty() && (item.front() == '-' || item.front() == '+') ? item.substr(1) : item;
        if (simple_match(pattern, name)) {
            if (exclude) {
                throw auto_create_refused(name, "[action.auto_create_index] contains [" + item +
                                                    "] which forbids automatic creation of the index");
            }
            return;
        }
    }
    throw auto_create_refused(name, "[action.auto_create_index] ([" + value + "]) doesn't match");
}

Index& target_index(Cluster& cluster, const std::string& name)
{
    if (auto found = cluster.indices.find(name); found != cluster.indices.end()) {
        if (!found->second.open) {
            throw index_closed(name, found->second.uuid);
        }
        return found->second;
    }
    const auto holders = cluster.indices_with_alias(name);
    if (!holders.empty()) {
        std::vector<std::string> writers;
        for (const auto& holder : holders) {
            const auto& props = cluster.indices.at(holder).aliases.at(name);
            if (props.is_write_index.value_or(holders.size() == 1)) {
                writers.push_back(holder);
            }
        }
        if (writers.size() != 1) {
            throw illegal_argument("no write index is defined for alias [" + name +
                                   "]. The write index may be explicitly disabled using is_write_index=false or the "
                                   "alias points to multiple indices without one being designated as a write index");
        }
        return cluster.indices.at(writers.front());
    }
    if (const std::string broken = name_rule_broken(name, NameKind::index); !broken.empty()) {
        throw invalid_index_name(name, broken);
    }
    check_auto_create(cluster, name);
    Index index;
    index.name = name;
    index.uuid = random_uuid();
    index.creation_date_millis = epoch_millis_now();
    index.primary_store_bytes = 225;
    return cluster.indices.emplace(name, std::move(index)).first->second;
}

Json doc_head(const Cluster& cluster, const Index& index, const std::string& id)
{
    Json body = Json::object();
    body["_index"] = index.name;
    if (cluster.version.is_7x() && !cluster.version.os_at_least(2, 0)) {
        body["_type"] = "_doc";
    }
    body["_id"] = id;
    return body;
}

Json shards_body(const Cluster& cluster, const Index& index)
{
    const ShardCounts counts = cluster.shard_counts(index, Clock::now());
    Json shards = Json::object();
    shards["total"] = 1 + index.replicas;
    shards["successful"] = 1 + counts.active_replicas;
    shards["failed"] = 0;
    return shards;
}

ApiError version_conflict(const Index& index, const std::string& id, const std::string& detail)
{
    return full_error(409, "version_conflict_engine_exception", "[" + id + "]: version conflict, " + detail,
                      {{"index_uuid", index.uuid}, {"shard", "0"}, {"index", index.name}});
}

Conditions read_conditions(const Call& call)
{
    Conditions conditions;
    if (call.param("if_seq_no")) {
        conditions.if_seq_no = call.integer("if_seq_no", 0);
    }
    if (call.param("if_primary_term")) {
        conditions.if_primary_term = call.integer("if_primary_term", 0);
    }
    if (conditions.if_seq_no.has_value() != conditions.if_primary_term.has_value()) {
        throw validation_failed({"ifSeqNo is set, but primary term is [0]"});
    }
    return conditions;
}

void check_conditions(const Conditions& conditions, const Index& index, const std::string& id, const Document* doc)
{
    if (!conditions.if_seq_no) {
        return;
    }
    const std::string required = "required seqNo [" + std::to_string(*conditions.if_seq_no) + "], primary term [" +
                                 std::to_string(*conditions.if_primary_term) + "]. ";
    if (doc == nullptr || doc->deleted) {
        throw version_conflict(index, id, required + "but no document was found");
    }
    if (doc->seq_no != *conditions.if_seq_no || doc->primary_term != *conditions.if_primary_term) {
        throw version_conflict(index, id,
                               required + "current document has seqNo [" + std::to_string(doc->seq_no) +
                                   "] and primary term [" + std::to_string(doc->primary_term) + "]");
    }
}

bool refresh_requested(const Call& call)
{
    const auto refresh = call.param("refresh");
    return refresh && (refresh->empty() || *refresh == "true" || *refresh == "wait_for");
}

Reply write_document(Call& call, WriteMode mode)
{
    const std::string id = call.var("id");
    const Json source = call.body();
    if (!source.is_object()) {
        throw validation_failed({"source is missing", "content type is missing"});
    }
    const Conditions conditions = read_conditions(call);
    const bool refresh_now = refresh_requested(call);
    const auto guard = call.lock();
    DocOutcome outcome = write_one(call.cluster(), call.var("index"), id, source, mode, conditions, refresh_now);
    return json_reply(std::move(outcome.body), outcome.status);
}

}  // namespace

DocOutcome write_one(Cluster& cluster, const std::string& target, const std::string& id, const Json& source,
                     WriteMode mode, const Conditions& conditions, bool refresh_now)
{
    Index& index = target_index(cluster, target);
    auto found = index.documents.find(id);
    Document* existing = found == index.documents.end() ? nullptr : &found->second;
    if (mode == WriteMode::create_only && existing != nullptr && !existing->deleted) {
        throw version_conflict(index, id,
                               "document already exists (current version [" + std::to_string(existing->version) + "])");
    }
    check_conditions(conditions, index, id, existing);
    const bool created = existing == nullptr || existing->deleted;
    Json mappings = index.mappings;
    if (const std::string refused = map_dynamically(mappings, source); !refused.empty()) {
        throw full_error(400, "strict_dynamic_mapping_exception",
                         "[1:2] mapping set to strict, dynamic introduction of [" + refused + "] within [_doc] is not allowed");
    }
    index.mappings = std::move(mappings);
    // Searchable at the next (periodic) refresh; with refresh_interval -1 only after POST _refresh or ?refresh.
    Document doc;
    doc.source = source;
    doc.refreshed = existing != nullptr && !existing->deleted ? existing->refreshed : false;
    doc.seq_no = index.next_seq_no++;
    doc.primary_term = 1;
    doc.version = existing != nullptr ? existing->version + 1 : 1;
    index.documents[id] = doc;
    if (created) {
        ++index.unrefreshed_docs;
        index.segments_per_shard = std::max<std::int64_t>(index.segments_per_shard, 1);
    }
    if (refresh_now || !index.refresh_disabled()) {
        index.refresh();
    }
    Json body = doc_head(cluster, index, id);
    body["_version"] = doc.version;
    body["result"] = created ? "created" : "updated";
    body["_shards"] = shards_body(cluster, index);
    body["_seq_no"] = doc.seq_no;
    body["_primary_term"] = doc.primary_term;
    return {created ? 201 : 200, std::move(body)};
}

DocOutcome delete_one(Cluster& cluster, const std::string& target, const std::string& id, const Conditions& conditions)
{
    Index& index = target_index(cluster, target);
    auto found = index.documents.find(id);
    Document* existing = found == index.documents.end() ? nullptr : &found->second;
    check_conditions(conditions, index, id, existing);
    Json body = doc_head(cluster, index, id);
    const std::int64_t seq_no = index.next_seq_no++;
    if (existing == nullptr || existing->deleted) {
        body["_version"] = existing != nullptr ? existing->version + 1 : 1;
        body["result"] = "not_found";
        body["_shards"] = shards_body(cluster, index);
        body["_seq_no"] = seq_no;
        body["_primary_term"] = 1;
        if (existing != nullptr) {
            existing->version += 1;
        }
        return {404, std::move(body)};
    }
    existing->deleted = true;
    existing->version += 1;
    existing->seq_no = seq_no;
    --(existing->refreshed ? index.docs : index.unrefreshed_docs);
    ++index.docs_deleted;
    body["_version"] = existing->version;
    body["result"] = "deleted";
    body["_shards"] = shards_body(cluster, index);
    body["_seq_no"] = seq_no;
    body["_primary_term"] = 1;
    return {200, std::move(body)};
}

Reply handle_create_doc(Call& call)
{
    return write_document(call, WriteMode::create_only);
}

Reply handle_index_doc(Call& call)
{
    const auto op_type = call.param("op_type");
    if (op_type && *op_type != "create" && *op_type != "index") {
        throw illegal_argument("opType must be 'create' or 'index', found: [" + *op_type + "]");
    }
    return write_document(call, op_type && *op_type == "create" ? WriteMode::create_only : WriteMode::index);
}

Reply handle_get_doc(Call& call)
{
    call.flag("realtime", true);
    call.flag("refresh", false);
    const std::string id = call.var("id");
    const auto guard = call.lock();
    const Cluster& cluster = call.cluster();
    const std::string name = call.var("index");
    auto found_index = cluster.indices.find(name);
    if (found_index == cluster.indices.end()) {
        const auto holders = cluster.indices_with_alias(name);
        if (holders.size() != 1) {
            if (call.is_head()) {
                return empty_reply(404);
            }
            if (holders.empty()) {
                throw index_not_found(name);
            }
            throw illegal_argument("alias [" + name +
                                   "] has more than one index associated with it, can't execute a single index op");
        }
        found_index = cluster.indices.find(holders.front());
    }
    const Index& index = found_index->second;
    if (!index.open) {
        throw index_closed(index.name, index.uuid);
    }
    const auto found = index.documents.find(id);
    Json body = doc_head(cluster, index, id);
    if (found == index.documents.end() || found->second.deleted) {
        body["found"] = false;
        return call.is_head() ? empty_reply(404) : json_reply(std::move(body), 404);
    }
    if (call.is_head()) {
        return empty_reply(200);
    }
    body["_version"] = found->second.version;
    body["_seq_no"] = found->second.seq_no;
    body["_primary_term"] = found->second.primary_term;
    body["found"] = true;
    body["_source"] = found->second.source;
    return json_reply(std::move(body));
}

Reply handle_delete_doc(Call& call)
{
    const std::string id = call.var("id");
    const Conditions conditions = read_conditions(call);
    const auto guard = call.lock();
    DocOutcome outcome = delete_one(call.cluster(), call.var("index"), id, conditions);
    return json_reply(std::move(outcome.body), outcome.status);
}

}  // namespace aliasing::sim
