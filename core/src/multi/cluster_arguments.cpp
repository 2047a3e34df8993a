// `--cluster NAME=URL`: names, order and the credential variables of each cluster.
#include "aliasing/multi/multi_cluster.hpp"

#include <algorithm>
#include <cctype>

namespace aliasing {

Result<std::vector<ClusterArgument>> parse_cluster_arguments(const std::vector<std::string>& values) {
    std::vector<ClusterArgument> clusters;
    for (const auto& value : values) {
        const auto equals = value.find('=');
        if (equals == std::string::npos)
            return make_error(ErrorKind::Usage, "--cluster: value \"" + value + "\" is not NAME=URL (e.g. --cluster "
                                                "primary=https://es-primary:9200)");
        ClusterArgument cluster{value.substr(0, equals), value.substr(equals + 1)};
        const bool valid_name = !cluster.name.empty() && cluster.name.size() <= 32 &&
                                std::all_of(cluster.name.begin(), cluster.name.end(), [](unsigned char c) {
                                    return std::islower(c) || std::isdigit(c) || c == '_' || c == '-';
                                });
        if (!valid_name)
            return make_error(ErrorKind::Usage, "--cluster: name \"" + cluster.name + "\" is not valid: expected 1 to "
                                                "32 of a-z, 0-9, '_' and '-' (it names ALIASING_" +
                                                "<NAME>_… variables and report entries)");
        if (cluster.url.empty())
            return make_error(ErrorKind::Usage, "--cluster: cluster [" + cluster.name + "] has no URL");
        for (const auto& seen : clusters) {
            if (seen.name == cluster.name)
                return make_error(ErrorKind::Usage, "--cluster: cluster [" + cluster.name + "] is given twice");
            if (cluster_variable_prefix(seen.name) == cluster_variable_prefix(cluster.name))
                return make_error(ErrorKind::Usage, "--cluster: clusters [" + seen.name + "] and [" + cluster.name +
                                                    "] would both read " + cluster_variable_prefix(cluster.name) +
                                                    "_… credentials; rename one");
        }
        clusters.push_back(std::move(cluster));
    }
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
