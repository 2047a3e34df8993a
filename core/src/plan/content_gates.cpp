// The content gates as far as a catalog allows (SPEC §13): the document counts, judged on the catalog's
// `docs.count` (primary documents). A run re-judges them on counts re-read after POST _refresh
// (pipeline/gate_step.cpp) and evaluates the gates that need the cluster.
#include "plan_context.hpp"

#include <algorithm>

namespace aliasing::detail {

void plan_content_gates(const PlanContext& context, Plan& plan, const Generation& generation,
                        const std::vector<LiveIndex>& live) {
    ContentGates& gates = plan.gates;
    gates.tolerances = resolve_tolerances(context.request.job.gates, context.request.source.info().gate_defaults);
    for (std::uint32_t member : generation.members) {
        const IndexRecord& record = context.record_of(member);
        const std::string_view entity = context.scan.entity_names[context.scan.named[member].entity];
        EntityDocs docs{std::string(entity), std::string(record.name), record.docs_count, {}, 0};
        const auto same = std::find_if(live.begin(), live.end(), [&](const LiveIndex& l) { return l.entity == entity; });
        if (same != live.end()) {
            docs.live_index = std::string(same->index);
            docs.live_docs = same->docs;
        }
        gates.docs.push_back(std::move(docs));
    }
    std::sort(gates.docs.begin(), gates.docs.end(),
              [](const EntityDocs& a, const EntityDocs& b) { return a.new_index < b.new_index; });
    for (auto& result : evaluate_doc_gates(gates.docs, gates.tolerances)) gates.set(std::move(result));

    const GateSettings& settings = context.request.job.gates;
    const std::string offline = "not evaluated offline (needs the cluster)";
    gates.set({"mapping_check", settings.mapping_check == MappingCheck::Off ? GateVerdict::Off : GateVerdict::NotEvaluated,
               settings.mapping_check == MappingCheck::Off ? "mapping_check is off" : offline,
               {{"mapping_check", to_string(settings.mapping_check)}}});
    gates.set({"smoke_query", settings.smoke_query ? GateVerdict::NotEvaluated : GateVerdict::Off,
               settings.smoke_query ? offline : "no smoke_query", {}});
    const bool merges = std::any_of(plan.merges.begin(), plan.merges.end(),
                                    [](const MergeRow& row) { return row.decision == MergeDecision::Merge; });
    gates.set({"disk_check", settings.disk_check && merges ? GateVerdict::NotEvaluated : GateVerdict::Off,
               !settings.disk_check ? "disk_check is false" : !merges ? "nothing to force-merge" : offline, {}});
    if (const GateResult* refused = gates.refused()) refuse(plan, refused->detail);
}

}  // namespace aliasing::detail
