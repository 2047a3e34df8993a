#include "cluster/resolve.hpp"

#include "api/errors.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace aliasing::sim {

bool simple_match(std::string_view pattern, std::string_view text)
{
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

bool has_wildcard(std::string_view text)
{
    return text.find('*') != std::string_view::npos;
}

std::vector<std::string> split_list(std::string_view text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) {
            comma = text.size();
        }
        std::string_view part = text.substr(start, comma - start);
        while (!part.empty() && part.front() == ' ') {
            part.remove_prefix(1);
        }
        while (!part.empty() && part.back() == ' ') {
            part.remove_suffix(1);
        }
        if (!part.empty()) {
            parts.emplace_back(part);
        }
        start = comma + 1;
    }
    return parts;
}

ExpandWildcards ExpandWildcards::parse(std::string_view text)
{
    ExpandWildcards expand{false, false, false};
    for (const auto& value : split_list(text)) {
        if (value == "open") {
            expand.open = true;
        } else if (value == "closed") {
            expand.closed = true;
        } else if (value == "hidden") {
            expand.hidden = true;
        } else if (value == "all") {
            expand = ExpandWildcards{true, true, true};
        } else if (value == "none") {
            continue;
        } else {
            std::string upper(value);
            std::transform(upper.begin(), upper.end(), upper.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            throw illegal_argument("No enum constant org.elasticsearch.action.support.IndicesOptions.WildcardStates." +
                                   upper);
        }
    }
    return expand;
}

namespace {

bool state_matches(const Index& index, const ExpandWildcards& expand, std::string_view pattern)
{
    if (index.open ? !expand.open : !expand.closed) {
        return false;
    }
    const bool dot_pattern = !pattern.empty() && pattern.front() == '.';
    return !index.hidden || expand.hidden || dot_pattern;
}

}  // namespace

std::vector<std::string> resolve_indices(const Cluster& cluster, std::string_view expression,
                                         const ResolveOptions& options)
{
    std::vector<std::string> parts = split_list(expression);
    if (parts.empty() || (parts.size() == 1 && parts.front() == "_all")) {
        parts = {"*"};
    }
    std::set<std::string> result;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& part = parts[i];
        if (i > 0 && part.size() > 1 && part.front() == '-') {
            const std::string_view excluded = std::string_view(part).substr(1);
            for (auto it = result.begin(); it != result.end();) {
                it = simple_match(excluded, *it) ? result.erase(it) : std::next(it);
            }
            continue;
        }
        if (has_wildcard(part)) {
            for (const auto& [name, index] : cluster.indices) {
                if (simple_match(part, name) && state_matches(index, options.expand, part)) {
                    result.insert(name);
                }
            }
            if (options.aliases == AliasUse::resolve) {
                for (const auto& [name, index] : cluster.indices) {
                    for (const auto& [alias, props] : index.aliases) {
                        if (simple_match(part, alias) && state_matches(index, options.expand, part)) {
                            result.insert(name);
                        }
                    }
                }
            }
            continue;
        }
        if (auto found = cluster.indices.find(part); found != cluster.indices.end()) {
            if (!found->second.open && options.forbid_closed) {
                if (options.ignore_unavailable) {
                    continue;
                }
                throw index_closed(part, found->second.uuid);
            }
            result.insert(part);
            continue;
        }
        if (cluster.alias_exists(part)) {
            if (options.aliases == AliasUse::refuse) {
                if (options.ignore_unavailable) {
                    continue;
                }
                throw alias_matches_expression(part);
            }
            for (const auto& name : cluster.indices_with_alias(part)) {
                const Index& index = cluster.indices.at(name);
                if (!index.open && options.forbid_closed) {
                    if (options.ignore_unavailable) {
                        continue;
                    }
                    throw index_closed(name, index.uuid);
                }
                result.insert(name);
            }
            continue;
        }
        if (part.front() == '_') {
            throw invalid_index_name(part, "must not start with '_', '-', or '+'");
        }
        if (!options.ignore_unavailable) {
            throw index_not_found(part);
        }
    }
    if (result.empty() && !options.allow_no_indices) {
        throw index_not_found(expression.empty() ? std::string_view("_all") : expression);
    }
    return {result.begin(), result.end()};
}

std::string name_rule_broken(std::string_view name, NameKind kind)
{
    if (name.find_first_of("\\/*?\"<>| ,") != std::string_view::npos) {
        return "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]";
    }
    if (name.find('#') != std::string_view::npos) {
        return "must not contain '#'";
    }
    if (name.find(':') != std::string_view::npos) {
        return "must not contain ':'";
    }
    if (!name.empty() && (name.front() == '_' || name.front() == '-' || name.front() == '+')) {
        return "must not start with '_', '-', or '+'";
    }
    if (name.size() > 255) {
        return "index name is too long, (" + std::to_string(name.size()) + " > 255)";
    }
    if (name == "." || name == "..") {
        return "must not be '.' or '..'";
    }
    if (kind == NameKind::index &&
        std::any_of(name.begin(), name.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
        return "must be lowercase";
    }
    return "";
}

}  // namespace aliasing::sim
