#pragma once
// Private to the pipeline: the steps after planning, each returning a Status whose ErrorKind is the exit code.

#include "aliasing/pipeline.hpp"

#include <string>
#include <vector>

namespace aliasing::detail {

struct StepContext {
    cluster::EsClient& client;
    const Job& job;
    RunLog& log;
    RunReport& report;
    const PipelineOptions& options;
    int cluster_major = 8;
    bool async_forcemerge = true;  ///< _forcemerge?wait_for_completion=false + tasks (Product::has_async_forcemerge)

    void sleep(std::chrono::milliseconds duration) const;
};

/// Force-merges the rows of the plan whose decision is Merge, one index at a time, with progress.
Status merge_new_indices(StepContext& context, const Plan& plan);
/// Sets number_of_replicas on the new indices and waits for them (only them) to be green.
Status set_replicas_and_wait(StepContext& context, const Plan& plan);
/// One atomic POST /_aliases (must_exist on every observed old target), then reads the alias back.
Status swap_alias(StepContext& context, const Plan& plan);
/// Reads the alias and checks it points to exactly the new indices.
Status verify_alias(StepContext& context, const Plan& plan);
/// Deletes the replaced generations after re-reading their aliases right before.
Status delete_replaced(StepContext& context, const Plan& plan);

std::vector<std::string> to_strings(const std::vector<std::string_view>& views);
std::string join_names(const std::vector<std::string>& names, std::size_t limit = 6);

}  // namespace aliasing::detail
