#pragma once
/// Run ids (SPEC §5): the UTC instant an ETL run wrote into its index names.

#include "aliasing/common/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace aliasing {

/// A UTC instant with nanosecond resolution. Generations are ordered and grouped by it, never by spelling.
struct RunInstant {
    std::int64_t epoch_nanos = 0;
    friend auto operator<=>(const RunInstant&, const RunInstant&) = default;
};

/// Parses a run id. Accepted: compact `YYYYMMDD[t]HHMMSS[[.]F{1,9}][z]` (case-insensitive t/z) and 13-digit epoch
/// milliseconds. A missing fraction means .000. Errors (kind Validation) say why: malformed, or an impossible
/// date/time such as month 13 or 25:00.
Result<RunInstant> parse_run_id(std::string_view run_id);

/// ISO-8601 UTC with milliseconds, e.g. "2026-10-15T10:30:00.123Z" (nanoseconds shown only when present).
std::string format_instant(RunInstant instant);

/// Maximum clock skew tolerated for a generation in the future (SPEC §5: 5 minutes).
inline constexpr std::int64_t kFutureSkewNanos = 5LL * 60 * 1000 * 1000 * 1000;

}  // namespace aliasing
