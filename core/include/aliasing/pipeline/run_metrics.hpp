#pragma once
/// `--metrics-file PATH` (SPEC §13): the run's outcome in the Prometheus text exposition format, for
/// node_exporter's textfile collector, written atomically.

#include "aliasing/pipeline/report.hpp"
#include "aliasing/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aliasing {

/// What one run says about itself, labelled by alias and data source.
struct RunMetrics {
    std::string alias;
    std::string data_source;
    double finished_at = 0;  ///< Unix seconds
    int exit_code = -1;
    double duration_seconds = 0;
    std::vector<std::pair<std::string, double>> step_seconds;  ///< per step, in the order first seen
    std::uint64_t documents_promoted = 0;  ///< primary documents of the new indices, when the alias moved
    std::uint64_t bytes_promoted = 0;      ///< primary store bytes of the new indices, when the alias moved
    std::uint64_t indices_deleted = 0;
};

/// The metrics of a finished report (its plan, actions and exit code).
RunMetrics metrics_of(const RunReport& report, std::string alias, std::string data_source, double finished_at);

/// The value of `aliasing_last_success_timestamp_seconds` for these labels in an existing metrics file's text.
std::optional<double> previous_success(std::string_view text, const std::string& alias, const std::string& data_source);

/// The exposition text. The last success is this run's end when it succeeded (exit 0 or 3), else `previous`.
std::string render_metrics(const RunMetrics& metrics, std::optional<double> previous);

/// Reads the existing file for the previous success, then writes PATH.tmp and renames it over PATH.
Status write_metrics_file(const std::filesystem::path& path, const RunMetrics& metrics);

}  // namespace aliasing
