// What `run`, `status` and `plan` print for several clusters: each cluster's plan, then one row per cluster.
#include "multi_steps.hpp"

#include "aliasing/render/json_writer.hpp"
#include "aliasing/render/plan_render.hpp"
#include "aliasing/render/text_table.hpp"

namespace aliasing::multi {
namespace {

std::string action_of(const Member& member, const std::optional<Agreement>& agreed) {
    if (!member.plan) return "-";
    if (member.hold.refusal) return "refused (rollback hold)";
    switch (member.plan->outcome) {
        case PlanOutcome::Refused: return "refused";
        case PlanOutcome::AlreadyLive: return "none (already live)";
        case PlanOutcome::CleanupOnly: return "cleanup only";
        case PlanOutcome::Promote: return agreed ? "swap" : "none (no agreement)";
    }
    return "-";
}

std::string serves_text(const ClusterServing& serving) {
    return serving.generation.empty() ? "(" + serving.detail + ")" : serving.generation;
}

std::vector<ClusterServing> planned(const Members& members) {
    std::vector<ClusterServing> out;
    for (const auto& member : members) out.push_back(planned_serving(*member));
    return out;
}

}  // namespace

void render_clusters(const Members& members, const std::optional<Agreement>& agreed, OutputFormat format,
                     TableWidth width, std::ostream& out) {
    const auto serving = planned(members);
    const bool split = !same_generation(serving);
    if (format == OutputFormat::Json) {
        JsonWriter json;
        json.begin_object().key("agreed_generation");
        agreed ? json.value(agreed->run_id) : json.null();
        json.field("split", split).key("clusters").begin_array();
        for (std::size_t i = 0; i < members.size(); ++i) {
            const Member& member = *members[i];
            json.begin_object().field("name", member.name).field("product", member.product);
            json.key("serves");
            serving[i].generation.empty() ? json.null() : json.value(serving[i].generation);
            json.field("action", action_of(member, agreed)).key("plan");
            member.plan ? json.raw(plan_json(*member.plan)) : json.null();
            json.end_object();
        }
        json.end_array().end_object();
        out << json.take() << "\n";
        return;
    }
    const bool markdown = format == OutputFormat::Markdown;
    for (const auto& member : members) {
        if (!member->plan) continue;
        out << (markdown ? "## Cluster [" : "=== Cluster [") << member->name << "] " << member->product
            << (markdown ? "\n\n" : " ===\n");
        out << render_plan(*member->plan, format, width) << "\n";
    }
    TextTable table({"cluster", "product", "serves now", "promotes", "action"});
    for (std::size_t i = 0; i < members.size(); ++i) {
        const Member& member = *members[i];
        const std::string promotes = member.plan && member.plan->candidate ? std::string(member.plan->candidate->run_id)
                                                                           : "-";
        table.add_row({member.name, member.product, serves_text(serving[i]), promotes, action_of(member, agreed)});
    }
    out << (markdown ? "## Clusters\n\n" + table.to_markdown() : "Clusters:\n" + table.to_text());
    if (split) {
        out << "SPLIT: the clusters serve different generations (" << describe_split(serving)
            << "); a run converges them\n";
    }
    if (agreed) out << "Every cluster promotes generation " << agreed->run_id << "\n";
    out.flush();
}

std::string clusters_json(const Members& members, const std::vector<ClusterServing>& serving) {
    JsonWriter json;
    json.begin_array();
    for (std::size_t i = 0; i < members.size(); ++i) {
        const Member& member = *members[i];
        json.begin_object().field("name", member.name).field("product", member.product);
        json.field("plan_outcome", member.plan ? to_string(member.plan->outcome) : "not planned").key("serves");
        if (i < serving.size() && !serving[i].generation.empty()) json.value(serving[i].generation);
        else json.null();
        if (i < serving.size() && !serving[i].detail.empty()) json.field("serves_detail", serving[i].detail);
        json.end_object();
    }
    json.end_array();
    return json.take();
}

}  // namespace aliasing::multi
