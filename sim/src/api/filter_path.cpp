#include "api/filter_path.hpp"

#include "cluster/resolve.hpp"

#include <optional>
#include <vector>

namespace aliasing::sim {
namespace {

using Path = std::vector<std::string>;

std::vector<Path> parse_paths(std::string_view text)
{
    std::vector<Path> paths;
    for (const auto& item : split_list(text)) {
        if (item.front() == '-') {
            continue;  // exclusions are not simulated
        }
        Path path;
        std::size_t start = 0;
        while (start <= item.size()) {
            std::size_t dot = item.find('.', start);
            if (dot == std::string::npos) {
                dot = item.size();
            }
            path.push_back(item.substr(start, dot - start));
            start = dot + 1;
        }
        paths.push_back(std::move(path));
    }
    return paths;
}

std::optional<Json> filter(const Json& value, const std::vector<std::pair<const Path*, std::size_t>>& cursors)
{
    for (const auto& [path, position] : cursors) {
        if (position == path->size()) {
            return value;  // a path ends here: keep the whole value
        }
    }
    if (value.is_array()) {
        Json out = Json::array();
        for (const auto& item : value.as_array()) {
            if (auto kept = filter(item, cursors)) {
                out.push_back(std::move(*kept));
            }
        }
        return out.size() > 0 ? std::optional<Json>(std::move(out)) : std::nullopt;
    }
    if (!value.is_object()) {
        return std::nullopt;
    }
    Json out = Json::object();
    for (const auto& [key, child] : value.as_object()) {
        std::vector<std::pair<const Path*, std::size_t>> next;
        for (const auto& [path, position] : cursors) {
            const std::string& step = (*path)[position];
            if (step == "**") {
                next.emplace_back(path, position);      // ** swallows this key
                if (position + 1 < path->size() && simple_match((*path)[position + 1], key)) {
                    next.emplace_back(path, position + 2);
                }
            } else if (simple_match(step, key)) {
                next.emplace_back(path, position + 1);
            }
        }
        if (next.empty()) {
            continue;
        }
        if (auto kept = filter(child, next)) {
            out[key] = std::move(*kept);
        }
    }
    return out.size() > 0 ? std::optional<Json>(std::move(out)) : std::nullopt;
}

}  // namespace

Json apply_filter_path(const Json& body, std::string_view filter_path)
{
    const std::vector<Path> paths = parse_paths(filter_path);
    if (paths.empty()) {
        return body;
    }
    std::vector<std::pair<const Path*, std::size_t>> cursors;
    for (const auto& path : paths) {
        cursors.emplace_back(&path, 0);
    }
    auto kept = filter(body, cursors);
    return kept ? *kept : Json::object();
}

}  // namespace aliasing::sim
