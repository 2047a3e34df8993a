#include "aliasing/cluster/run_lock.hpp"

#include "aliasing/cluster/lock_store.hpp"
#include "aliasing/render/json_writer.hpp"

#include <algorithm>
#include <random>
#include <thread>

namespace aliasing::cluster {
namespace {

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

std::chrono::milliseconds interval_for(std::chrono::seconds ttl) {
    const auto fifth = std::chrono::duration_cast<std::chrono::milliseconds>(ttl) / 5;
    return std::clamp(fifth, std::chrono::milliseconds(200), std::chrono::milliseconds(10000));
}

LockView view_of(const StoredDoc& doc) {
    LockView view;
    view.holder = doc.text("holder", "?");
    view.job = doc.text("job", "?");
    view.acquired_at = doc.text("acquired_at", "?");
    view.heartbeat_at = doc.text("heartbeat_at", view.acquired_at);
    view.beats = doc.number("beats");
    view.ttl_ms = doc.number("ttl_ms");
    view.seq_no = doc.seq_no;
    view.primary_term = doc.primary_term;
    return view;
}

bool same_version(const StoredDoc& a, const StoredDoc& b) {
    return a.seq_no == b.seq_no && a.primary_term == b.primary_term;
}

std::string holder_text(const LockView& view) {
    return view.holder + " running " + view.job + " since " + view.acquired_at + " (last heartbeat " +
           view.heartbeat_at + ", holder's clock)";
}

struct Clocks {
    std::function<std::int64_t()> now_ms;
    std::function<std::chrono::steady_clock::time_point()> steady;
    std::function<void(std::chrono::milliseconds)> sleep;
};

Clocks clocks_of(const LockRequest& request) {
    Clocks clocks{request.now_ms, request.steady_now, request.sleep};
    if (!clocks.now_ms) clocks.now_ms = system_now_ms;
    if (!clocks.steady) clocks.steady = [] { return std::chrono::steady_clock::now(); };
    if (!clocks.sleep) clocks.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    return clocks;
}

}  // namespace

std::string iso_time_ms(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string lock_index_refused(const std::string& index, const std::string& request, const std::string& cause) {
    return "the cluster refuses the run lock index [" + index + "] (" + request + ": " + cause +
           "). Every run that changes the cluster keeps its lock (and any rollback hold) there. Either create it once "
           "(PUT /" + index + ") or allow its automatic creation (action.auto_create_index: +" + index +
           "), and grant the user the index privileges read, write and create_index (or auto_configure) on [" +
           index + "]; or choose an index it may use with --lock-index NAME";
}

Result<std::optional<LockView>> read_lock_view(EsClient& client, const std::string& index, const std::string& id) {
    auto doc = get_stored_doc(client, index, id);
    if (!doc) return doc.error();
    if (!*doc) return std::optional<LockView>();
    return std::optional<LockView>(view_of(**doc));
}

Result<RunLock> RunLock::acquire(EsClient& client, const LockRequest& request) {
    const Clocks clocks = clocks_of(request);
    RunLock lock;
    lock.m_id = request.id;
    lock.m_index = request.index;
    lock.m_token = random_token();
    lock.m_request = request;
    lock.m_interval = interval_for(request.ttl);

    std::optional<StoredDoc> watched;  // the held document as first seen, unchanged since `watched_since`
    auto watched_since = clocks.steady();
    bool told = false;
    for (int round = 0; round < 100000; ++round) {
        if (request.interrupted && request.interrupted())
            return make_error(ErrorKind::Interrupted, "interrupted while waiting for the run lock on alias [" +
                                                          request.id + "]; nothing was changed");
        const std::int64_t now = clocks.now_ms();
        lock.m_acquired_at = iso_time_ms(now);
        auto created = create_stored_doc(client, request.index, request.id, lock.document(now, 0));
        if (created && *created) {
            lock.m_seq_no = (*created)->seq_no;
            lock.m_primary_term = (*created)->primary_term;
            lock.m_last_beat = clocks.steady();
            return lock;
        }
        if (!created && !created.outcome_unknown()) return created.error();

        // Held (409), or an unknown outcome: read who holds it now.
        auto held = get_stored_doc(client, request.index, request.id);
        if (!held) return held.error();
        if (!*held) continue;  // released meanwhile, or our create never arrived
        const StoredDoc& doc = **held;
        if (doc.text("token") == lock.m_token) {  // our own create arrived although its answer was lost
            lock.m_seq_no = doc.seq_no;
            lock.m_primary_term = doc.primary_term;
            lock.m_last_beat = clocks.steady();
            return lock;
        }
        const LockView view = view_of(doc);
        if (watched && !same_version(*watched, doc)) {
            return make_error(ErrorKind::StepFailed,
                              "another run holds the lock on alias [" + request.id + "]: " + holder_text(view) +
                                  "; it is alive (its heartbeat changed the lock while this run watched). Not running "
                                  "twice at once; rerun when it is done");
        }
        if (!watched) {
            watched = doc;
            watched_since = clocks.steady();
        }
        const std::int64_t ttl_ms = view.ttl_ms > 0 ? view.ttl_ms : static_cast<std::int64_t>(request.ttl.count()) * 1000;
        const auto watched_for = clocks.steady() - watched_since;
        if (watched_for < std::chrono::milliseconds(ttl_ms)) {
            if (!told && request.on_wait) {
                request.on_wait("the lock on alias [" + request.id + "] is held by " + holder_text(view) +
                                "; watching it: refused at its next heartbeat, taken over if it shows none for " +
                                std::to_string(ttl_ms / 1000) + "s (a run that died)");
                told = true;
            }
            const std::int64_t every = std::clamp<std::int64_t>(doc.number("heartbeat_ms", 1000) / 2, 50, 1000);
            clocks.sleep(std::chrono::milliseconds(every));
            continue;
        }
        // Unchanged for the whole TTL by our own clock: the holder is dead. Delete exactly what we watched.
        if (request.on_wait)
            request.on_wait("taking over the lock on alias [" + request.id + "] left by " + view.holder +
                            ": no heartbeat for " + std::to_string(ttl_ms / 1000) + "s");
        auto removed = delete_stored_doc(client, request.index, request.id, doc);
        if (!removed && !removed.outcome_unknown()) return removed.error();
        watched.reset();
        told = false;
    }
    return make_error(ErrorKind::StepFailed, "could not take the lock on alias [" + request.id +
                                                 "]: it kept changing hands; rerun later");
}

Status RunLock::heartbeat(EsClient& client, Renewal when, std::string* warning) {
    if (m_released) return ok_status();
    const Clocks clocks = clocks_of(m_request);
    if (when == Renewal::IfDue && clocks.steady() - m_last_beat < m_interval) return ok_status();
    StoredDoc expected;
    expected.seq_no = m_seq_no;
    expected.primary_term = m_primary_term;
    StoredDoc written;
    auto put = put_stored_doc(client, m_index, m_id, document(clocks.now_ms(), m_beats + 1), expected, &written);
    auto lost = [&](const std::string& how) {
        m_released = true;  // never delete what is no longer ours
        return make_error(ErrorKind::StepFailed,
                          "this run lost its lock on alias [" + m_id + "] (" + how +
                              "): another run may be acting on the alias, so this one stops here without changing "
                              "anything more. Check `aliasing status`, then rerun");
    };
    if (put && *put == WriteResult::Written) {
        m_seq_no = written.seq_no;
        m_primary_term = written.primary_term;
        ++m_beats;
        m_last_beat = clocks.steady();
        return ok_status();
    }
    if (put) return lost(*put == WriteResult::Conflict ? "it was taken over" : "it was deleted");
    if (put.outcome_unknown()) {  // the renewal may have been applied: the token says whose it is now
        auto now_doc = get_stored_doc(client, m_index, m_id);
        if (now_doc && *now_doc && (*now_doc)->text("token") == m_token) {
            m_seq_no = (*now_doc)->seq_no;
            m_primary_term = (*now_doc)->primary_term;
            ++m_beats;
            m_last_beat = clocks.steady();
            return ok_status();
        }
        if (now_doc) return lost(*now_doc ? "it was taken over" : "it was deleted");
    }
    if (when == Renewal::IfDue) {
        if (warning) *warning = "could not renew the run lock (retried at the next safe point): " + put.error().message;
        return ok_status();
    }
    return make_error(ErrorKind::StepFailed, "could not confirm this run still holds its lock on alias [" + m_id +
                                                 "]: " + put.error().message + "; nothing more was changed, rerun");
}

std::string RunLock::document(std::int64_t now_ms, std::int64_t beats) const {
    JsonWriter body;
    body.begin_object().field("holder", m_request.holder).field("job", m_request.job).field("token", m_token);
    body.field("alias", m_id).field("acquired_at", m_acquired_at).field("heartbeat_at", iso_time_ms(now_ms));
    body.field("beats", beats).field("ttl_ms", static_cast<std::int64_t>(m_request.ttl.count()) * 1000);
    body.field("heartbeat_ms", static_cast<std::int64_t>(m_interval.count())).end_object();
    return body.take();
}

Status RunLock::release(EsClient& client) {
    if (m_released) return ok_status();
    m_released = true;
    StoredDoc expected;
    expected.seq_no = m_seq_no;
    expected.primary_term = m_primary_term;
    auto removed = delete_stored_doc(client, m_index, m_id, expected);
    if (!removed) return removed.error();
    return ok_status();
}

}  // namespace aliasing::cluster
