// The disk gate (SPEC §13): free disk for the force-merge against the high watermark. Pure.
#include "aliasing/gates/disk_headroom.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>

namespace aliasing {
namespace {

std::string gigabytes(std::uint64_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return buffer;
}

}  // namespace

std::optional<Watermark> parse_watermark(std::string_view value, std::string& why) {
    Watermark mark;
    mark.spelled = std::string(value);
    std::string text;
    for (char c : value) text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || number < 0) {
        why = "watermark \"" + mark.spelled + "\" is neither a percentage nor a byte size";
        return std::nullopt;
    }
    const std::string unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    if (unit == "%") {
        mark.used_percent = number;
    } else if (unit.empty() && number <= 1.0) {
        mark.used_percent = number * 100.0;
    } else {
        static const std::map<std::string, double> kUnits = {
            {"b", 1}, {"kb", 1024.0}, {"mb", 1024.0 * 1024}, {"gb", 1024.0 * 1024 * 1024},
            {"tb", 1024.0 * 1024 * 1024 * 1024}, {"pb", 1024.0 * 1024 * 1024 * 1024 * 1024}};
        const auto found = kUnits.find(unit);
        if (found == kUnits.end()) {
            why = "watermark \"" + mark.spelled + "\" has an unknown unit";
            return std::nullopt;
        }
        mark.free_bytes = static_cast<std::uint64_t>(number * found->second);
    }
    return mark;
}

std::vector<std::string> disk_refusals(const std::vector<NodeDisk>& nodes, const std::vector<ShardCopy>& copies,
                                       const Watermark& high) {
    std::map<std::string, std::map<std::string, std::uint64_t>> per_node;  // node → index → bytes of its copies
    for (const auto& copy : copies) per_node[copy.node][copy.index] += copy.store_bytes;
    std::vector<std::string> refusals;
    for (const auto& [node, indices] : per_node) {
        std::string largest_index;
        std::uint64_t need = 0;
        for (const auto& [index, bytes] : indices) {
            if (bytes > need) {
                need = bytes;
                largest_index = index;
            }
        }
        const NodeDisk* disk = nullptr;
        for (const auto& candidate : nodes)
            if (candidate.node == node) disk = &candidate;
        if (!disk || disk->total_bytes == 0) {
            refusals.push_back(node + ": no disk usage reported for this node, which holds a shard to merge");
            continue;
        }
        const std::uint64_t after = disk->used_bytes + need;
        const bool above = high.used_percent
                               ? static_cast<double>(after) * 100.0 > *high.used_percent * static_cast<double>(disk->total_bytes)
                               : (after > disk->total_bytes || disk->total_bytes - after < high.free_bytes.value_or(0));
        if (above) {
            refusals.push_back(node + ": " + gigabytes(disk->used_bytes) + " used of " + gigabytes(disk->total_bytes) +
                               " + up to " + gigabytes(need) + " for the merge of " + largest_index +
                               "; the high watermark is " + high.spelled);
        }
    }
    return refusals;
}

}  // namespace aliasing
