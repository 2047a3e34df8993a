#pragma once
/// One run of a job at a time, across hosts (a scheduler retry overlapping a slow run). The lock is a document in
/// a small index of the tool's own, created with op_type=create so exactly one run wins, renewed by the holder
/// (a heartbeat: each renewal changes the document's _seq_no) and released with if_seq_no/if_primary_term so a run
/// never deletes or renews a lock it does not hold.
///
/// Expiry never compares the clocks of two hosts: a run that finds the lock held watches the document with its own
/// monotonic clock. A change (a heartbeat) means the holder is alive: refused at once. No change for the holder's
/// TTL means the holder is dead: the lock is taken over with a conditional delete of exactly what was watched.

#include "aliasing/common/result.hpp"
#include "aliasing/cluster/es_client.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace aliasing::cluster {

/// The default index holding lock and rollback-hold documents (`--lock-index` chooses another). Outside every data
/// source's naming, so planning never touches it.
inline constexpr const char* kLockIndex = "aliasing-locks";

/// The default --lock-ttl: how long a dead run's lock blocks others.
inline constexpr std::chrono::seconds kDefaultLockTtl{15 * 60};

struct LockRequest {
    std::string id;      ///< one lock per alias: two jobs moving the same alias never run at once
    std::string holder;  ///< "host:pid", shown to whoever is refused
    std::string job;     ///< the job file, for the same message
    std::chrono::seconds ttl = kDefaultLockTtl;  ///< how long a lock without heartbeat is watched before takeover
    std::string index = kLockIndex;              ///< --lock-index
    std::function<std::int64_t()> now_ms;        ///< wall clock, only written for people to read; default: system
    std::function<std::chrono::steady_clock::time_point()> steady_now;  ///< default: std::chrono::steady_clock
    std::function<void(std::chrono::milliseconds)> sleep;               ///< default: std::this_thread::sleep_for
    std::function<bool()> interrupted;                                  ///< stop watching (SIGTERM); may be empty
    std::function<void(const std::string&)> on_wait;  ///< told once when a held lock is being watched
};

/// A lock or hold document as the cluster holds it now (for `status` and for refusals).
struct LockView {
    std::string holder, job, acquired_at, heartbeat_at;  ///< times are the holder's clock, ISO-8601 UTC
    std::int64_t beats = 0;                              ///< heartbeats so far
    std::int64_t ttl_ms = 0;
    std::int64_t seq_no = -1, primary_term = -1;
};

/// Whether a heartbeat is sent now or only when one is due.
enum class Renewal { IfDue, Now };

class RunLock {
public:
    /// Takes the lock, watching a held one as described above. When another (live) run holds it:
    /// ErrorKind::StepFailed naming the holder, the job and its last heartbeat. When the cluster refuses the lock
    /// index (auto-create disabled, 403): ErrorKind::Unreachable naming the index, the privilege and --lock-index.
    static Result<RunLock> acquire(EsClient& client, const LockRequest& request);

    /// Renews the lock (conditional on the seq_no/primary_term last written) when a heartbeat is due, or now.
    /// A lock taken over or deleted meanwhile is ErrorKind::StepFailed: the run must stop before changing anything.
    /// A failed IfDue renewal that does not prove the loss is only reported through `warning`.
    Status heartbeat(EsClient& client, Renewal when, std::string* warning = nullptr);

    /// Deletes the lock if it is still this run's. Errors are returned, never thrown; the lock then expires.
    Status release(EsClient& client);

    const std::string& id() const { return m_id; }
    /// How often the holder renews: a fifth of the TTL, at least 200 ms, at most 10 s.
    std::chrono::milliseconds heartbeat_interval() const { return m_interval; }

private:
    /// The lock document's source: who, since when, the last heartbeat (this host's clock, for people), TTL.
    std::string document(std::int64_t now_ms, std::int64_t beats) const;

    std::string m_id, m_index, m_token;
    LockRequest m_request;
    std::int64_t m_seq_no = -1;
    std::int64_t m_primary_term = -1;
    std::int64_t m_beats = 0;
    std::string m_acquired_at;
    std::chrono::milliseconds m_interval{10000};
    std::chrono::steady_clock::time_point m_last_beat{};
    bool m_released = false;
};

/// The lock document of `id` in `index`, if any (no lock index yet: none). Read-only, for `status`.
Result<std::optional<LockView>> read_lock_view(EsClient& client, const std::string& index, const std::string& id);

/// The message for a cluster that refuses the lock index: names the index, the privilege and --lock-index.
std::string lock_index_refused(const std::string& index, const std::string& request, const std::string& cause);

/// `/{index}/_doc/{id}`, percent-encoded.
std::string lock_doc_path(const std::string& index, const std::string& id);

/// ISO-8601 UTC seconds of epoch milliseconds.
std::string iso_time_ms(std::int64_t epoch_ms);

}  // namespace aliasing::cluster
