#pragma once
/// Capped exponential backoff with full jitter (SPEC §8).

#include "aliasing/cluster/connection_options.hpp"

#include <chrono>

namespace aliasing::cluster {

/// The sleep before retry number `retry` (1 = the first retry): uniform in [0, min(max_backoff,
/// initial_backoff * 2^(retry-1))], with `unit_random` in [0, 1) supplying the jitter.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, double unit_random);

}  // namespace aliasing::cluster
