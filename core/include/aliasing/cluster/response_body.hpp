#pragma once
/// Reading a response body from a server the engine does not control: bounded, whatever the headers claim.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace aliasing::cluster {

/// The default largest response body accepted (512 MiB): a `_cat/indices` of a million indices is about 250 MB.
inline constexpr std::uint64_t kDefaultMaxResponseBytes = 512ULL << 20U;

/// Why a body was not read completely.
enum class BodyProblem { None, TooLarge, Truncated };

struct BodyRead {
    BodyProblem problem = BodyProblem::None;
    std::string detail;  ///< what went wrong, for the message
};

/// Reads the body from `in` into `out`. A declared `content_length` above `limit` is refused before reading a byte;
/// otherwise bytes are counted as they arrive (chunked and close-delimited bodies have no length up front) and
/// reading stops as soon as they exceed `limit`. Memory is reserved for at most 1 MiB up front, never for what a
/// header claims. A body shorter than its declared length is Truncated. Stream errors propagate as exceptions.
BodyRead read_bounded_body(std::istream& in, std::optional<std::uint64_t> content_length, std::uint64_t limit,
                           std::string& out);

}  // namespace aliasing::cluster
