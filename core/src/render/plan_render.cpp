#include "aliasing/render/plan_render.hpp"

#include "aliasing/io/huge_pages.hpp"
#include "aliasing/common/join.hpp"
#include "aliasing/render/json_writer.hpp"
#include "aliasing/render/text_table.hpp"

#include <algorithm>

namespace aliasing {
namespace {

constexpr std::size_t kListLimit = 20;  // longer lists are cut in text and markdown; JSON lists everything

std::string outcome_line(const Plan& plan) {
    switch (plan.outcome) {
        case PlanOutcome::Promote:
            return "PROMOTE generation " + std::string(plan.candidate->run_id) + " (" +
                   std::to_string(plan.new_indices.size()) + " indices) to alias [" + plan.alias + "]";
        case PlanOutcome::CleanupOnly: return "CLEANUP ONLY: " + plan.reason;
        case PlanOutcome::AlreadyLive: return "ALREADY LIVE: " + plan.reason;
        case PlanOutcome::Refused: return "REFUSED: " + plan.reason;
    }
    return "";
}

std::string segments_cell(const MergeRow& row) { return row.segments_known ? std::to_string(row.segments) : "?"; }

/// The command column of the fitted table: the force-merge target, or the decision without its long reason.
std::string short_command(const MergeRow& row) {
    if (row.decision == MergeDecision::Merge) return "max_num_segments=" + std::to_string(row.target_segments);
    if (row.decision == MergeDecision::PolicyNever) return "never (see below)";
    return row.command;
}

/// Under a fitted table: the full reason of every "never" row, once per distinct reason.
std::string never_reasons(const std::vector<MergeRow>& rows) {
    std::vector<std::string> reasons;
    for (const auto& row : rows) {
        if (row.decision != MergeDecision::PolicyNever) continue;
        if (std::find(reasons.begin(), reasons.end(), row.command) == reasons.end()) reasons.push_back(row.command);
    }
    constexpr std::size_t kWidth = 118;  // wrapped at spaces, so the block stays within 120 columns
    std::string out;
    for (const auto& reason : reasons) {
        std::string line = " ";
        std::size_t begin = 0;
        while (begin < reason.size()) {
            auto end = reason.find(' ', begin);
            if (end == std::string::npos) end = reason.size();
            const std::string word = reason.substr(begin, end - begin);
            if (line.size() + 1 + word.size() > kWidth && line.size() > 2) {
                out += line + "\n";
                line = "   ";
            }
            line += " " + word;
            begin = end + 1;
        }
        out += line + "\n";
    }
    return out;
}

class TextRenderer {
public:
    TextRenderer(const Plan& plan, bool markdown, TableWidth width)
        : m_plan(plan), m_md(markdown), m_width(markdown ? TableWidth::Wide : width) {}

    std::string render() {
        heading(m_md ? "# Aliasing plan: " + m_plan.alias : "Plan for alias [" + m_plan.alias + "]");
        line("data source: " + m_plan.data_source + ", index_base: " + m_plan.index_base +
             ", expected entities (" + to_string(m_plan.entities_from) + "): " + joined(m_plan.expected_entities));
        if (!m_plan.new_entities.empty())
            line(std::string(m_plan.new_entities.size() == 1 ? "new entity" : "new entities") +
                 " (in the new generation, not in the live one): " + joined(m_plan.new_entities));
        line(std::string(m_md ? "**" : "") + outcome_line(m_plan) + (m_md ? "**" : ""));
        if (!m_plan.merges.empty()) {
            section("New indices");
            const TextTable table = merge_table(m_plan.merges, m_width);
            m_out += m_md ? table.to_markdown() : table.to_text();
            if (m_width == TableWidth::Fit) m_out += never_reasons(m_plan.merges);
        }
        if (!m_plan.gates.results.empty()) {
            section(gates_summary(m_plan.gates));
            const TextTable table = docs_table(m_plan.gates);
            m_out += m_md ? table.to_markdown() : table.to_text();
            if (m_md) m_out += "\n";
            for (const auto& gate : gate_lines(m_plan.gates)) item(gate);
        }
        if (m_plan.outcome == PlanOutcome::Promote) {
            if (m_plan.new_replicas)
                line("Replicas: set number_of_replicas=" + std::to_string(*m_plan.new_replicas) +
                     " on the new indices, then wait for them to be green");
            alias_change();
        }
        if (m_plan.outcome == PlanOutcome::Promote || m_plan.outcome == PlanOutcome::CleanupOnly) {
            section("Deletions after the swap is verified (" + std::to_string(m_plan.deletions.size()) + ")");
            if (m_plan.deletions.empty()) item("none");
            list(m_plan.deletions);
        }
        notes("Kept", m_plan.kept);
        notes("Invalid run ids: never touched", m_plan.invalid);
        notes("Future generations: skipped", m_plan.future);
        if (!m_plan.ignored.empty()) {
            section("Ignored: not this job's indices, never touched (" +
                    std::to_string(m_plan.ignored.size()) + ")");
            for (std::size_t i = 0; i < m_plan.ignored.size() && i < kListLimit; ++i)
                item(std::string(m_plan.ignored[i].index) + ": " + to_string(m_plan.ignored[i].reason));
            more(m_plan.ignored.size());
        }
        generations();
        return std::move(m_out);
    }

private:
    void heading(const std::string& text) { m_out += text + "\n" + (m_md ? "\n" : ""); }
    void line(const std::string& text) { m_out += text + "\n" + (m_md ? "\n" : ""); }
    void section(const std::string& title) { m_out += m_md ? "\n## " + title + "\n\n" : "\n" + title + ":\n"; }
    void item(const std::string& text) { m_out += (m_md ? "- " : "  ") + text + "\n"; }
    void more(std::size_t total) {
        if (total > kListLimit) item("... and " + std::to_string(total - kListLimit) + " more (see --output json)");
    }
    void list(const std::vector<std::string_view>& names) {
        for (std::size_t i = 0; i < names.size() && i < kListLimit; ++i) item(std::string(names[i]));
        more(names.size());
    }
    void notes(const std::string& title, const std::vector<IndexNote>& entries) {
        if (entries.empty()) return;
        section(title + " (" + std::to_string(entries.size()) + ")");
        for (std::size_t i = 0; i < entries.size() && i < kListLimit; ++i)
            item(std::string(entries[i].index) + ": " + entries[i].reason);
        more(entries.size());
    }
    void alias_change() {
        const AliasChange& change = m_plan.alias_change;
        const std::string policy = to_string(change.foreign_policy);
        auto foreign = [&](std::string_view index) {
            return std::binary_search(change.foreign.begin(), change.foreign.end(), index);
        };
        section("Alias change (one atomic POST /_aliases)");
        if (change.per_entity) item("the alias's properties differ per entity: each new index carries its entity's own");
        for (auto index : change.removes) {
            std::string text = "remove [" + m_plan.alias + "] from " + std::string(index) + " (must_exist";
            if (foreign(index)) text += "; not this job's index, foreign_alias_targets=" + policy + ": never deleted";
            text += ")";
            const auto at = std::find_if(change.current.begin(), change.current.end(),
                                         [&](const AliasTarget& target) { return target.index == index; });
            const std::string properties =
                at == change.current.end() ? std::string() : describe_properties(at->properties);
            item(text + (properties.empty() ? "" : ", had " + properties));
        }
        for (const auto& add : change.adds) {
            const std::string properties = describe_properties(add.properties);
            item("add    [" + m_plan.alias + "] to   " + std::string(add.index) +
                 (properties.empty() ? "" : " with " + properties));
        }
        if (change.foreign_policy == ForeignAliasTargets::Keep) {
            for (auto index : change.foreign)
                item("keep   [" + m_plan.alias + "] on   " + std::string(index) +
                     " (not this job's index, foreign_alias_targets=keep: untouched)");
        }
    }
    static std::string joined(const std::vector<std::string>& items) {
        return items.empty() ? "(none)" : join(items);
    }
    void generations() {
        if (m_plan.generations.empty()) return;
        section("Generations (newest first)");
        TextTable table({"run id", "instant", "indices", "complete", "live", "note"},
                        {Align::Left, Align::Left, Align::Right, Align::Left, Align::Left, Align::Left});
        for (std::size_t i = 0; i < m_plan.generations.size() && i < kListLimit; ++i) {
            const auto& g = m_plan.generations[i];
            std::string note = g.future ? "in the future: skipped" : "";
            if (!g.complete) note += (note.empty() ? "" : "; ") + std::string("missing ") + joined(g.missing);
            table.add_row({std::string(g.run_id), format_instant(g.instant), std::to_string(g.index_count),
                           g.complete ? "yes" : "no", g.live ? "yes" : "", note});
        }
        m_out += m_md ? table.to_markdown() : table.to_text();
        more(m_plan.generations.size());
    }

    const Plan& m_plan;
    bool m_md;
    TableWidth m_width;
    std::string m_out;
};

// The names of these lists view the catalog body in name order, i.e. scattered over hundreds of megabytes: without
// asking for each name some rows ahead, writing them waits on a cache miss per name (76% of writing them at 100k).
constexpr std::size_t kPrefetchAhead = 8;

template <class Item, class NameOf>
void prefetch_name(const std::vector<Item>& items, std::size_t i, NameOf name_of) {
    if (i + kPrefetchAhead < items.size()) __builtin_prefetch(name_of(items[i + kPrefetchAhead]).data());
}

void write_names(JsonWriter& json, std::string_view name, const std::vector<std::string_view>& names) {
    json.key(name).begin_array();
    for (std::size_t i = 0; i < names.size(); ++i) {
        prefetch_name(names, i, [](std::string_view n) { return n; });
        json.value(names[i]);
    }
    json.end_array();
}

void write_notes(JsonWriter& json, std::string_view name, const std::vector<IndexNote>& notes) {
    json.key(name).begin_array();
    for (std::size_t i = 0; i < notes.size(); ++i) {
        prefetch_name(notes, i, [](const IndexNote& n) { return n.index; });
        json.begin_object().field("index", notes[i].index).field("reason", notes[i].reason).end_object();
    }
    json.end_array();
}

void write_alias_change(JsonWriter& json, const Plan& plan) {
    const AliasChange& change = plan.alias_change;
    json.key("alias_change").begin_object();
    json.field("foreign_alias_targets", to_string(change.foreign_policy));
    write_names(json, "foreign", change.foreign);
    json.field("per_entity", change.per_entity);
    write_names(json, "remove", change.removes);
    auto targets = [&](std::string_view name, const std::vector<AliasTarget>& list) {
        json.key(name).begin_array();
        for (const auto& target : list) {
            json.begin_object().field("index", target.index).key("properties").begin_object();
            write_alias_properties(json, target.properties);
            json.end_object().end_object();
        }
        json.end_array();
    };
    targets("current", change.current);
    targets("add", change.adds);
    write_names(json, "after", change.after);
    json.end_object();
}

/// A generous guess of plan_json's size, to reserve once: the name lists dominate it. Reserved pages that are never
/// written are never resident, so guessing high costs nothing.
std::size_t plan_json_estimate(const Plan& plan) {
    std::size_t bytes = 16384 + 512 * (plan.merges.size() + plan.generations.size() + plan.gates.results.size());
    auto names = [&](const std::vector<std::string_view>& list) {
        for (auto name : list) bytes += name.size() + 8;
    };
    auto notes = [&](const std::vector<IndexNote>& list) {
        for (const auto& note : list) bytes += note.index.size() + note.reason.size() + 32;
    };
    names(plan.old_indices);
    names(plan.new_indices);
    names(plan.deletions);
    names(plan.alias_change.foreign);
    names(plan.alias_change.removes);
    names(plan.alias_change.after);
    bytes += 256 * (plan.alias_change.current.size() + plan.alias_change.adds.size());
    notes(plan.kept);
    notes(plan.invalid);
    notes(plan.future);
    for (const auto& ignored : plan.ignored) bytes += ignored.index.size() + 96;
    return bytes;
}

void write_plan(JsonWriter& json, const Plan& plan) {
    json.begin_object();
    json.field("alias", plan.alias).field("data_source", plan.data_source).field("index_base", plan.index_base);
    json.field("outcome", to_string(plan.outcome)).field("exit_code", plan.exit_code());
    json.key("reason");
    plan.reason.empty() ? json.null() : json.value(plan.reason);
    json.key("expected_entities").begin_array();
    for (const auto& e : plan.expected_entities) json.value(e);
    json.end_array().field("entities_from", to_string(plan.entities_from));
    json.key("new_entities").begin_array();
    for (const auto& e : plan.new_entities) json.value(e);
    json.end_array();
    json.key("candidate");
    if (plan.candidate)
        json.begin_object()
            .field("run_id", plan.candidate->run_id)
            .field("instant", format_instant(plan.candidate->instant))
            .end_object();
    else
        json.null();
    json.field("max_segment_size_bytes", plan.max_segment_size_bytes);
    json.key("new_replicas");
    plan.new_replicas ? json.value(*plan.new_replicas) : json.null();
    json.key("merges").begin_array();
    for (const auto& row : plan.merges) {
        json.begin_object();
        write_merge_fields(json, row);
        json.end_object();
    }
    json.end_array();
    if (!plan.gates.results.empty()) write_gates(json, plan.gates);
    write_names(json, "old_indices", plan.old_indices);
    write_names(json, "new_indices", plan.new_indices);
    write_alias_change(json, plan);
    write_names(json, "deletions", plan.deletions);
    write_notes(json, "kept", plan.kept);
    write_notes(json, "invalid", plan.invalid);
    write_notes(json, "future", plan.future);
    json.key("ignored").begin_array();
    for (std::size_t i = 0; i < plan.ignored.size(); ++i) {
        prefetch_name(plan.ignored, i, [](const IgnoredIndex& ignored) { return ignored.index; });
        json.begin_object()
            .field("index", plan.ignored[i].index)
            .field("reason", to_string(plan.ignored[i].reason))
            .end_object();
    }
    json.end_array();
    json.key("generations").begin_array();
    for (const auto& g : plan.generations) {
        json.begin_object()
            .field("run_id", g.run_id)
            .field("instant", format_instant(g.instant))
            .field("indices", static_cast<std::uint64_t>(g.index_count))
            .field("complete", g.complete)
            .field("live", g.live)
            .field("future", g.future);
        json.key("missing").begin_array();
        for (const auto& m : g.missing) json.value(m);
        json.end_array().end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

void write_merge_fields(JsonWriter& json, const MergeRow& row) {
    json.field("index", row.index).field("shards", row.shards).field("size_bytes", row.size_bytes);
    json.key("segments");
    row.segments_known ? json.value(row.segments) : json.null();
    json.field("gb_per_shard", row.gb_per_shard)
        .field("segments_per_shard", row.segments_per_shard)
        .field("segments_per_gb", row.segments_per_gb)
        .field("target_segments", row.target_segments)
        .field("decision", to_string(row.decision))
        .field("command", row.command);
}

TextTable merge_table(const std::vector<MergeRow>& rows, TableWidth width) {
    const bool fit = width == TableWidth::Fit;
    std::vector<std::string> headers =
        fit ? std::vector<std::string>{"index", "shards", "size", "segs", "GiB/shard", "segs/shard", "segs/GiB", "command"}
            : std::vector<std::string>{"index",     "shards",         "size",         "segments",
                                       "GiB/shard", "segments/shard", "segments/GiB", "command"};
    TextTable table(std::move(headers), {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right,
                                         Align::Right, Align::Right, Align::Left});
    for (const auto& row : rows) {
        table.add_row({std::string(row.index), std::to_string(row.shards), human_bytes(row.size_bytes),
                       segments_cell(row), fixed2(row.gb_per_shard),
                       row.segments_known ? fixed2(row.segments_per_shard) : "?",
                       row.segments_known ? fixed2(row.segments_per_gb) : "?", fit ? short_command(row) : row.command});
    }
    return table;
}

Result<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "text") return OutputFormat::Text;
    if (name == "json") return OutputFormat::Json;
    if (name == "markdown" || name == "md") return OutputFormat::Markdown;
    return make_error(ErrorKind::Usage,
                      "--output: value \"" + std::string(name) + "\" is not valid: expected text, json or markdown");
}

std::string plan_json(const Plan& plan) {
    JsonWriter json;
    json.reserve(plan_json_estimate(plan));
    advise_huge_pages(json.str().data(), json.str().capacity());
    write_plan(json, plan);
    return json.take();
}

std::string render_plan(const Plan& plan, OutputFormat format, TableWidth width) {
    switch (format) {
        case OutputFormat::Json: {
            std::string out = plan_json(plan);  // megabytes at 100k indices: appended to, not copied
            out += '\n';
            return out;
        }
        case OutputFormat::Markdown: return TextRenderer(plan, true, width).render();
        case OutputFormat::Text: return TextRenderer(plan, false, width).render();
    }
    return "";
}

}  // namespace aliasing
