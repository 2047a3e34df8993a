// `aliasing plugins`: what was found, with versions, and why anything was rejected.
#include "aliasing/plugins/registry.hpp"

#include <cstdio>
#include <system_error>

namespace aliasing {
namespace {

const char* kind_name(SourceKind kind) {
    return kind == SourceKind::Compiled ? "compiled" : "declarative";
}

std::string byte_size(std::uint64_t bytes) {
    constexpr std::uint64_t kMiB = 1024ULL * 1024;
    constexpr std::uint64_t kGiB = 1024 * kMiB;
    if (bytes >= kGiB && bytes % kGiB == 0) return std::to_string(bytes / kGiB) + " GiB";
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

std::string merge_text(const MergePolicy& merge) {
    if (merge.kind == MergeKind::Never) return "never force-merged: " + merge.reason;
    return "size-based, max segment " + byte_size(merge.default_max_segment_size_bytes);
}

std::string list_or(const std::vector<std::string>& items, const char* when_empty) {
    if (items.empty()) return when_empty;
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

bool dir_exists(const std::filesystem::path& dir) {
    std::error_code error;
    return std::filesystem::is_directory(dir, error);
}

std::string render_text(const PluginRegistry& registry) {
    std::string out;
    const std::vector<const DataSource*> sources = registry.sources();
    if (sources.empty()) out += "no data sources found\n";
    for (const DataSource* source : sources) {
        const DataSourceInfo& info = source->info();
        if (source != sources.front()) out += "\n";
        out += info.name + "  " + kind_name(info.kind) + "  version " + info.version;
        if (!info.abi_version.empty()) out += "  ABI " + info.abi_version;
        out += "\n";
        if (!info.description.empty()) out += "    " + info.description + "\n";
        out += "    path:     " + info.path + "\n";
        for (std::size_t i = 0; i < info.layouts.size(); ++i) {
            out += std::string(i == 0 ? "    layouts:  " : "              ") + info.layouts[i] + "\n";
        }
        out += "    entities: " + list_or(info.entities, "(none declared: every entity seen)") + "\n";
        out += "    merge:    " + merge_text(info.merge) + "\n";
    }
    if (!registry.rejections().empty()) {
        out += "\nrejected:\n";
        for (const PluginRejection& rejection : registry.rejections()) {
            out += "  " + rejection.path + "\n    " + rejection.reason + "\n";
        }
    }
    out += "\nsearched:\n";
    for (const auto& dir : registry.searched()) {
        out += "  " + dir.string() + (dir_exists(dir) ? "" : "  (missing)") + "\n";
    }
    return out;
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string json_strings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
    return out + "]";
}

std::string json_merge(const MergePolicy& merge) {
    if (merge.kind == MergeKind::Never)
        return "{\"policy\": \"never\", \"reason\": " + json_string(merge.reason) + "}";
    return "{\"policy\": \"size_based\", \"max_segment_size_bytes\": " +
           std::to_string(merge.default_max_segment_size_bytes) + "}";
}

std::string render_json(const PluginRegistry& registry) {
    std::string out = "{\n  \"sources\": [";
    const std::vector<const DataSource*> sources = registry.sources();
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const DataSourceInfo& info = sources[i]->info();
        out +=
            std::string(i ? "," : "") + "\n    {\"name\": " + json_string(info.name) +
            ", \"kind\": " + json_string(kind_name(info.kind)) +
            ", \"version\": " + json_string(info.version) +
            ", \"abi_version\": " + (info.abi_version.empty() ? "null" : json_string(info.abi_version)) +
            ", \"path\": " + json_string(info.path) + ", \"description\": " + json_string(info.description) +
            ", \"layouts\": " + json_strings(info.layouts) +
            ", \"entities\": " + json_strings(info.entities) + ", \"merge\": " + json_merge(info.merge) + "}";
    }
    out += sources.empty() ? "],\n" : "\n  ],\n";
    out += "  \"rejected\": [";
    const auto& rejections = registry.rejections();
    for (std::size_t i = 0; i < rejections.size(); ++i) {
        out += std::string(i ? "," : "") + "\n    {\"path\": " + json_string(rejections[i].path) +
               ", \"reason\": " + json_string(rejections[i].reason) + "}";
    }
    out += rejections.empty() ? "],\n" : "\n  ],\n";
    out += "  \"searched\": [";
    const auto& searched = registry.searched();
    for (std::size_t i = 0; i < searched.size(); ++i) {
        out += std::string(i ? "," : "") + "\n    {\"path\": " + json_string(searched[i].string()) +
               ", \"exists\": " + (dir_exists(searched[i]) ? "true" : "false") + "}";
    }
    out += searched.empty() ? "]\n" : "\n  ]\n";
    return out + "}\n";
}

}  // namespace

std::string render_plugin_list(const PluginRegistry& registry, ListFormat format) {
    return format == ListFormat::Json ? render_json(registry) : render_text(registry);
}

}  // namespace aliasing
