// `--cluster NAME=URL`: names, order and the credential variables of each cluster.
#include "aliasing/multi/multi_cluster.hpp"

#include <algorithm>
#include <cctype>

namespace aliasing {

Status check_cluster_names(const std::vector<std::string>& names, std::string_view where) {
    const std::string head(where);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        const bool valid = !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
            return std::islower(c) || std::isdigit(c) || c == '_' || c == '-';
        });
        if (!valid)
            return make_error(ErrorKind::Usage, head + ": name \"" + name + "\" is not valid: expected 1 to 32 of a-z, "
                                                "0-9, '_' and '-' (it names ALIASING_<NAME>_… variables and report "
                                                "entries)");
        for (std::size_t j = 0; j < i; ++j) {
            if (names[j] == name) return make_error(ErrorKind::Usage, head + ": cluster [" + name + "] is given twice");
            if (cluster_variable_prefix(names[j]) == cluster_variable_prefix(name))
                return make_error(ErrorKind::Usage, head + ": clusters [" + names[j] + "] and [" + name +
                                                    "] would both read " + cluster_variable_prefix(name) +
                                                    "_… credentials; rename one");
        }
    }
    return ok_status();
}

Result<std::vector<ClusterArgument>> parse_cluster_arguments(const std::vector<std::string>& values) {
    std::vector<ClusterArgument> clusters;
    std::vector<std::string> names;
    for (const auto& value : values) {
        const auto equals = value.find('=');
        if (equals == std::string::npos)
            return make_error(ErrorKind::Usage, "--cluster: value \"" + value + "\" is not NAME=URL (e.g. --cluster "
                                                "primary=https://es-primary:9200)");
        ClusterArgument cluster{value.substr(0, equals), value.substr(equals + 1)};
        if (cluster.url.empty())
            return make_error(ErrorKind::Usage, "--cluster: cluster [" + cluster.name + "] has no URL");
        names.push_back(cluster.name);
        clusters.push_back(std::move(cluster));
    }
    if (auto checked = check_cluster_names(names, "--cluster"); !checked) return checked.error();
    // One fixed order for locking and swapping: two runs over the same clusters can never wait on each other.
    std::sort(clusters.begin(), clusters.end(),
              [](const ClusterArgument& a, const ClusterArgument& b) { return a.name < b.name; });
    return clusters;
}

std::string cluster_variable_prefix(std::string_view name) {
    std::string prefix = "ALIASING_";
    for (char c : name) prefix += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return prefix;
}

}  // namespace aliasing
