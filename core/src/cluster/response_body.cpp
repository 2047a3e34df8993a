#include "aliasing/cluster/response_body.hpp"

#include <algorithm>
#include <array>

namespace aliasing::cluster {
namespace {

std::string too_large(std::uint64_t bytes, std::uint64_t limit, bool declared) {
    return std::string("response body ") + (declared ? "declared as " : "of more than ") + std::to_string(bytes) +
           " bytes exceeds the limit of " + std::to_string(limit) + " bytes";
}

}  // namespace

BodyRead read_bounded_body(std::istream& in, std::optional<std::uint64_t> content_length, std::uint64_t limit,
                           std::string& out) {
    out.clear();
    if (content_length && *content_length > limit) {
        return {BodyProblem::TooLarge, too_large(*content_length, limit, true)};
    }
    constexpr std::uint64_t kMaxReserve = 1ULL << 20U;
    out.reserve(static_cast<std::size_t>(std::min(content_length.value_or(0), kMaxReserve)));
    std::array<char, 64 * 1024> chunk{};
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::uint64_t>(in.gcount());
        if (got == 0) break;
        if (out.size() + got > limit) return {BodyProblem::TooLarge, too_large(limit, limit, false)};
        out.append(chunk.data(), static_cast<std::size_t>(got));
    }
    if (content_length && out.size() != *content_length) {
        return {BodyProblem::Truncated, "response truncated: got " + std::to_string(out.size()) + " of " +
                                            std::to_string(*content_length) + " bytes"};
    }
    return {};
}

}  // namespace aliasing::cluster
