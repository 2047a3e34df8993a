#pragma once
/// The job file (SPEC §3).

#include "aliasing/gates/gate_settings.hpp"
#include "aliasing/common/result.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// What a promotion does with alias targets that are not this job's indices (job key `foreign_alias_targets`).
enum class ForeignAliasTargets {
    Refuse,  ///< the default: refuse the run (exit 4), naming them
    Keep,    ///< leave them behind the alias, untouched
    Remove,  ///< remove them from the alias with the swap (never delete them)
};

/// "refuse", "keep" or "remove".
const char* to_string(ForeignAliasTargets policy);

struct Job {
    std::string alias_name;
    std::string data_source;
    std::string index_base;
    bool abort_run = false;
    bool delete_old = false;
    bool forcemerge_new = false;
    std::optional<int> new_replicas;
    std::optional<std::uint64_t> max_segment_size_bytes;
    std::optional<std::vector<std::string>> entities;
    int keep_generations = 0;
    ForeignAliasTargets foreign_alias_targets = ForeignAliasTargets::Refuse;
    GateSettings gates;  ///< the content gates (SPEC §13)
};

/// Parses and validates a job file's text. Any problem is an ErrorKind::Usage error naming the key, the value
/// and what was expected; `origin` (a path) prefixes the message.
Result<Job> parse_job(std::string_view json_text, std::string_view origin);

/// Reads and parses a job file.
Result<Job> load_job(const std::filesystem::path& path);

/// Why `name` is not a valid Elasticsearch index name (reference §12), or empty if it is valid.
std::string index_name_problem(std::string_view name);

/// Why `name` is not a valid alias name (as index names, but uppercase allowed), or empty if valid.
std::string alias_name_problem(std::string_view name);

/// Why `part` cannot appear inside an index name as one `-`-separated part (e.g. an entity): empty, a character
/// Elasticsearch forbids, or uppercase. Returns the bare reason ("must be lowercase"), or empty if valid.
std::string index_name_part_problem(std::string_view part);

/// Byte offset of the first JSON syntax error in `text` (text.size() when the text ends too early), or nullopt if
/// `text` is one valid JSON value. Poco reports what is wrong but not where; this points users at a line and column.
std::optional<std::size_t> json_syntax_error_offset(std::string_view text);

}  // namespace aliasing
