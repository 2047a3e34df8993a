#include "cluster/version.hpp"

#include <charconv>
#include <vector>

namespace aliasing::sim {
namespace {

std::optional<int> part(std::string_view text)
{
    if (text == "x" || text == "X") {
        return 0;
    }
    int value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<Version> Version::parse(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = text.find('.', start);
        parts.push_back(text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    if (parts.empty() || parts.size() > 3) {
        return std::nullopt;
    }
    Version version;
    const auto major = part(parts[0]);
    if (!major) {
        return std::nullopt;
    }
    version.major = *major;
    if (version.major == 8 && parts.size() >= 2 && (parts[1] == "x" || parts[1] == "X")) {
        return Version{8, 15, 0};
    }
    version.minor = 0;
    version.patch = 0;
    if (parts.size() >= 2) {
        const auto minor = part(parts[1]);
        if (!minor) {
            return std::nullopt;
        }
        version.minor = *minor;
    }
    if (parts.size() == 3) {
        const auto patch = part(parts[2]);
        if (!patch) {
            return std::nullopt;
        }
        version.patch = *patch;
    }
    if (version.major == 7 && version.minor == 17) {
        return version;
    }
    if (version.major == 8) {
        return version;
    }
    return std::nullopt;
}

std::string Version::text() const
{
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string Version::lucene() const
{
    if (is_7x()) {
        return "8.11.1";
    }
    return at_least(8, 15) ? "9.11.1" : "9.10.0";
}

std::string Version::created_id() const
{
    if (is_7x()) {
        return std::to_string(7000000 + minor * 10000 + patch * 100 + 99);
    }
    return std::to_string(8000000 + minor * 10000 + patch * 100 + 99);
}

}  // namespace aliasing::sim
