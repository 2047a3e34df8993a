#include "aliasing/audit.hpp"

#include "aliasing/json_writer.hpp"
#include "aliasing/text_table.hpp"

namespace aliasing {

bool glob_match(std::string_view pattern, std::string_view name) {
    std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::vector<AuditRow> audit_catalog(const Catalog& catalog, const AuditOptions& options) {
    const MergePolicy policy{MergeKind::SizeBased, options.max_segment_size_bytes, ""};
    std::vector<AuditRow> rows;
    for (const auto& index : catalog.indices()) {
        if (!glob_match(options.pattern, index.name)) continue;
        AuditRow row{size_merge(index, policy, options.max_segment_size_bytes, true), {}};
        const MergeRow& m = row.merge;
        if (index.state == IndexState::Closed) {
            row.merge.command = "skip: closed";
            row.flags.push_back("closed");
        }
        if (m.shards > 1 && m.gb_per_shard < kSmallShardGiB) {
            row.flags.push_back("shards far too small: " + fixed2(m.gb_per_shard) + " GiB/shard over " +
                                std::to_string(m.shards) + " shards (aim for 10-50 GiB per shard)");
        }
        if (m.gb_per_shard > kLargeShardGiB) {
            row.flags.push_back("shards too large: " + fixed2(m.gb_per_shard) + " GiB/shard (aim for 10-50 GiB)");
        }
        if (index.health == IndexHealth::Red) row.flags.push_back("red");
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string render_audit(const std::vector<AuditRow>& rows, OutputFormat format) {
    if (format == OutputFormat::Json) {
        JsonWriter json;
        json.begin_array();
        for (const auto& row : rows) {
            json.begin_object();
            write_merge_fields(json, row.merge);
            json.key("flags").begin_array();
            for (const auto& flag : row.flags) json.value(flag);
            json.end_array().end_object();
        }
        json.end_array();
        return json.take() + "\n";
    }
    std::vector<MergeRow> merges;
    for (const auto& row : rows) merges.push_back(row.merge);
    TextTable table = merge_table(merges);
    std::string out = format == OutputFormat::Markdown ? table.to_markdown() : table.to_text();
    std::size_t flagged = 0;
    std::string notes;
    for (const auto& row : rows) {
        for (const auto& flag : row.flags) {
            notes += (format == OutputFormat::Markdown ? "- " : "  ") + std::string(row.merge.index) + ": " + flag + "\n";
        }
        flagged += row.flags.empty() ? 0 : 1;
    }
    out += "\n" + std::to_string(rows.size()) + " indices, " + std::to_string(flagged) + " flagged\n";
    if (!notes.empty()) out += (format == OutputFormat::Markdown ? "\n## Flags\n\n" : "\nFlags:\n") + notes;
    return out;
}

}  // namespace aliasing
