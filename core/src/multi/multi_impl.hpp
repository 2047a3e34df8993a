#pragma once
// Private to the several-cluster run: the orchestration's state and phases. multi_pipeline.cpp: preflight, locks,
// planning and agreement; multi_act.cpp: prepare, swap (and swap back), delete.

#include "multi_steps.hpp"

namespace aliasing {

class MultiPipeline::Impl {
public:
    explicit Impl(MultiPipeline& owner);
    PipelineOutcome run();

private:
    void on(multi::Member& member) {
        m.m_log.set_cluster(member.name);
        m.m_report.set_action_cluster(member.name);
    }
    void on_none() {
        m.m_log.set_cluster("");
        m.m_report.set_action_cluster("");
    }
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
    Status renew_all(cluster::Renewal when);
    Status plan_all();
    Result<Agreement> agree() const;
    PipelineOutcome plan_and_act();
    PipelineOutcome act(const Agreement& agreed);
    bool swapped_after_all(multi::Member& member, const Agreement& agreed);
    PipelineOutcome undo_after(std::size_t failed_at, const Error& error, const Agreement& agreed);

    MultiPipeline& m;
    multi::Members m_members;
};

}  // namespace aliasing
