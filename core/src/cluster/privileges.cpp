#include "aliasing/cluster/privileges.hpp"

#include "aliasing/cluster/run_lock.hpp"

#include <vector>

namespace aliasing::cluster {
namespace {

constexpr std::size_t kMaxTargetInMessage = 120;

std::vector<std::string> segments_of(std::string_view path) {
    std::vector<std::string> out;
    std::size_t begin = path.empty() || path.front() != '/' ? 0 : 1;
    while (begin < path.size()) {
        auto end = path.find('/', begin);
        if (end == std::string_view::npos) end = path.size();
        out.emplace_back(path.substr(begin, end - begin));
        begin = end + 1;
    }
    return out;
}

/// An index list or pattern as written in the path, decoded enough to read ("%2C" is ',').
std::string target(std::string segment) {
    std::string out;
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '%' && segment.compare(i, 3, "%2C") == 0) {
            out += ',';
            i += 2;
        } else {
            out += segment[i];
        }
    }
    if (out.size() > kMaxTargetInMessage) out = out.substr(0, kMaxTargetInMessage) + "...";
    return out;
}

std::string cluster_privilege(std::string_view name) {
    return "the cluster privilege [" + std::string(name) + "]";
}

std::string index_privilege(std::string_view names, const std::string& on) {
    const bool several = names.find(',') != std::string_view::npos;
    return std::string("the index privilege") + (several ? "s [" : " [") + std::string(names) + "] on [" +
           on + "]";
}

}  // namespace

std::string required_privilege(Method method, std::string_view path_and_query) {
    const std::string_view path = path_and_query.substr(0, path_and_query.find('?'));
    const auto parts = segments_of(path);
    if (parts.empty()) return cluster_privilege("monitor");
    const std::string& first = parts[0];
    if (first == kLockIndex) {
        if (method == Method::Put) return index_privilege("create_doc, create_index", kLockIndex);
        if (method == Method::Delete) return index_privilege("delete", kLockIndex);
        return index_privilege("read", kLockIndex);
    }
    if (first == "_cat" && parts.size() >= 2 && parts[1] == "indices") {
        return cluster_privilege("monitor") + " and " +
               index_privilege("monitor", parts.size() > 2 ? target(parts[2]) : "*");
    }
    if (first == "_alias")
        return index_privilege("view_index_metadata", parts.size() > 1 ? target(parts[1]) : "*");
    if (first == "_aliases")
        return index_privilege("manage", "the alias and every index it is moved from or to");
    if (first == "_tasks" || first == "_cluster") return cluster_privilege("monitor");
    const std::string indices = target(first);
    if (parts.size() == 1) {
        return method == Method::Delete ? index_privilege("delete_index", indices)
                                        : index_privilege("view_index_metadata", indices);
    }
    const std::string& api = parts[1];
    if (api == "_alias") return index_privilege("view_index_metadata", indices);
    if (api == "_forcemerge") return index_privilege("maintenance", indices);
    if (api == "_settings") {
        return method == Method::Get ? index_privilege("view_index_metadata", indices)
                                     : index_privilege("manage", indices);
    }
    if (api == "_stats" || api == "_segments") return index_privilege("monitor", indices);
    return index_privilege("manage", indices);
}

}  // namespace aliasing::cluster
