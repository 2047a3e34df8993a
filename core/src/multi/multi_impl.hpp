#pragma once
// Private to the several-cluster run: the orchestration's state and phases. multi_pipeline.cpp: preflight, locks,
// planning and agreement; multi_act.cpp: prepare (prepare.cpp), swap (and swap back), delete. Each cluster's lines and
// actions go through its member's own log and report view, which carry its name.

#include "multi_steps.hpp"

namespace aliasing {

class MultiPipeline::Impl {
public:
    Impl(std::vector<NamedClient> clusters, const Job& job, const DataSource& source, RunLog& log, RunReport& report,
         std::ostream& plan_out, PipelineOptions options);
    PipelineOutcome run();
    const std::vector<ClusterServing>& serving() const { return m_serving; }

private:
    static Error named(const multi::Member& member, const Error& error) {
        return make_error(error.kind, "cluster [" + member.name + "]: " + error.message);
    }
    // Before the first swap: whatever the step says of its own cluster holds for all of them.
    PipelineOutcome unmoved_failure(const multi::Member& member, const Error& error) {
        Error named_error = named(member, error);
        named_error.message += "; no alias was moved on any cluster";
        return outcome_of(named_error);
    }
    PipelineOutcome failed(const multi::Member& member, const Error& error) {
        return outcome_of(named(member, error));
    }
    // The phases (their reasons at their definitions).
    Status lock_all();
    void release_all();
    Status renew_all();
    Status plan_all();
    Result<Agreement> agree() const;
    PipelineOutcome plan_and_act();
    PipelineOutcome act(const Agreement& agreed);
    bool swapped_after_all(multi::Member& member, const Agreement& agreed);
    PipelineOutcome undo_after(std::size_t failed_at, const Error& error, const Agreement& agreed);

    std::vector<NamedClient> m_clusters;  // sorted by name
    const Job& m_job;
    const DataSource& m_source;
    RunLog& m_log;
    RunReport& m_report;
    std::ostream& m_plan_out;
    PipelineOptions m_options;
    std::vector<ClusterServing> m_serving;
    multi::Members m_members;  // one per cluster, made afresh by each run()
    std::atomic<bool> m_stop{false};  // a cluster could not be prepared: the others stop at their next safe point
};

}  // namespace aliasing
