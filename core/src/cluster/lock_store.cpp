#include "aliasing/cluster/lock_store.hpp"

#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/index_path.hpp"
#include "aliasing/cluster/run_lock.hpp"

#include <Poco/JSON/Parser.h>

namespace aliasing::cluster {
namespace {

std::string base_path(const std::string& index, const std::string& endpoint, const std::string& id) {
    return "/" + encode_path_segment(index) + "/" + endpoint + "/" + encode_path_segment(id);
}

std::string conditions(const std::optional<StoredDoc>& expected) {
    if (!expected) return "";
    return "?if_seq_no=" + std::to_string(expected->seq_no) + "&if_primary_term=" + std::to_string(expected->primary_term);
}

// The cluster refusing the lock index itself: a 403, or a 404 index_not_found on a write (auto-create disabled).
std::optional<Error> refusal(const std::string& index, Method method, const std::string& path,
                             const HttpResponse& response, bool write) {
    const EsError error = parse_es_error(response.body);
    const bool forbidden = response.status == 403;
    const bool no_auto_create = write && response.status == 404 && error.type == "index_not_found_exception";
    if (!forbidden && !no_auto_create) return std::nullopt;
    return make_error(ErrorKind::Unreachable, lock_index_refused(index, std::string(method_name(method)) + " " + path,
                                                                 describe_status(response)));
}

Result<StoredDoc> parse_version(const std::string& body, const std::string& path) {
    try {
        auto root = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
        StoredDoc doc;
        doc.seq_no = root->getValue<std::int64_t>("_seq_no");
        doc.primary_term = root->getValue<std::int64_t>("_primary_term");
        return doc;
    } catch (const Poco::Exception& error) {
        return make_error(ErrorKind::StepFailed, "unreadable answer to " + path + ": " + error.displayText());
    }
}

}  // namespace

std::string StoredDoc::text(const std::string& name, const std::string& fallback) const {
    auto found = fields.find(name);
    return found == fields.end() ? fallback : found->second;
}

std::int64_t StoredDoc::number(const std::string& name, std::int64_t fallback) const {
    auto found = fields.find(name);
    if (found == fields.end()) return fallback;
    try {
        return std::stoll(found->second);
    } catch (const std::exception&) {
        return fallback;
    }
}

std::string lock_doc_path(const std::string& index, const std::string& id) { return base_path(index, "_doc", id); }

Result<std::optional<StoredDoc>> get_stored_doc(EsClient& client, const std::string& index, const std::string& id) {
    const std::string path = lock_doc_path(index, id);
    auto response = client.transport().request(Method::Get, path, "", Replay::Safe);
    if (!response) return response.error();
    if (auto refused = refusal(index, Method::Get, path, *response, false)) return *refused;
    if (response->status == 404) return std::optional<StoredDoc>();
    if (response->status != 200) return response_failure(Method::Get, path, *response);
    try {
        auto root = Poco::JSON::Parser().parse(response->body).extract<Poco::JSON::Object::Ptr>();
        if (!root->optValue<bool>("found", false)) return std::optional<StoredDoc>();
        StoredDoc doc;
        doc.seq_no = root->getValue<std::int64_t>("_seq_no");
        doc.primary_term = root->getValue<std::int64_t>("_primary_term");
        auto source = root->getObject("_source");
        if (source) {
            for (const auto& [key, value] : *source) {
                if (!value.isEmpty()) doc.fields[key] = value.convert<std::string>();
            }
        }
        return std::optional<StoredDoc>(std::move(doc));
    } catch (const Poco::Exception& error) {
        return make_error(ErrorKind::StepFailed, "unreadable document " + path + ": " + error.displayText());
    }
}

Result<std::optional<StoredDoc>> create_stored_doc(EsClient& client, const std::string& index,
                                                          const std::string& id, const std::string& source) {
    const std::string path = base_path(index, "_create", id);
    auto response = client.transport().request(Method::Put, path, source, Replay::OutcomeUnknownIsError);
    if (!response) return response.error();
    if (auto refused = refusal(index, Method::Put, path, *response, true)) return *refused;
    if (response->status == 409) return std::optional<StoredDoc>();
    if (response->status != 201 && response->status != 200)
        return response_failure(Method::Put, path, *response);
    auto version = parse_version(response->body, path);
    if (!version) return version.error();
    return std::optional<StoredDoc>(std::move(version).value());
}

Result<WriteResult> put_stored_doc(EsClient& client, const std::string& index, const std::string& id,
                                          const std::string& source, const std::optional<StoredDoc>& expected,
                                          StoredDoc* written) {
    const std::string path = lock_doc_path(index, id) + conditions(expected);
    auto response = client.transport().request(Method::Put, path, source, Replay::OutcomeUnknownIsError);
    if (!response) return response.error();
    if (auto refused = refusal(index, Method::Put, path, *response, true)) return *refused;
    if (response->status == 409) return expected ? WriteResult::Conflict : WriteResult::Missing;
    if (response->status != 200 && response->status != 201)
        return response_failure(Method::Put, path, *response);
    auto version = parse_version(response->body, path);
    if (!version) return version.error();
    if (written) *written = *version;
    return WriteResult::Written;
}

Result<WriteResult> delete_stored_doc(EsClient& client, const std::string& index, const std::string& id,
                                             const std::optional<StoredDoc>& expected) {
    const std::string path = lock_doc_path(index, id) + conditions(expected);
    auto response = client.transport().request(Method::Delete, path, "", Replay::OutcomeUnknownIsError);
    if (!response) return response.error();
    if (auto refused = refusal(index, Method::Delete, path, *response, false)) return *refused;
    if (response->status == 200) return WriteResult::Written;
    if (response->status == 409) return WriteResult::Conflict;
    if (response->status == 404) return WriteResult::Missing;
    return response_failure(Method::Delete, path, *response);
}

}  // namespace aliasing::cluster
