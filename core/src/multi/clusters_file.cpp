// The clusters file: each section read by the connection file's own reader (cluster/connection_keys.hpp).
#include "aliasing/multi/clusters_file.hpp"

#include "../cluster/connection_keys.hpp"

#include "aliasing/multi/multi_cluster.hpp"

#include <algorithm>

namespace aliasing {

Result<std::vector<ClusterSettings>> load_clusters_file(const std::filesystem::path& file_path) {
    const std::string path = file_path.string();
    const std::string where = "clusters file " + path;
    auto usage = [&](const std::string& message) { return make_error(ErrorKind::Usage, where + ": " + message); };
    auto file = cluster::open_private_config(path, "clusters file");
    if (!file) return file.error();

    // The INI keys Poco has outside every [section]: a cluster's keys written before its header.
    if (!file->json) {
        Poco::Util::AbstractConfiguration::Keys roots;
        file->config->keys(roots);
        for (const auto& root : roots) {
            const bool is_section = std::any_of(file->top_level.begin(), file->top_level.end(),
                                                [&](const cluster::TopLevelName& top) { return top.name == root; });
            if (!is_section) return usage(root + " is outside any [cluster] section; start each cluster with [NAME]");
        }
    }
    std::vector<std::string> names;
    for (const auto& top : file->top_level) names.push_back(top.name);
    if (names.empty())
        return usage("names no cluster; give each cluster a section: [primary] with nodes = https://host:9200");
    if (auto checked = check_cluster_names(names, where); !checked) return checked.error();

    std::vector<ClusterSettings> clusters;
    for (const auto& top : file->top_level) {
        const std::string section_where = where + ": cluster [" + top.name + "]";
        if (!top.section)
            return make_error(ErrorKind::Usage, section_where + ": expected an object of connection keys, e.g. "
                                                                "{\"nodes\": [\"https://host:9200\"]}");
        Poco::AutoPtr<Poco::Util::AbstractConfiguration> view = file->config->createView(top.name);
        auto settings = cluster::read_connection_keys(*view, path, section_where);
        if (!settings) return settings.error();
        if (settings->nodes.empty())
            return make_error(ErrorKind::Usage,
                              section_where + ": nodes: missing; every cluster names its nodes (nodes = https://host:9200)");
        clusters.push_back({top.name, std::move(settings).value()});
    }
    std::sort(clusters.begin(), clusters.end(),
              [](const ClusterSettings& a, const ClusterSettings& b) { return a.name < b.name; });
    return clusters;
}

}  // namespace aliasing
