#pragma once
/// Several clusters (SPEC §15, docs/multi-cluster.md): one generation promoted on every cluster of a
/// `--cluster NAME=URL` list, built from the single-cluster pipeline's steps. Agree on the newest generation complete
/// and passing every gate everywhere, lock every cluster in name order, prepare everywhere, swap cluster by cluster
/// (compare-and-swap), swap the earlier ones back when a later one fails, delete only after every swap is verified.
/// Clusters left serving different generations are ErrorKind::Split (exit 8), reported cluster by cluster.

#include "aliasing/pipeline/pipeline.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// One `--cluster NAME=URL`.
struct ClusterArgument {
    std::string name;  ///< lowercase [a-z0-9_-], unique
    std::string url;   ///< one node URL (comma-separated for several nodes of that cluster)
};

/// Parses the `--cluster` values: sorted by name (the order of locking and swapping). Usage errors (exit 2) for a
/// value without `=`, a bad name, an empty URL or a duplicate name. URLs are validated when connecting.
Result<std::vector<ClusterArgument>> parse_cluster_arguments(const std::vector<std::string>& values);

/// The rules of cluster names wherever they are given (`--cluster`, a clusters file's sections): 1 to 32 of
/// a-z 0-9 _ -, each once, no two reading the same ALIASING_<NAME>_ variables. Usage errors start with `where`.
Status check_cluster_names(const std::vector<std::string>& names, std::string_view where);

/// The environment prefix of a cluster's credentials: `dr-eu` → `ALIASING_DR_EU` (…_USERNAME, …_PASSWORD,
/// …_API_KEY and their *_FILE forms, mirroring ALIASING_ES_…).
std::string cluster_variable_prefix(std::string_view name);

/// A cluster's plan, for agreeing on the candidate.
struct ClusterPlan {
    std::string_view name;
    const Plan* plan = nullptr;
};

/// The generation every cluster promotes.
struct Agreement {
    std::string run_id;  ///< as the first cluster spells it
    RunInstant instant;
    std::vector<std::string> entities;  ///< every entity the candidate has on some cluster, sorted
    bool already_live_everywhere = false;
};

/// Pure. The candidate is the newest generation any cluster would promote; every cluster must have it complete
/// with the same entities. A cluster whose plan is refused, whose candidate is another generation, or whose
/// candidate lacks an entity another cluster has refuses the whole run: ErrorKind::Validation naming each such
/// cluster and what it lacks. Never a different generation per cluster.
Result<Agreement> agree_on_candidate(const std::vector<ClusterPlan>& plans);

/// What one cluster's alias points to.
struct ClusterServing {
    std::string name;
    std::string generation;  ///< run id of the one generation the alias points to; "" when not known
    std::string detail;      ///< the indices, or why it is not known
};

/// "primary serves 20261122t020000, dr serves 20261121t020000123" (one clause per cluster).
std::string describe_split(const std::vector<ClusterServing>& serving);

struct NamedClient {
    std::string name;
    cluster::EsClient* client = nullptr;
};

class MultiPipeline {
public:
    /// `clusters` sorted by name (parse_cluster_arguments' order); two or more. `options` as for Pipeline; its lock
    /// request is taken on every cluster.
    MultiPipeline(std::vector<NamedClient> clusters, const Job& job, const DataSource& source, RunLog& log,
                  RunReport& report, std::ostream& plan_out, PipelineOptions options);
    ~MultiPipeline();

    PipelineOutcome run();
    /// After run(): what each cluster serves (read back at the end of a run that changed anything, else planned).
    const std::vector<ClusterServing>& serving() const;

private:
    class Impl;  // the run's state and phases (core/src/multi/multi_impl.hpp)
    std::unique_ptr<Impl> m_impl;
};

}  // namespace aliasing
