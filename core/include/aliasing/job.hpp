#pragma once
/// The job file (SPEC §3).

#include "aliasing/result.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

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

}  // namespace aliasing
