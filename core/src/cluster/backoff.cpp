#include "aliasing/cluster/backoff.hpp"

#include <algorithm>
#include <cmath>

namespace aliasing::cluster {

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, double unit_random) {
    const auto ceiling = std::max(policy.max_backoff, std::chrono::milliseconds{0});
    auto cap = std::clamp(policy.initial_backoff, std::chrono::milliseconds{0}, ceiling);
    for (int i = 1; i < retry && cap < ceiling; ++i) cap = std::min(cap * 2, ceiling);
    const double fraction = std::clamp(unit_random, 0.0, 1.0);
    return std::chrono::milliseconds{static_cast<std::int64_t>(std::floor(static_cast<double>(cap.count()) * fraction))};
}

}  // namespace aliasing::cluster
