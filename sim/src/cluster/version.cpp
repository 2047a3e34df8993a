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

std::optional<Distribution> Version::parse_distribution(std::string_view text)
{
    if (text == "elasticsearch") {
        return Distribution::elasticsearch;
    }
    if (text == "opensearch") {
        return Distribution::opensearch;
    }
    return std::nullopt;
}

std::optional<Version> Version::parse(std::string_view text, Distribution distribution)
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
    version.distribution = distribution;
    const auto major = part(parts[0]);
    if (!major) {
        return std::nullopt;
    }
    version.major = *major;
    const bool es = distribution == Distribution::elasticsearch;
    if (es && parts.size() >= 2 && (parts[1] == "x" || parts[1] == "X")) {
        if (version.major == 8) {
            return Version{distribution, 8, 15, 0, false};
        }
        if (version.major == 9) {
            return Version{distribution, 9, 1, 5, false};
        }
        return std::nullopt;
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
    if (es) {
        if ((version.major == 7 && version.minor >= 10 && version.minor <= 17) || version.major == 8 ||
            version.major == 9) {
            return version;
        }
        return std::nullopt;
    }
    if (version.major >= 1 && version.major <= 3) {
        return version;
    }
    return std::nullopt;
}

std::string Version::text() const
{
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string Version::product_text() const
{
    return std::string(opensearch() ? "OpenSearch " : "Elasticsearch ") + text();
}

std::string Version::lucene() const
{
    if (opensearch()) {
        return major >= 3 ? "10.1.0" : (major == 2 ? "9.12.1" : "8.10.1");
    }
    if (major >= 9) {
        return "10.2.2";
    }
    if (is_7x()) {
        return "8.11.1";
    }
    return at_least(8, 15) ? "9.11.1" : "9.10.0";
}

std::string Version::created_id() const
{
    const int id = major * 1000000 + minor * 10000 + patch * 100 + 99;
    if (opensearch()) {
        return std::to_string(id ^ 0x08000000);  // OpenSearch's Version.MASK keeps its ids apart from ES's
    }
    return std::to_string(id);
}

}  // namespace aliasing::sim
