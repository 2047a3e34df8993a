#include "aliasing/cluster/run_lock.hpp"

#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/index_path.hpp"
#include "aliasing/json_writer.hpp"

#include <Poco/JSON/Parser.h>

#include <random>

namespace aliasing::cluster {
namespace {

struct LockDocument {
    bool found = false;
    std::string holder, job, token;
    std::int64_t expires_at_ms = 0;
    std::int64_t seq_no = -1, primary_term = -1;
};

std::int64_t system_now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string random_token() {
    std::random_device device;
    std::mt19937_64 engine(device());
    static const char* hex = "0123456789abcdef";
    std::string token;
    for (int i = 0; i < 32; ++i) token += hex[engine() & 15];
    return token;
}

std::string doc_path(const std::string& id) { return "/" + std::string(kLockIndex) + "/_doc/" + encode_path_segment(id); }

Result<LockDocument> read_lock(EsClient& client, const std::string& id) {
    auto response = client.transport().request(Method::Get, doc_path(id), "", Replay::Safe);
    if (!response) return response.error();
    LockDocument doc;
    if (response->status == 404) return doc;  // no such document, or no lock index yet
    if (response->status != 200)
        return response_failure(Method::Get, doc_path(id), *response);
    try {
        auto root = Poco::JSON::Parser().parse(response->body).extract<Poco::JSON::Object::Ptr>();
        doc.found = root->optValue<bool>("found", false);
        if (!doc.found) return doc;
        doc.seq_no = root->getValue<std::int64_t>("_seq_no");
        doc.primary_term = root->getValue<std::int64_t>("_primary_term");
        auto source = root->getObject("_source");
        doc.holder = source->optValue<std::string>("holder", "?");
        doc.job = source->optValue<std::string>("job", "?");
        doc.token = source->optValue<std::string>("token", "");
        doc.expires_at_ms = source->optValue<std::int64_t>("expires_at_ms", 0);
    } catch (const Poco::Exception& error) {
        return make_error(ErrorKind::StepFailed, "unreadable lock document " + doc_path(id) + ": " + error.displayText());
    }
    return doc;
}

enum class Removal { Removed, Changed };

ClusterResult<Removal> remove_if_unchanged(EsClient& client, const std::string& id, std::int64_t seq_no,
                                           std::int64_t primary_term) {
    const std::string path = doc_path(id) + "?if_seq_no=" + std::to_string(seq_no) +
                             "&if_primary_term=" + std::to_string(primary_term);
    auto response = client.transport().request(Method::Delete, path, "", Replay::OutcomeUnknownIsError);
    if (!response) return ClusterResult<Removal>(response.error(), response.outcome());
    if (response->status == 200) return Removal::Removed;
    if (response->status == 409 || response->status == 404) return Removal::Changed;
    return response_failure(Method::Delete, path, *response);
}

std::string iso_time(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace

Result<RunLock> RunLock::acquire(EsClient& client, const LockRequest& request) {
    const auto now = request.now_ms ? request.now_ms : system_now_ms;
    const std::string token = random_token();
    const std::string create_path = "/" + std::string(kLockIndex) + "/_create/" + encode_path_segment(request.id);
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::int64_t acquired = now();
        JsonWriter body;
        body.begin_object().field("holder", request.holder).field("job", request.job).field("token", token);
        body.field("alias", request.id).field("acquired_at", iso_time(acquired)).field("acquired_at_ms", acquired);
        body.field("expires_at_ms", acquired + static_cast<std::int64_t>(request.ttl.count()) * 1000).end_object();

        auto created = client.transport().request(Method::Put, create_path, body.str(), Replay::OutcomeUnknownIsError);
        if (created && created->status == 201) {
            try {
                auto root = Poco::JSON::Parser().parse(created->body).extract<Poco::JSON::Object::Ptr>();
                RunLock lock;
                lock.m_id = request.id;
                lock.m_seq_no = root->getValue<std::int64_t>("_seq_no");
                lock.m_primary_term = root->getValue<std::int64_t>("_primary_term");
                return lock;
            } catch (const Poco::Exception& error) {
                return make_error(ErrorKind::StepFailed, "unreadable answer to " + create_path + ": " + error.displayText());
            }
        }
        if (created && created->status != 409)
            return response_failure(Method::Put, create_path, *created);
        if (!created && !created.outcome_unknown()) return created.error();

        // 409, or an unknown outcome: read who holds it now.
        auto held = read_lock(client, request.id);
        if (!held) return held.error();
        if (!held->found) continue;  // released meanwhile, or our create never arrived
        if (held->token == token) {
            RunLock lock;
            lock.m_id = request.id;
            lock.m_seq_no = held->seq_no;
            lock.m_primary_term = held->primary_term;
            return lock;
        }
        if (held->expires_at_ms > now()) {
            return make_error(ErrorKind::StepFailed,
                              "another run holds the lock on alias [" + request.id + "]: " + held->holder +
                                  " running " + held->job + ", until " + iso_time(held->expires_at_ms) +
                                  " at the latest. Not running twice at once; rerun when it is done (a lock left by "
                                  "a crashed run expires then; delete " + doc_path(request.id) +
                                  " to release it by hand)");
        }
        auto removed = remove_if_unchanged(client, request.id, held->seq_no, held->primary_term);
        if (!removed && !removed.outcome_unknown()) return removed.error();
    }
    return make_error(ErrorKind::StepFailed, "could not take the lock on alias [" + request.id +
                                                 "]: it kept changing hands; rerun later");
}

Status RunLock::release(EsClient& client) {
    if (m_released) return ok_status();
    m_released = true;
    auto removed = remove_if_unchanged(client, m_id, m_seq_no, m_primary_term);
    if (!removed) return removed.error();
    return ok_status();
}

}  // namespace aliasing::cluster
