// `aliasing audit`'s output: the merge table with a flag list (text, Markdown) or one JSON array.
#include "aliasing/audit/audit.hpp"

#include "aliasing/render/json_writer.hpp"
#include "aliasing/render/text_table.hpp"

namespace aliasing {

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
