// Where a run may stop: SIGTERM/SIGINT (ErrorKind::Interrupted) and the run lock's heartbeat, at safe points only.
#include "steps.hpp"

#include <algorithm>
#include <thread>

namespace aliasing::detail {

void RunContext::sleep(std::chrono::milliseconds duration) const {
    if (options.sleep) {
        options.sleep(duration);
        return;
    }
    const auto until = std::chrono::steady_clock::now() + duration;
    while (!interrupted()) {
        const auto left = until - std::chrono::steady_clock::now();
        if (left <= std::chrono::milliseconds(0)) return;
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(50)));
    }
}

Status RunContext::safe_point(const std::string& state) {
    if (interrupted()) {
        return make_error(ErrorKind::Interrupted, "interrupted (SIGTERM/SIGINT): stopped at a safe point; " + state +
                                                      "; rerun the job to resume");
    }
    if (!lock) return ok_status();
    std::string warning;
    if (auto status = lock->heartbeat(client, cluster::Renewal::IfDue, &warning); !status) return status;
    if (!warning.empty()) log.warn("lock", warning);
    return ok_status();
}

std::chrono::milliseconds RunContext::wait_slice(std::chrono::milliseconds whole) const {
    if (!lock && !options.interrupted) return whole;
    const auto slice = lock ? std::max(lock->heartbeat_interval(), std::chrono::milliseconds(1000))
                            : std::chrono::milliseconds(5000);
    return std::min(whole, slice);
}

}  // namespace aliasing::detail
