#pragma once
/// The plan as people and programs read it: the §7 table, the alias change and the deletion list.

#include "aliasing/plan/plan.hpp"

#include <string>

namespace aliasing {

enum class OutputFormat { Text, Json, Markdown };
/// The text plan table: Fit (default) keeps it within 120 columns for the usual index names (short headers, the
/// command as `max_num_segments=N`); Wide prints the full headers and commands (`--wide`). Markdown and JSON are
/// always complete.
enum class TableWidth { Fit, Wide };

/// Parses "text", "json" or "markdown".
Result<OutputFormat> parse_output_format(std::string_view name);

/// The full plan. Text is for terminals and logs; Markdown pastes into a change request; JSON is the same content
/// for programs (every list complete, sizes in bytes).
std::string render_plan(const Plan& plan, OutputFormat format, TableWidth width = TableWidth::Fit);

/// The plan as a JSON object (used inside reports).
std::string plan_json(const Plan& plan);

/// The fields of one plan-table row, inside an object the caller opened (shared by plan and audit JSON).
class JsonWriter;
void write_merge_fields(JsonWriter& json, const MergeRow& row);

/// The §7 table rows: index | shards | size | segments | GiB/shard | segments/shard | segments/GiB | command
/// (Fit: index | shards | size | segs | GiB/shard | segs/shard | segs/GiB | command, the command shortened).
class TextTable;
TextTable merge_table(const std::vector<MergeRow>& rows, TableWidth width = TableWidth::Wide);

/// The content gates' heading: primary documents, where the counts come from, the refresh (gate_render.cpp).
std::string gates_summary(const ContentGates& gates);
/// index | docs | live docs | change: each new index's primary documents beside the live index of its entity.
TextTable docs_table(const ContentGates& gates);
/// One line per gate: "min_docs: passed (every new index has ...)".
std::vector<std::string> gate_lines(const ContentGates& gates);
/// The "gates" member of the plan JSON: tolerances, counts and each gate's verdict with its inputs.
void write_gates(JsonWriter& json, const ContentGates& gates);

}  // namespace aliasing
