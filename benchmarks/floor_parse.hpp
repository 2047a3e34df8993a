#pragma once
/// The floor of the planning benchmarks (SPEC §12): what simdjson On-Demand alone needs to read a `_cat/indices`
/// body and touch every value planning uses. Compiled with the same SIMD flags as core's catalog parser.

#include <cstdint>
#include <string>

namespace aliasing::bench {

/// Sums of everything the floor read, so that the compiler cannot drop the reads.
struct FloorTotals {
    std::uint64_t rows = 0;
    std::uint64_t name_bytes = 0;
    std::uint64_t open_green = 0;
    std::uint64_t shards = 0;
    std::uint64_t replicas = 0;
    std::uint64_t docs = 0;
    std::uint64_t primary_bytes = 0;
    std::uint64_t segments = 0;
    bool ok = false;  ///< false when the body is not an array of objects
};

/// Parses `body` (whose capacity must include simdjson's padding) with On-Demand: for every row, views the index
/// name, compares health and status, and converts pri, rep, docs.count, pri.store.size, segments.count and
/// pri.segments.count to integers. Other columns are skipped unread, as Catalog::parse skips them.
FloorTotals floor_parse(const std::string& body);

}  // namespace aliasing::bench
