#pragma once
/// The naive baseline of the planning benchmarks (SPEC §12): a `_cat/indices` body parsed into a Poco::JSON DOM,
/// then the same values read out of it as the floor reads.

#include "floor_parse.hpp"

#include <string>

namespace aliasing::bench {

/// Parses `body` with Poco::JSON::Parser and reads the index name, health, status, pri, rep, docs.count,
/// pri.store.size, segments.count and pri.segments.count of every row.
FloorTotals naive_parse(const std::string& body);

}  // namespace aliasing::bench
