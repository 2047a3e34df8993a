// The content gates in a run (SPEC §13): after discovery and before the first change. POST _refresh on the new
// indices (the only write before the swap that a gate needs; not in a dry run or status), re-read their primary
// document counts, then the mapping, the smoke query and the disk headroom for the force-merge.
#include "aliasing/gates/disk_headroom.hpp"
#include "aliasing/common/join.hpp"
#include "aliasing/gates/mapping_fields.hpp"
#include "steps.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

namespace aliasing::detail {
namespace {

std::uint64_t number_in(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return 0;
    if (value.isString()) {
        const auto& text = value.extract<std::string>();
        return text.empty() ? 0 : std::stoull(text);
    }
    return value.convert<std::uint64_t>();
}

Result<GateResult> mapping_gate(StepContext& context, const ContentGates& gates) {
    const MappingCheck check = context.job.gates.mapping_check;
    GateResult result{"mapping_check", GateVerdict::Passed, "", {{"mapping_check", to_string(check)}}};
    if (check == MappingCheck::Off) return GateResult{"mapping_check", GateVerdict::Off, "mapping_check is off", result.inputs};
    std::vector<std::string> refusals;
    std::size_t compared = 0;
    for (const auto& entity : gates.docs) {
        if (entity.live_index.empty()) continue;
        MappingFields fields[2];
        const std::string* names[2] = {&entity.live_index, &entity.new_index};
        for (int i = 0; i < 2; ++i) {
            const std::string path = "/" + *names[i] + "/_mapping";
            auto body = context.client.read(path);
            if (!body) return body.error();
            auto parsed = mapping_fields(*body, "GET " + path);
            if (!parsed) return parsed.error();
            fields[i] = std::move(parsed).value();
        }
        ++compared;
        const auto differences = mapping_differences(fields[0], fields[1], check);
        result.inputs[entity.new_index] = std::to_string(fields[1].size()) + " fields vs " +
                                          std::to_string(fields[0].size()) + " in " + entity.live_index;
        if (!differences.empty()) {
            refusals.push_back("the mapping of " + entity.new_index + " is not " +
                               (check == MappingCheck::Exact ? "equal to" : "a superset of") + " the live " +
                               entity.live_index + "'s: " + join(differences, ", ") + "; mapping_check is " +
                               to_string(check));
        }
    }
    if (!refusals.empty()) return GateResult{"mapping_check", GateVerdict::Refused, join(refusals, "; also "), result.inputs};
    result.detail = compared == 0 ? "first promotion: no live mapping to compare with"
                                  : std::to_string(compared) + " new mappings compared with the live ones (" +
                                        to_string(check) + ")";
    if (compared == 0) result.verdict = GateVerdict::Off;
    return result;
}

Result<GateResult> smoke_gate(StepContext& context, const Plan& plan) {
    const auto& smoke = context.job.gates.smoke_query;
    if (!smoke) return GateResult{"smoke_query", GateVerdict::Off, "no smoke_query", {}};
    GateResult result{"smoke_query", GateVerdict::Passed, "",
                      {{"query", smoke->query_json},
                       {"min_hits", std::to_string(smoke->min_hits)},
                       {"per_index", smoke->per_index ? "true" : "false"}}};
    const auto names = to_strings(plan.new_indices);
    std::vector<std::string> refusals;
    if (smoke->per_index) {
        for (const auto& name : names) {
            auto hits = context.client.count({name}, smoke->query_json);
            if (!hits) return hits.error();
            result.inputs[name] = std::to_string(*hits);
            if (*hits < smoke->min_hits)
                refusals.push_back("the smoke query found " + grouped(*hits) + " hits in " + name + "; min_hits is " +
                                   grouped(smoke->min_hits));
        }
    } else {
        auto hits = context.client.count(names, smoke->query_json);
        if (!hits) return hits.error();
        result.inputs["all new indices"] = std::to_string(*hits);
        if (*hits < smoke->min_hits)
            refusals.push_back("the smoke query found " + grouped(*hits) + " hits in the " + std::to_string(names.size()) +
                               " new indices together; min_hits is " + grouped(smoke->min_hits));
    }
    if (!refusals.empty()) {
        result.verdict = GateVerdict::Refused;
        result.detail = join(refusals, "; also ");
    } else {
        result.detail = std::string("at least ") + grouped(smoke->min_hits) + " hits " +
                        (smoke->per_index ? "in every new index" : "in the new indices together");
    }
    return result;
}

Result<Watermark> high_watermark(StepContext& context) {
    const std::string path = "/_cluster/settings?include_defaults=true&flat_settings=true";
    auto body = context.client.read(path);
    if (!body) return body.error();
    const std::string key = "cluster.routing.allocation.disk.watermark.high";
    std::string value = "90%";  // Elasticsearch's default when the cluster does not say
    try {
        Poco::JSON::Parser parser;
        const auto root = parser.parse(*body).extract<Poco::JSON::Object::Ptr>();
        for (const char* level : {"defaults", "persistent", "transient"}) {
            const auto settings = root->getObject(level);
            if (settings && settings->has(key)) value = settings->getValue<std::string>(key);
        }
    } catch (const std::exception& error) {
        return make_error(ErrorKind::StepFailed, "GET " + path + ": unexpected body: " + error.what());
    }
    std::string why;
    auto mark = parse_watermark(value, why);
    if (!mark) return make_error(ErrorKind::StepFailed, "GET " + path + ": " + why);
    return *mark;
}

Result<GateResult> disk_gate(StepContext& context, const Plan& plan) {
    std::vector<std::string> merged;
    for (const auto& row : plan.merges)
        if (row.decision == MergeDecision::Merge) merged.emplace_back(row.index);
    if (!context.job.gates.disk_check) return GateResult{"disk_check", GateVerdict::Off, "disk_check is false", {}};
    if (merged.empty()) return GateResult{"disk_check", GateVerdict::Off, "nothing to force-merge", {}};
    auto high = high_watermark(context);
    if (!high) return high.error();
    std::vector<NodeDisk> nodes;
    std::vector<ShardCopy> copies;
    try {
        auto allocation = context.client.read("/_cat/allocation?format=json&bytes=b");
        if (!allocation) return allocation.error();
        Poco::JSON::Parser parser;
        const auto rows = parser.parse(*allocation).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; rows && i < rows->size(); ++i) {
            const auto row = rows->getObject(static_cast<unsigned>(i));
            // No `node` column at all is not an allocation row: a broken answer (exit 6), never a disk verdict.
            if (!row || !row->has("node")) throw Poco::DataFormatException("a _cat/allocation row without `node`");
            if (row->get("node").isEmpty()) continue;  // the UNASSIGNED row
            nodes.push_back({row->getValue<std::string>("node"), number_in(row->get("disk.total")),
                             number_in(row->get("disk.used"))});
        }
        for (const auto& index : merged) {
            auto shards = context.client.read("/_cat/shards/" + index + "?format=json&bytes=b&h=index,shard,prirep,state,store,node");
            if (!shards) return shards.error();
            parser.reset();
            const auto shard_rows = parser.parse(*shards).extract<Poco::JSON::Array::Ptr>();
            for (std::size_t i = 0; shard_rows && i < shard_rows->size(); ++i) {
                const auto row = shard_rows->getObject(static_cast<unsigned>(i));
                if (!row || !row->has("node")) throw Poco::DataFormatException("a _cat/shards row without `node`");
                if (row->get("node").isEmpty()) continue;  // unassigned
                copies.push_back({index, row->getValue<std::string>("node"), number_in(row->get("store"))});
            }
        }
    } catch (const std::exception& error) {
        return make_error(ErrorKind::StepFailed, std::string("disk_check: unexpected body: ") + error.what());
    }
    GateResult result{"disk_check", GateVerdict::Passed, "", {{"high_watermark", high->spelled}}};
    for (const auto& node : nodes)
        result.inputs["node " + node.node] = std::to_string(node.used_bytes) + " of " + std::to_string(node.total_bytes);
    const auto refusals = disk_refusals(nodes, copies, *high);
    if (!refusals.empty()) {
        result.verdict = GateVerdict::Refused;
        result.detail = "not enough free disk to force-merge: " + join(refusals, "; ") +
                        " (disk_check: false skips this check)";
    } else {
        result.detail = "every node holding a shard to merge stays within the high watermark " + high->spelled;
    }
    return result;
}

}  // namespace

Status run_content_gates(StepContext& context, Plan& plan) {
    ContentGates& gates = plan.gates;
    const bool refused_by_gate = plan.outcome == PlanOutcome::Refused && gates.refused();
    if (gates.results.empty() || (plan.outcome != PlanOutcome::Promote && !refused_by_gate)) return ok_status();
    ActionTimer action(context.report, "gates", plan.alias);
    auto fail = [&](const Error& error) {
        action.finish(ActionStatus::Failed, error.message);
        context.log.error("gates", error.message);
        return make_error(error.kind == ErrorKind::Unreachable ? ErrorKind::Unreachable : ErrorKind::StepFailed,
                          "content gates: " + error.message + "; nothing was changed");
    };
    const auto names = to_strings(plan.new_indices);
    if (context.options.execution != Execution::DryRun) {
        ActionTimer refresh(context.report, "refresh", std::to_string(names.size()) + " new indices");
        refresh.set_indices(names);
        if (auto refreshed = context.client.refresh(names); !refreshed) {
            refresh.finish(ActionStatus::Failed, refreshed.error().message);
            return fail(refreshed.error());
        }
        refresh.finish(ActionStatus::Ok, "the only write before the swap that a gate needs");
        gates.counts_from = "refreshed";
    } else {
        gates.counts_from = "not refreshed (dry run)";
    }
    auto counts = context.client.primary_docs(names);
    if (!counts) return fail(counts.error());
    for (auto& entity : gates.docs) {
        const auto found = std::find_if(counts->begin(), counts->end(),
                                        [&](const auto& count) { return count.first == entity.new_index; });
        if (found != counts->end()) entity.new_docs = found->second;
    }
    for (auto& result : evaluate_doc_gates(gates.docs, gates.tolerances)) gates.set(std::move(result));
    auto mapping = mapping_gate(context, gates);
    if (!mapping) return fail(mapping.error());
    gates.set(std::move(mapping).value());
    auto smoke = smoke_gate(context, plan);
    if (!smoke) return fail(smoke.error());
    gates.set(std::move(smoke).value());
    auto disk = disk_gate(context, plan);
    if (!disk) return fail(disk.error());
    gates.set(std::move(disk).value());

    for (const auto& result : gates.results) {
        const std::string line = result.gate + ": " + to_string(result.verdict) + ": " + result.detail;
        result.verdict == GateVerdict::Refused ? context.log.error("gates", line) : context.log.info("gates", line);
    }
    if (const GateResult* refused = gates.refused()) {
        plan.outcome = PlanOutcome::Refused;
        plan.reason = refused->detail;
        action.finish(ActionStatus::Failed, refused->gate + " refused");
    } else {
        if (refused_by_gate) {  // the catalog's counts were from before the refresh
            plan.outcome = PlanOutcome::Promote;
            plan.reason.clear();
        }
        action.finish(ActionStatus::Ok, "every gate passed or is off");
    }
    return ok_status();
}

}  // namespace aliasing::detail
