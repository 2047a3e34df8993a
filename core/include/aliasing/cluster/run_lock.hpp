#pragma once
/// One run of a job at a time, across hosts (issue: a scheduler retry overlapping a slow run). The lock is a
/// document in a small index of the tool's own, created with op_type=create so exactly one run wins; it carries an
/// expiry so a lock left by a crashed run is taken over, and it is released with if_seq_no/if_primary_term so a run
/// never deletes a lock it does not hold.

#include "aliasing/cluster/cluster_result.hpp"
#include "aliasing/cluster/es_client.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace aliasing::cluster {

/// The index holding lock documents. Outside every data source's naming, so planning never touches it.
inline constexpr const char* kLockIndex = "aliasing-locks";

struct LockRequest {
    std::string id;      ///< one lock per alias: two jobs moving the same alias never run at once
    std::string holder;  ///< "host:pid", shown to whoever is refused
    std::string job;     ///< the job file, for the same message
    std::chrono::seconds ttl{6 * 3600};
    std::function<std::int64_t()> now_ms;  ///< default: the system clock
};

class RunLock {
public:
    /// Takes the lock, taking over an expired one. When another run holds it: ErrorKind::StepFailed naming the
    /// holder, the job and when the lock expires.
    static Result<RunLock> acquire(EsClient& client, const LockRequest& request);

    /// Deletes the lock if it is still this run's. Errors are returned, never thrown; the lock then expires.
    Status release(EsClient& client);

    const std::string& id() const { return m_id; }

private:
    std::string m_id;
    std::int64_t m_seq_no = -1;
    std::int64_t m_primary_term = -1;
    bool m_released = false;
};

}  // namespace aliasing::cluster
