// The content gates in the plan (SPEC §13): the document counts beside the live ones, one line per gate.
#include "aliasing/render/plan_render.hpp"

#include "aliasing/render/json_writer.hpp"
#include "aliasing/render/text_table.hpp"

namespace aliasing {

std::string gates_summary(const ContentGates& gates) {
    return "Content gates (primary documents, counts " +
           std::string(gates.counts_from == "catalog" ? "from the catalog" : gates.counts_from) +
           "; the refresh of the new indices is the only write before the swap that a gate needs)";
}

TextTable docs_table(const ContentGates& gates) {
    TextTable table({"index", "docs", "live docs", "change"}, {Align::Left, Align::Right, Align::Right, Align::Right});
    for (const auto& entity : gates.docs) {
        const bool first = entity.live_index.empty();
        table.add_row({entity.new_index, grouped(entity.new_docs), first ? "-" : grouped(entity.live_docs),
                       first ? "first" : percent_change(entity.live_docs, entity.new_docs)});
    }
    return table;
}

std::vector<std::string> gate_lines(const ContentGates& gates) {
    std::vector<std::string> lines;
    for (const auto& result : gates.results)
    {
        const std::string verdict = to_string(result.verdict);
        lines.push_back(result.gate + ": " +
                        (result.detail.rfind(verdict, 0) == 0 ? result.detail : verdict + ": " + result.detail));
    }
    return lines;
}

void write_gates(JsonWriter& json, const ContentGates& gates) {
    json.key("gates").begin_object();
    json.field("counts", "primary documents").field("counts_from", gates.counts_from);
    json.key("tolerances").begin_object().field("min_docs", gates.tolerances.min_docs);
    json.field("max_docs_drop_pct", static_cast<std::uint64_t>(gates.tolerances.max_docs_drop_pct));
    json.key("max_docs_growth_pct");
    gates.tolerances.max_docs_growth_pct ? json.value(static_cast<std::uint64_t>(*gates.tolerances.max_docs_growth_pct))
                                         : json.null();
    json.end_object();
    json.key("docs").begin_array();
    for (const auto& entity : gates.docs) {
        json.begin_object().field("entity", entity.entity).field("index", entity.new_index).field("docs", entity.new_docs);
        json.key("live_index");
        entity.live_index.empty() ? json.null() : json.value(entity.live_index);
        json.key("live_docs");
        entity.live_index.empty() ? json.null() : json.value(entity.live_docs);
        json.key("change");
        entity.live_index.empty() ? json.null() : json.value(percent_change(entity.live_docs, entity.new_docs));
        json.end_object();
    }
    json.end_array();
    json.key("results").begin_array();
    for (const auto& result : gates.results) {
        json.begin_object().field("gate", result.gate).field("verdict", to_string(result.verdict));
        json.field("detail", result.detail).key("inputs").begin_object();
        for (const auto& [name, value] : result.inputs) json.field(name, value);
        json.end_object().end_object();
    }
    json.end_array().end_object();
}

}  // namespace aliasing
